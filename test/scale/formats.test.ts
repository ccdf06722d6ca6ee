import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixtureFacts, fixtureResult } from '../helpers/results.js';
import type { AssessResult } from '../../src/assess/types.js';
import { describeError, type DescribedError } from '../../src/error-words.js';
import { SummaryBuilder, type InvalidInput } from '../../src/packs/summary.js';
import { parseText } from '../../src/source/read.js';
import { csv, csvStream } from '../../src/report/csv.js';
import { jsonl } from '../../src/report/jsonl.js';
import { toJson } from '../../src/report/json.js';
import { rectificationCsv } from '../../src/report/rectification/csv.js';
import type { FormatOptions } from '../../src/report/types.js';

const root = join(__dirname, '../..');
const fixture = fixtureFacts;
const result = fixtureResult;

// A batch as the CLI hands it over: three areas of the 长宁 standard, one of 杨市's, and an input
// that could not be read (in the summary), with an area name that looks like a formula and holds
// a comma and a quote.
const results = [
  result('changning-failing.json', 'areas/a.json'),
  result('changning-vetoed.json', 'areas/b.json'),
  { ...result('changning-compliant.json', 'areas/c.json'), area: { name: '=HYPERLINK("x"),街道', code: '310105' } },
  result('yangshi-failing.json', 'areas/d.json'),
];
// The invalid input as the CLI adds it (assess-command.ts): its failure described from the real
// parser's error, in each language.
const invalidOf = (lang: 'zh' | 'en'): InvalidInput => {
  let failure: DescribedError | undefined;
  try {
    parseText('{"area": {"name": "x"},\n "period": "2023",, }', 'json', 'areas/e.json');
  } catch (e) {
    failure = describeError(e, false, lang);
  }
  const { lines, where, kind, problems } = failure!;
  return { input: 'areas/e.json', message: lines.join('\n').replace(/^(error|错误): /, ''), where: where!, kind: kind!, problems: problems! };
};
const summaryOf = (rs: AssessResult[], lang: 'zh' | 'en' = 'zh') => {
  const s = new SummaryBuilder();
  for (const r of rs) s.add(r);
  s.addInvalid(invalidOf(lang));
  return s.summary();
};
const options = (lang: 'zh' | 'en'): FormatOptions => ({ lang, color: false, width: 100, summary: summaryOf(results, lang) });

describe('--format csv', () => {
  it.each(['zh', 'en'] as const)('golden (%s)', async (lang) => {
    await expect(csv(results, options(lang))).toMatchFileSnapshot(`golden/batch.${lang}.csv`);
  });

  it('parses back with a real CSV parser: one row per area, every cell as the result has it', () => {
    const text = csv(results, options('zh')) as string;
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.split('\r\n').length).toBe(results.length + 3); // header, rows, invalid row, final CRLF
    const rows: string[][] = parse(text, { bom: true });
    const [head, ...body] = rows;
    expect(body).toHaveLength(results.length + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1); // RFC 4180: the same number of fields
    const col = (name: string) => head.indexOf(name);
    expect(head.slice(0, 7)).toEqual(['输入', '地区', '地区代码', '周期', '标准', '结论', '得分']);
    results.forEach((r, n) => {
      const cells = body[n];
      expect(cells[col('输入')]).toBe(r.input);
      expect(Number(cells[col('得分')])).toBe(r.score);
      expect(cells[col('结论')]).toBe(({ pass: '达标', fail: '不达标', veto: '否决' } as Record<string, string>)[r.verdict]);
      expect(cells[col('未达标的工作标准')].split('; ').filter(Boolean)).toEqual(r.items.filter((i) => i.state === 'fail' || i.state === 'unsupported').map((i) => i.id));
      expect(cells[col('缺少事实的工作标准')].split('; ').filter(Boolean)).toEqual(r.items.filter((i) => i.state === 'missing').map((i) => i.id));
      expect(cells[col('触发的负面清单项')].split('; ').filter(Boolean)).toEqual(r.vetoes.filter((v) => v.state === 'triggered').map((v) => v.id));
    });
    // Each 项目 of the first area's standard has its column, holding that 项目's score.
    for (const a of results[0].aspects) expect(Number(body[0][col(`${a.name}得分`)])).toBe(a.score);
    // Formula-looking text is defused, and the comma and quotes survive the round trip.
    expect(body[2][col('地区')]).toBe(`'=HYPERLINK("x"),街道`);
    expect(body[2][col('地区代码')]).toBe('310105');
    // The unreadable input: its own row, with why (line breaks kept inside the quoted field).
    expect(body[4][col('输入')]).toBe('areas/e.json');
    expect(body[4][col('结论')]).toBe('无效输入');
    expect(body[4][col('无法评估的原因')]).toBe('areas/e.json:2:19: 此处不应出现","，应为用双引号括起的键\n  改为: 删除多余的逗号');
  });

  it('streamed piece by piece is the same text as at once', () => {
    const s = csvStream(options('en'));
    const pieces = s.head() + results.map((r) => s.item(r)).join('') + s.tail(options('en').summary);
    expect(pieces).toBe(csv(results, options('en')));
  });

  it('a batch of invalid inputs only still has its header', () => {
    const rows: string[][] = parse(csv([], options('en')) as string, { bom: true });
    expect(rows[0].slice(0, 3)).toEqual(['input', 'area', 'area code']);
    expect(rows[1][5]).toBe('invalid');
  });
});

describe('--by responsible --format csv', () => {
  // Goldens: a vetoed area's first row is its negative-list item (words14's 整改清单, issue 14).
  it.each(['zh', 'en'] as const)('golden (%s)', async (lang) => {
    await expect(rectificationCsv(results, options(lang))).toMatchFileSnapshot(`golden/rectification.${lang}.csv`);
  });

  it('one row per area × open item × 责任单位', () => {
    const rows: string[][] = parse(rectificationCsv(results, options('zh')) as string, { bom: true });
    const [head, ...body] = rows;
    let expected = 0;
    for (const r of results) for (const i of r.items) if (i.state !== 'pass' && i.state !== 'not_applicable') expected += Math.max(1, new Set(i.responsible).size);
    // and a triggered (or undecided) negative-list item heads its area's rows
    for (const r of results) for (const v of r.vetoes) if (v.state !== 'clear') expected++;
    expect(body).toHaveLength(expected);
    // 杨市 names its 责任单位: an item with several units is one row under each.
    const yangshi = results[3];
    const shared = yangshi.items.find((i) => i.state !== 'pass' && i.state !== 'not_applicable' && i.responsible.length > 1);
    expect(shared).toBeDefined();
    const unitsOf = body.filter((r) => r[head.indexOf('输入')] === 'areas/d.json' && r[head.indexOf('工作标准编号')] === shared!.id).map((r) => r[head.indexOf('责任单位')]);
    expect(unitsOf).toEqual([...new Set(shared!.responsible)]);
  });
});

describe('--format jsonl', () => {
  it('golden', async () => {
    // One area and the unreadable input: a line is ~60 KB, the same for every area.
    await expect(jsonl(results.slice(0, 1), { ...options('zh'), summary: summaryOf(results.slice(0, 1)) })).toMatchFileSnapshot('golden/batch.jsonl');
  });

  it('one compact line per area, each the JSON report’s result object; invalid inputs last', () => {
    const lines = (jsonl(results, options('zh')) as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(results.length + 1);
    results.forEach((r, n) => expect(JSON.parse(lines[n])).toEqual(JSON.parse(JSON.stringify(toJson(r)))));
    expect(JSON.parse(lines[4])).toEqual({
      input: 'areas/e.json',
      verdict: 'invalid',
      message: 'areas/e.json:2:19: 此处不应出现","，应为用双引号括起的键\n  改为: 删除多余的逗号',
      where: { file: 'areas/e.json', line: 2, column: 19 },
      kind: 'parse',
      problems: [{ id: 'input.json.unexpected', severity: 'error', file: 'areas/e.json', line: 2, column: 19, message: '此处不应出现","，应为用双引号括起的键', fix: { id: 'input.fix.extraComma', message: '删除多余的逗号' } }],
    });
  });

  it('an invalid input’s problems carry the same catalogue ids in every language, the words in the run’s', () => {
    const [zh, en] = (['zh', 'en'] as const).map((lang) => JSON.parse((jsonl(results, options(lang)) as string).trimEnd().split('\n')[4]));
    expect(en.problems.map((p: { id: string; fix: { id: string } }) => [p.id, p.fix.id])).toEqual(zh.problems.map((p: { id: string; fix: { id: string } }) => [p.id, p.fix.id]));
    expect(en.problems[0].message).toBe('unexpected ",", expected a key in double quotes');
    expect(en.problems[0].fix.message).toBe('delete the extra comma');
  });
});

describe('schemas/report.schema.json: a jsonl line', () => {
  it('every line of a batch with an unreadable input validates against #/definitions/jsonlLine; a report does not', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/report.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(schema);
    const line = ajv.getSchema(`${schema.$id}#/definitions/jsonlLine`)!;
    const lines = (jsonl(results, options('en')) as string).trimEnd().split('\n');
    expect(lines).toHaveLength(results.length + 1);
    for (const l of lines) expect(line(JSON.parse(l)), JSON.stringify(line.errors)).toBe(true);
    expect(line({ input: 'x', verdict: 'invalid' })).toBe(false);
    expect(line({ schemaVersion: 1, results: [] })).toBe(false);
  });
});
