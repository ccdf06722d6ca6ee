import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressFor } from '../../src/cli/progress.js';
import { root, runInProcess } from '../helpers/cli.js';

/**
 * Issue 13 item 4: names from outside repaint nothing. A batch holding a pack whose directory is
 * named `x\r达标 PASS \e[32m\u202eok` (a carriage return, an SGR colour, a right-to-left
 * override), and an invalid pack named the same way, through every report format and stderr:
 * no raw ESC, CR (beyond CSV's CRLF record ends) or U+202E reaches the output, and the name is
 * still there, escaped (`\r`, `\u001b`, `\u202e`). JSON keeps the exact value (escaped in the
 * text, the same string once parsed).
 */
const HOSTILE = 'x\r达标 PASS \x1b[32m\u202eok';
let tmp: string;
let batch: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'weibao-escaping-'));
  batch = join(tmp, 'batch');
  mkdirSync(batch);
  cpSync(join(root, 'fixtures/packs/d-failing'), join(batch, HOSTILE), { recursive: true });
  cpSync(join(root, 'fixtures/packs/a-clean'), join(batch, 'b-clean'), { recursive: true });
  mkdirSync(join(batch, `${HOSTILE}-bad`));
  writeFileSync(join(batch, `${HOSTILE}-bad`, 'facts.json'), '{');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** No raw ESC, bidi override or C1 control; no CR but a CRLF's. */
function clean(text: string, what: string) {
  expect(text, `${what}: ESC`).not.toMatch(/\x1b/);
  expect(text, `${what}: U+202E`).not.toMatch(/\u202e/);
  expect(text, `${what}: C1`).not.toMatch(/[\u0080-\u009f]/);
  expect(text, `${what}: CR`).not.toMatch(/\r(?!\n)/);
}

const ESCAPED = /x\\r达标 PASS \\u001b\[32m\\u202eok/;

describe('outside names escaped in every format', () => {
  for (const format of ['table', 'markdown', 'github', 'html', 'junit', 'csv', 'jsonl', 'json']) {
    it(format, async () => {
      const r = await runInProcess([batch, '--format', format, '--lang', 'en', '--evidence', 'warn']);
      expect(r.code).toBe(3); // the invalid pack
      clean(r.stdout, `${format} stdout`);
      clean(r.stderr, `${format} stderr`);
      // The name is still shown (escaped, or — in JSON — the exact value in an escaped text).
      if (format === 'json' || format === 'jsonl') {
        const doc = format === 'json' ? (JSON.parse(r.stdout) as { results: { input: string }[]; summary: { invalid: { input: string }[] } }) : undefined;
        const values = doc ? [...doc.results, ...doc.summary.invalid].map((x) => x.input) : r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { input: string }).input);
        expect(values).toContain(join(batch, HOSTILE));
        expect(values).toContain(join(batch, `${HOSTILE}-bad`));
      } else if (format === 'html') {
        expect(r.stdout).toMatch(/x\\r达标 PASS \\u001b\[32m\\u202eok/);
      } else {
        expect(r.stdout).toMatch(ESCAPED);
      }
      expect(r.stderr).toMatch(ESCAPED); // the invalid pack's error names it, escaped
    });
  }

  it('xlsx: no cell holds the raw characters (an ESC would make the sheet XML invalid)', async () => {
    const out = join(tmp, 'r.xlsx');
    const r = await runInProcess([batch, '--format', 'xlsx', '--output', out, '--lang', 'en']);
    expect(r.code).toBe(3);
    clean(r.stderr, 'xlsx stderr');
    const Excel = (await import('exceljs')).default;
    const book = new Excel.Workbook();
    await book.xlsx.readFile(out);
    const texts: string[] = [];
    book.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value)))));
    clean(texts.join('\n'), 'xlsx cells');
    expect(texts.some((t) => ESCAPED.test(t))).toBe(true);
  });

  it('the progress bar on a terminal: the label escaped', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 200, write: (t: string) => (written.push(t), true) } as unknown as NodeJS.WriteStream;
    const p = progressFor(stream, 10, {});
    p.tick(join(batch, HOSTILE));
    p.log(`error: ${HOSTILE}\n`);
    p.done();
    // The bar's own `\r\x1b[2K` is the only control sequence written.
    clean(written.join('').replaceAll('\r\x1b[2K', ''), 'progress');
  });
});
