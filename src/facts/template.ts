import type { LoadedStandard } from '../standard/types.js';
import { t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
import { factsFileSchema } from './schema.js';
import { expectedOf } from './validate.js';
import { timeWords } from '../standard/time.js';
import { standardYears } from '../standard/years.js';

/** Where an item stands in its document: 内容 and number (the negative list has only numbers). */
function placeOf(item: { content: string | null; number: number }): string {
  return item.content ? `${item.content} ${item.number}` : String(item.number);
}

/** The facts a standard (and the negative lists it applies) reads, grouped by the 项目 that first reads each. */
export function factsByAspect(standard: LoadedStandard, lang: Lang = 'zh'): { aspect: string; facts: { path: string; readBy: string[] }[] }[] {
  const negativeItem = t(lang, 'input.template.negativeItem');
  const groups = new Map<string, Map<string, string[]>>();
  const add = (aspect: string, path: string, place: string) => {
    const existing = [...groups.values()].find((g) => g.has(path));
    const group = existing ?? groups.get(aspect) ?? groups.set(aspect, new Map()).get(aspect)!;
    group.set(path, [...(group.get(path) ?? []), place]);
  };
  for (const it of standard.items) for (const path of it.reads) add(it.aspect, path, `${it.aspect} ${placeOf(it)}`);
  for (const list of standard.negativeLists) {
    for (const it of list.items) for (const path of it.reads) add(negativeItem, path, `${negativeItem} ${it.number}`);
  }
  return [...groups].map(([aspect, facts]) => ({ aspect, facts: [...facts].map(([path, readBy]) => ({ path, readBy })) }));
}

/** JSON Schema of a facts file for this standard: the facts it reads, typed (assess schema). */
export function standardFactsSchema(standard: LoadedStandard): Record<string, unknown> {
  const vocabulary = Object.create(null);
  for (const g of factsByAspect(standard)) for (const f of g.facts) vocabulary[f.path] = standard.vocabulary[f.path];
  return factsFileSchema(vocabulary, `Facts file for ${standard.title} (${standard.id}@${standard.version})`);
}

/**
 * A facts template a street office fills in (assess init): every fact the standard reads, grouped
 * by 项目, each with its description, type, unit and the items that read it; values left empty.
 * JSON has no comments, so a JSON template carries the same descriptions under `$comment`.
 */
export function factsTemplate(standard: LoadedStandard, format: 'yaml' | 'json', schemaRef: string, lang: Lang = 'zh'): string {
  const ref = `${standard.id}@${standard.version}`;
  const groups = factsByAspect(standard, lang);
  const describe = (path: string, readBy: string[]) => {
    const spec = standard.vocabulary[path];
    const unit = (lang === 'zh' ? spec.unit : spec.unit_en) ?? null;
    return { text: lang === 'zh' ? spec.zh : spec.en, other: lang === 'zh' ? spec.en : spec.zh, detail: t(lang, 'input.template.fact', { type: spec.type, unit, expected: expectedOf(spec, lang), readBy }) };
  };
  if (format === 'json') {
    const facts: Record<string, null> = {};
    const comment: Record<string, string> = { '': t(lang, 'input.template.comment') };
    for (const g of groups) {
      for (const f of g.facts) {
        facts[f.path] = null;
        const d = describe(f.path, f.readBy);
        comment[f.path] = `${d.text} — ${d.detail}`;
      }
    }
    return JSON.stringify({ $schema: schemaRef, $comment: comment, standard: ref, area: { name: null, code: null }, period: null, facts, evidence: {} }, null, 2) + '\n';
  }
  const out = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# ${t(lang, 'input.template.title', { title: standard.title, ref })}`,
    `# ${t(lang, 'input.template.schema', { ref, file: schemaRef.replace(/^\.\//, '') })}`,
    `# ${t(lang, 'input.template.empty')}`,
    `standard: ${ref}`,
    'area:',
    `  name:   # ${t(lang, 'input.template.areaName')}`,
    `  code:   # ${t(lang, 'input.template.areaCode')}`,
    // The period's example in the standard's year (a period outside it is refused: src/standard/years.ts).
    `period:   # ${t(lang, 'input.template.period', { year: standardYears(standard.version)?.from ?? 2023 })}`,
    'facts:',
  ];
  for (const g of groups) {
    out.push(`  # ── ${g.aspect} ──`);
    for (const f of g.facts) {
      const d = describe(f.path, f.readBy);
      out.push(`  # ${d.text}${lang === 'zh' ? ` — ${d.other}` : ''}`);
      out.push(`  # ${d.detail}`);
      // What it counts: the year to date, the period, or the state now (src/assess/period.ts).
      const time = standard.vocabulary[f.path]?.time;
      if (time) out.push(`  # ${timeWords(time, lang)}`);
      out.push(`  ${f.path}:`);
    }
  }
  out.push(`# ${t(lang, 'input.template.evidence')}`, '# evidence:', '#   some_fact: [evidence/minutes.pdf]', 'evidence: {}');
  return out.join('\n') + '\n';
}
