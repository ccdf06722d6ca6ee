import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnMeasured } from '../helpers/cli.js';
import { root, tempDir } from './helpers.js';

/**
 * Hostile workbooks (issue 16, 5): each is refused with exit 3, the reason (and the cell where
 * there is one), no stack trace, within a CPU-time and a memory bound — the process is the point,
 * so the real binary runs. The workbooks come from fixtures/xlsx/hostile/make.mjs, each a real
 * template with one thing broken; the two large ones (zip bomb, 10⁶ rows) are only ever made here.
 */
const CPU_MS = 2000;
// Over what the same binary takes for a good facts file: a child's peak RSS counts its parent's at
// fork (Linux keeps ru_maxrss across exec), so only the difference says what the workbook cost.
const EXTRA_RSS_MB = 150;
let baselineRssMb = 0;

const cases: { file: string; stderr: string[] }[] = [
  { file: 'zip-bomb.xlsx', stderr: ['zip-bomb.xlsx', 'zip bomb'] },
  { file: 'zip-bomb-lying.xlsx', stderr: ['zip-bomb-lying.xlsx', 'zip bomb'] },
  { file: 'million-rows.xlsx', stderr: ['million-rows.xlsx', 'zip bomb'] },
  { file: 'too-many-rows.xlsx', stderr: ['事实!A1', 'more than the limit of 10000 rows'] },
  { file: 'macro-renamed.xlsx', stderr: ['macros'] },
  { file: 'macro.xlsm', stderr: ['macros', 'Save As'] },
  { file: 'encrypted.xlsx', stderr: ['encrypted', 'password'] },
  { file: 'encrypted-entry.xlsx', stderr: ['encrypted'] },
  { file: 'old-binary.xls', stderr: ['97-2003', '*.xlsx'] },
  { file: 'old-binary-renamed.xlsx', stderr: ['97-2003'] },
  { file: 'not-a-zip.xlsx', stderr: ['not a valid .xlsx'] },
  { file: 'external-links.xlsx', stderr: ['external links', 'Break Link'] },
  { file: 'formula-no-value.xlsx', stderr: ['formula-no-value.xlsx 事实!F2', 'formula with no saved result'] },
  { file: 'repeated-key.xlsx', stderr: ['repeated-key.xlsx 事实!H3', 'appears again (first at 事实!H2)'] },
  { file: 'renamed-sheet.xlsx', stderr: ['no sheet named "事实"', 'Sheet1'] },
  { file: 'entity-expansion.xlsx', stderr: ['DOCTYPE'] },
];

const run = (file: string, lang = 'en') => spawnMeasured([file, '--lang', lang]);

describe('hostile workbooks: exit 3, the reason, no stack trace, bounded', () => {
  const dir = tempDir();
  beforeAll(async () => {
    const make = await import(join(root, 'fixtures/xlsx/hostile/make.mjs'));
    const files: Record<string, Buffer> = { ...(await make.small()), ...(await make.large()) };
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    baselineRssMb = (await run('fixtures/changning-compliant.json')).rssMb ?? 0;
  }, 300_000);

  for (const c of cases) {
    it(c.file, async () => {
      const r = await run(join(dir, c.file));
      expect(r.code, r.stderr).toBe(3);
      for (const s of c.stderr) expect(r.stderr).toContain(s);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      expect(r.stdout).toBe('');
      expect(r.cpuMs, 'CPU time').toBeLessThan(CPU_MS);
      expect(r.rssMb! - baselineRssMb, 'peak memory over a good file').toBeLessThan(EXTRA_RSS_MB);
    }, 120_000);
  }

  it('says it in Chinese by default, with the fix', async () => {
    const r = await run(join(dir, 'repeated-key.xlsx'), 'zh');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('repeated-key.xlsx 事实!H3: 键“');
    expect(r.stderr).toContain('重复出现（首次在 事实!H2）');
    expect(r.stderr).toContain('删除重复的行');
  }, 120_000);
});
