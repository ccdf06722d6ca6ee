import type { LoadedStandard } from '../standard/types.js';
import { labels, placeOf } from '../report/labels.js';
import { factsFileSchema } from './schema.js';
import { expectedOf } from './validate.js';

/** The facts a standard (and the negative lists it applies) reads, grouped by the 项目 that first reads each. */
export function factsByAspect(standard: LoadedStandard): { aspect: string; facts: { path: string; readBy: string[] }[] }[] {
  const groups = new Map<string, Map<string, string[]>>();
  const add = (aspect: string, path: string, place: string) => {
    const existing = [...groups.values()].find((g) => g.has(path));
    const group = existing ?? groups.get(aspect) ?? groups.set(aspect, new Map()).get(aspect)!;
    group.set(path, [...(group.get(path) ?? []), place]);
  };
  for (const it of standard.items) for (const path of it.reads) add(it.aspect, path, `${it.aspect} ${placeOf(it)}`);
  for (const list of standard.negativeLists) {
    for (const it of list.items) for (const path of it.reads) add(labels('zh').negativeItem, path, `${labels('zh').negativeItem} ${it.number}`);
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
 */
export function factsTemplate(standard: LoadedStandard, format: 'yaml' | 'json', schemaRef: string): string {
  const ref = `${standard.id}@${standard.version}`;
  const groups = factsByAspect(standard);
  if (format === 'json') {
    const facts: Record<string, null> = {};
    for (const g of groups) for (const f of g.facts) facts[f.path] = null;
    return JSON.stringify({ $schema: schemaRef, standard: ref, area: { name: null, code: null }, period: null, facts, evidence: {} }, null, 2) + '\n';
  }
  const out = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# ${standard.title}（${ref}）事实填报模板 / facts template`,
    `# 生成校验用的 JSON Schema：assess schema --standard ${ref} > ${schemaRef.replace(/^\.\//, '')}`,
    '# 每个值留空（null）表示尚未掌握：读取它的工作标准将报告为“缺少事实”。',
    '# Leave a value empty while unknown: the items that read it are reported as missing.',
    `standard: ${ref}`,
    'area:',
    '  name:   # 街道（镇）名称',
    '  code:   # 行政区划代码（可选）',
    'period:   # 例如 2023 或 2023-Q2',
    'facts:',
  ];
  for (const g of groups) {
    out.push(`  # ── ${g.aspect} ──`);
    for (const f of g.facts) {
      const spec = standard.vocabulary[f.path];
      out.push(`  # ${spec.zh} — ${spec.en}`);
      out.push(`  # ${spec.type}${spec.unit ? `，单位：${spec.unit}` : ''}；${expectedOf(spec)}；用于：${f.readBy.join('、')}`);
      out.push(`  ${f.path}:`);
    }
  }
  out.push('# 证明材料：事实路径 → 数据包内的文件（会议纪要、活动记录、台账 …）', '# evidence:', '#   some_fact: [evidence/会议纪要.pdf]', 'evidence: {}');
  return out.join('\n') + '\n';
}
