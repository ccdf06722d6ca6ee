import { InputError } from '../errors.js';
import { resolve } from 'node:path';
import type { LintProblem } from '../standard/load.js';
import { checkStandard, loadStandardSync } from '../standard/load.js';
import { listBundled } from '../standard/registry.js';
import type { LoadedStandard } from '../standard/types.js';
import { readDocument } from '../source/read.js';
import { describeError, EXIT, say } from './exit.js';
import type { Io } from './assess-command.js';
import type { Lang } from '../messages/types.js';
import { t } from '../messages/catalogue.js';
import { problemMessage } from '../error-words.js';

/** `assess standards list`: every bundled standard, one line each. */
export function runList(format: string, io: Io, lang: Lang = 'zh'): number {
  const rows = listBundled().map((ref) => {
    const s = loadStandardSync(`${ref.id}@${ref.version}`);
    return { id: s.id, version: s.version, title: s.title, kind: s.kind, items: s.items.length, negative_lists: s.negativeListRefs };
  });
  if (format === 'json') io.stdout.write(JSON.stringify({ standards: rows }, null, 2) + '\n');
  else for (const r of rows) io.stdout.write(`${`${r.id}@${r.version}`.padEnd(32)} ${t(lang, 'cli.list.items', { n: r.items }).padStart(9)}  ${r.kind === 'negative-list' ? `${t(lang, 'cli.list.negative')} ` : ''}${r.title}\n`);
  return EXIT.pass;
}

/** `assess standards show <id>[@<version>]`: the standard as data (contract: items, facts). */
export function runShow(ref: string, format: string, io: Io, lang: Lang = 'zh'): number {
  const s = loadStandardSync(ref);
  if (format === 'json') {
    io.stdout.write(JSON.stringify(showJson(s), null, 2) + '\n');
    return EXIT.pass;
  }
  io.stdout.write(`${s.title}\n${s.id}@${s.version}${s.draft ? t(lang, 'cli.show.draft') : ''}, ${t(lang, 'cli.show.items', { n: s.items.length })}\n`);
  if (s.negativeListRefs.length) io.stdout.write(`${t(lang, 'cli.show.negativeLists')}: ${s.negativeListRefs.join(', ')}\n`);
  let aspect = '';
  for (const it of s.items) {
    if (it.aspect !== aspect) io.stdout.write(`\n${(aspect = it.aspect)}\n`);
    io.stdout.write(`  ${it.content ? `${it.content} ` : ''}${it.number}  [${it.id}]  ${it.text}\n`);
    if (it.responsible.length) io.stdout.write(`      ${t(lang, 'cli.show.responsible')}: ${it.responsible.join(lang === 'zh' ? '、' : ', ')}\n`);
    io.stdout.write(`      ${t(lang, 'cli.show.reads')}: ${it.reads.join(', ')}\n`);
  }
  return EXIT.pass;
}

export function showJson(s: LoadedStandard) {
  const facts: Record<string, unknown> = {};
  const read = new Set(s.items.flatMap((i) => i.reads));
  for (const path of [...read].sort()) if (s.vocabulary[path]) facts[path] = s.vocabulary[path];
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    kind: s.kind,
    draft: s.draft,
    source: s.source ?? null,
    negative_lists: s.negativeListRefs,
    verdict: { policy: s.verdict.policy, ...(s.verdict.minScore !== undefined ? { min_score: s.verdict.minScore } : {}) },
    items: s.items.map((i) => ({
      id: i.id,
      aspect: i.aspect,
      content: i.content,
      number: i.number,
      ...(i.row !== undefined ? { row: i.row } : {}),
      text: i.text,
      responsible: i.responsible,
      weight: i.weight,
      ...(i.appliesIf !== undefined ? { applies_if: i.appliesIf } : {}),
      ...(s.kind === 'negative-list' ? { veto_if: i.vetoIf } : { rule: i.rule }),
      reads: i.reads,
      evidence: i.evidence,
      ...(i.note ? { note: i.note } : {}),
    })),
    facts,
  };
}

/** `assess standards lint [file...]`: every problem of every file, located; exit 3 on any error. */
export function runLint(files: string[], format: string, io: Io, debug = false, lang: Lang = 'zh'): number {
  const targets = files.length ? files.map((f) => resolve(f)) : listBundled().map((r) => r.file);
  const report: { file: string; problems: LintProblem[] }[] = [];
  let code: number = EXIT.pass;
  for (const file of targets) {
    try {
      const { problems } = checkStandard(readDocument(file), file);
      report.push({ file, problems });
      if (problems.some((p) => p.severity === 'error')) code = EXIT.invalid;
    } catch (e) {
      // A file that can't be read or parsed: its located problems join the list below, printed
      // once (they were printed twice, the second time as "error: error: …" with no line field).
      if (e instanceof InputError) {
        report.push({ file, problems: e.problems.map((p) => ({ ...p, severity: 'error' as const })) });
        code = Math.max(code, EXIT.invalid);
        continue;
      }
      const { lines, code: c } = describeError(e, debug, lang);
      if (format !== 'json') io.stderr.write(lines.join('\n') + '\n');
      report.push({ file, problems: [{ severity: 'error', message: lines.join(' ') }] });
      code = Math.max(code, c);
    }
  }
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ files: report }, null, 2) + '\n');
    return code;
  }
  for (const { file, problems } of report) {
    for (const p of problems) {
      const where = `${file}${p.line ? `:${p.line}:${p.column}` : ''}`;
      const label = t(lang, p.severity === 'error' ? 'input.label.error' : 'input.label.warning');
      const fix = p.hint ? `\n  ${t(lang, 'input.label.fix')}: ${say(lang, p.hint.id, p.hint.data)}` : '';
      (p.severity === 'error' ? io.stderr : io.stdout).write(`${where}: ${label}: ${problemMessage(p, lang)}${p.expected && !p.id ? ` (${t(lang, 'cli.lint.expected')} ${p.expected})` : ''}${fix}\n`);
    }
  }
  const errors = report.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = report.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  io.stdout.write(`${t(lang, 'cli.lint.summary', { files: report.length, errors, warnings })}\n`);
  return code;
}
