import { t, type MessageId } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';

/** Words of the batch summary and of the progress section (月报), read from the catalogue (section report). */
function build(lang: Lang) {
  const w = (id: MessageId) => (t as (l: Lang, i: MessageId) => string)(lang, id);
  return {
    invalid: w('report.batch.invalid'),
    summary: w('report.batch.summary'),
    packs: (n: number) => t(lang, 'report.batch.packs', { n }),
    worst: w('report.batch.worst'),
    mostFailed: w('report.batch.mostFailed'),
    areas: (n: number, total: number) => t(lang, 'report.batch.areas', { n, total }),
    vetoes: w('report.batch.vetoes'),
    area: w('report.batch.area'),
    verdictHead: w('report.batch.verdictHead'),
    input: w('report.batch.input'),
    open: w('report.batch.open'),
    progress: w('report.progress.title'),
    noBaseline: w('report.progress.noBaseline'),
    baselineFrom: (period: string | undefined, verdict: string, score: string) => t(lang, 'report.progress.baselineFrom', { period, verdict, score }),
    newlyMet: w('report.progress.newlyMet'),
    newlyFailed: w('report.progress.newlyFailed'),
    stillOpen: w('report.progress.stillOpen'),
    scoreDelta: w('report.progress.scoreDelta'),
    before: w('report.progress.before'),
    after: w('report.progress.after'),
    delta: w('report.progress.delta'),
    vetoChanges: w('report.progress.vetoChanges'),
    evidence: w('report.progress.evidence'),
  };
}

const built: Partial<Record<Lang, ReturnType<typeof build>>> = {};

export function batchLabels(lang: Lang) {
  return (built[lang] ??= build(lang));
}

/** "+12.5 pt" / "−3.0 pt": a change of score in percentage points; "—" when there is nothing to compare. */
export function signedPoints(delta: number | null): string {
  if (delta === null) return '—';
  const pts = Math.round(delta * 1000) / 10;
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${Math.abs(pts).toFixed(1)} pt`;
}
