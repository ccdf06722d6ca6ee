import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { displayWidth, hang, joinFitting, truncate, wrap } from '../../src/report/width.js';

// Every table weibao prints fits an 80-column terminal, in zh and en: each fixture alone, the
// packs one by one and as a batch, with and without --baseline, and as the 整改清单 (--by
// responsible). East Asian wide characters count two columns (src/report/width.ts).
const WIDTH = 80;

const files = readdirSync('fixtures')
  .filter((f) => /\.(json|ya?ml)$/.test(f) && f !== 'packs-baseline.json')
  .map((f) => `fixtures/${f}`);
const packs = readdirSync('fixtures/packs').map((p) => `fixtures/packs/${p}`);
const inputs: string[][] = [...files.map((f) => [f]), ...packs.map((p) => [p]), ['fixtures/packs'], files];

const runs: [string, string[]][] = [];
for (const lang of ['zh', 'en']) {
  for (const input of inputs) {
    const name = input.length > 1 ? `${input.length} files` : input[0];
    runs.push([`${name} (${lang})`, [...input, '--lang', lang]]);
    runs.push([`${name} --by responsible (${lang})`, [...input, '--by', 'responsible', '--lang', lang]]);
    if (input[0].startsWith('fixtures/packs')) runs.push([`${name} --baseline (${lang})`, [...input, '--baseline', 'fixtures/packs-baseline.json', '--lang', lang]]);
  }
}

/** The CLI in this process, its stdout an 80-column terminal (without colour). */
async function runAt(columns: number, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[k] += s), true), once: () => undefined, isTTY: false, columns }) as unknown as NodeJS.WriteStream;
  const before = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  try {
    const code = await main(['node', 'assess', ...args], { stdout: stream('stdout'), stderr: stream('stderr') });
    return { code, ...out };
  } finally {
    if (before === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = before;
  }
}

describe(`every table fits ${WIDTH} columns`, () => {
  it.each(runs)('%s', async (_, args) => {
    const r = await runAt(WIDTH, args);
    expect(r.code, r.stderr).toBeLessThan(3);
    expect(r.stdout.length).toBeGreaterThan(0);
    const wide = r.stdout.split('\n').filter((line) => displayWidth(line) > WIDTH);
    expect(wide, wide.map((l) => `${displayWidth(l)}: ${l}`).join('\n')).toEqual([]);
  });
});

describe('width helpers', () => {
  it('wrap keeps a number whole and with its unit, and no line starts with closing punctuation', () => {
    const lines = wrap('每年召开协调机制会议次数 12 次，要求至少 24 次；儿童主任人数 17 名，要求至少 18 名', 14);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(14);
    // Nothing lost but the spaces a break replaced.
    expect(lines.join('').replace(/ /g, '')).toBe('每年召开协调机制会议次数12次，要求至少24次；儿童主任人数17名，要求至少18名');
    for (const l of lines) expect(l).not.toMatch(/^[，；。）]/);
    for (const l of lines.slice(0, -1)) expect(l).not.toMatch(/[（(]$/);
    expect(lines.some((l) => /\d$/.test(l))).toBe(false);
  });

  it('truncate never cuts a number in two', () => {
    expect(truncate('每周开放应不少于50天，节假日', 17)).toBe('每周开放应不少于…');
    expect(truncate('abc 12345', 6)).toBe('abc…');
    expect(displayWidth(truncate('一二三四五六七八九十', 9))).toBeLessThanOrEqual(9);
  });

  it('joinFitting breaks a title between its parts', () => {
    expect(joinFitting(['示例街道', '2023', '长宁区未成年人保护示范街道（镇）创建达标体系 (changning-demo-street@2023)'], ' · ', 80)).toEqual([
      '示例街道 · 2023',
      '长宁区未成年人保护示范街道（镇）创建达标体系 (changning-demo-street@2023)',
    ]);
  });

  it('hang indents the lines after the first', () => {
    const lines = hang('  - ', 'a'.repeat(10) + ' ' + 'b'.repeat(10), 16);
    expect(lines).toEqual(['  - aaaaaaaaaa', '    bbbbbbbbbb']);
  });
});
