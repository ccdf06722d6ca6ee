import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/packs/batch.js';
import { root, run } from '../helpers/cli.js';

// `assess areas/`: a folder of facts files (and pack directories) is a batch, in a stable order.
/** `body` given a new folder under the system's temp directory, which is removed after it, whatever happens. */
function withFolder(prefix: string, body: (folder: string) => void): void {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  try {
    body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('a folder of facts files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'weibao-folder-'));
    cpSync(join(root, 'fixtures/changning-failing.json'), join(dir, 'b-failing.json'));
    cpSync(join(root, 'fixtures/changning-incomplete.yaml'), join(dir, 'a-incomplete.yaml'));
    cpSync(join(root, 'fixtures/changning-vetoed.json'), join(dir, 'C-vetoed.JSON'));
    cpSync(join(root, 'fixtures/packs/a-clean'), join(dir, 'd-pack'), { recursive: true });
    symlinkSync(join(root, 'fixtures/packs/c-vetoed'), join(dir, 'e-linked-pack'));
    writeFileSync(join(dir, 'f-broken.json'), '{"facts": {');
    writeFileSync(join(dir, 'README.md'), 'not an area');
    writeFileSync(join(dir, 'notes.txt'), 'not an area');
    writeFileSync(join(dir, 'g-街道.docx'), 'not an area');
    writeFileSync(join(dir, '.hidden.json'), '{}');
    mkdirSync(join(dir, '.git'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('expands to its facts files and packs, sorted by code unit; other files and hidden ones are not areas', () => {
    const { inputs, batch, skipped } = expandInputs([dir]);
    expect(batch).toBe(true);
    expect(inputs.map((p) => p.slice(dir.length + 1))).toEqual(['C-vetoed.JSON', 'a-incomplete.yaml', 'b-failing.json', 'd-pack', 'e-linked-pack', 'f-broken.json']);
    // The folder's own notes (README.md, notes.txt) are not named; a Word document may be an area's submission.
    expect(skipped.map((p) => p.slice(dir.length + 1))).toEqual(['g-街道.docx']);
  });

  it('names the other files of a folder in a warning, not as areas (exit unchanged), and not the report the run writes there', () => {
    withFolder('weibao-others-', (folder) => {
      cpSync(join(root, 'fixtures/changning-failing.json'), join(folder, 'a.json'));
      cpSync(join(root, 'fixtures/changning-vetoed.json'), join(folder, 'b.json'));
      writeFileSync(join(folder, '新华路街道.docx'), 'not an area');
      const one = run(folder, '--format', 'json', '--output', join(folder, '汇总.html'));
      const plain = run(folder, '--format', 'json');
      expect(one.code).toBe(plain.code);
      expect(one.stderr).toContain(`警告: 文件夹 ${folder} 中的文件不是事实文件，没有评估：新华路街道.docx\n  改为: 其中如有地区的填报材料，请用 assess init 生成的模板填写`);
      expect(one.stderr).not.toContain('汇总.html');
      rmSync(join(folder, '汇总.html'));
      expect(JSON.parse(plain.stdout).results).toHaveLength(2);
      for (const name of ['说明.txt', 'README', 'LICENSE.txt', '通知.pdf', '照片.jpg', 'c.docx', 'd.docx', 'e.docx', 'f.docx']) writeFileSync(join(folder, name), 'not an area');
      const many = run(folder, '--format', 'json', '--lang', 'en');
      expect(many.code).toBe(plain.code);
      expect(many.stderr).toContain(`warning: 7 files in the folder ${folder} are not facts files and were not assessed: c.docx, d.docx, e.docx, f.docx, 新华路街道.docx and 2 more\n  fix: if one is an area's submission`);
      expect(run(folder, '--format', 'json').stderr).toContain('有 7 个文件不是事实文件，没有评估：c.docx、d.docx、e.docx、f.docx、新华路街道.docx 等 7 个');
      // A folder named alone with nothing else in it: no warning.
      rmSync(join(folder, 'c.docx'));
      expect(run(join(root, 'fixtures/packs'), '--format', 'json').stderr).not.toContain('不是事实文件，没有评估');
    });
  });

  it('a spreadsheet weibao does not read is listed, refused with its fix, not left out without a word', () => {
    withFolder('weibao-sheets-', (sheets) => {
      cpSync(join(root, 'fixtures/changning-failing.json'), join(sheets, 'a.json'));
      cpSync(join(root, 'fixtures/xlsx/hostile/old-binary.xls'), join(sheets, 'b-街道.xls'));
      writeFileSync(join(sheets, 'c-台账.csv'), '键,填报值\nchild_directors,2\n');
      writeFileSync(join(sheets, 'd-纪要.docx'), 'not an area');
      // Last month's report of ours, kept in the folder: refused as a report, not as a spreadsheet to save again.
      const report = run(join(root, 'fixtures/changning-failing.json'), join(root, 'fixtures/changning-vetoed.json'), '--format', 'csv');
      writeFileSync(join(sheets, 'e-上月.csv'), report.stdout);
      expect(expandInputs([sheets]).inputs.map((p) => p.slice(sheets.length + 1))).toEqual(['a.json', 'b-街道.xls', 'c-台账.csv', 'e-上月.csv']);
      const r = run(sheets, '--format', 'json');
      expect(r.code).toBe(3);
      const doc = JSON.parse(r.stdout);
      expect(doc.results.map((x: { input: string }) => x.input.slice(sheets.length + 1))).toEqual(['a.json']);
      expect(doc.summary.invalid.map((i: { input: string }) => i.input.slice(sheets.length + 1))).toEqual(['b-街道.xls', 'c-台账.csv', 'e-上月.csv']);
      expect(r.stderr).toContain('Excel 97-2003');
      expect(r.stderr).toContain('不要另存为 CSV');
      expect(r.stderr).toMatch(/e-上月\.csv: 这是 assess 生成的 CSV 报告/);
    });
  });

  it('a facts file Notepad saved as .json.txt is named in the warning with its rename; a pack whose facts file is misnamed is one input, told to rename it', () => {
    withFolder('weibao-notepad-', (folder) => {
      cpSync(join(root, 'fixtures/changning-failing.json'), join(folder, 'a.json'));
      cpSync(join(root, 'fixtures/changning-vetoed.json'), join(folder, '新华路街道.json.txt'));
      writeFileSync(join(folder, 'README.txt'), 'notes');
      expect(expandInputs([folder]).skipped.map((p) => p.slice(folder.length + 1))).toEqual(['新华路街道.json.txt']);
      const warned = run(folder, '--format', 'json');
      expect(warned.stderr).toContain('没有评估：新华路街道.json.txt\n  改为: 记事本保存的事实文件，去掉文件名末尾的 .txt');
      writeFileSync(join(folder, '东湖街道.zip'), 'PK');
      writeFileSync(join(folder, 'x\r\u001b[32m达标.docx'), 'a name that would repaint the line');
      const archived = run(folder, '--format', 'json');
      expect(archived.stderr).toContain('有 3 个文件不是事实文件，没有评估：x\\r\\u001b[32m达标.docx、东湖街道.zip、新华路街道.json.txt\n');
      expect(archived.stderr).toContain('改为: 记事本保存的事实文件，去掉文件名末尾的 .txt（如 新华路街道.json.txt 改名为 新华路街道.json）；压缩包先解压：每个数据包解压成这个文件夹里的一个文件夹；其他地区的材料');
      expect(archived.stderr).not.toMatch(/[\r\u001b]/);
      rmSync(join(folder, '东湖街道.zip'));
      rmSync(join(folder, 'x\r\u001b[32m达标.docx'));
      for (const [misnamed, fix] of [
        ['facts.json.txt', '改为: 把其中的 "facts.json.txt" 改名为 facts.json（记事本保存时'],
        ['Facts.JSON', '改为: 把其中的 "Facts.JSON" 改名为 facts.json\n'],
        ['facts.yaml ', '改为: 把其中的 "facts.yaml " 改名为 facts.yaml\n'],
      ]) {
        const pack = join(folder, `pack-${misnamed.trim()}`);
        cpSync(join(root, 'fixtures/packs/a-clean'), pack, { recursive: true });
        rmSync(join(pack, 'facts.json'));
        cpSync(join(root, 'fixtures/packs/a-clean/facts.json'), join(pack, misnamed));
        // Not a batch of its evidence folder: the pack, refused with the name to give its facts file.
        expect(expandInputs([pack])).toEqual({ inputs: [pack], batch: false, skipped: [] });
        const r = run(pack);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`错误: ${pack}: 这个目录里没有 facts.json 或 facts.yaml\n  ${fix}`);
      }
      expect(run(join(folder, 'pack-facts.json.txt'), '--lang', 'en').stderr).toContain('fix: rename the "facts.json.txt" in it to facts.json (Notepad adds .txt when it saves');
    });
  });

  it('a pack directory given alone stays one input; an empty folder stays one input (and is refused)', () => {
    expect(expandInputs([join(root, 'fixtures/packs/a-clean')])).toEqual({ inputs: [join(root, 'fixtures/packs/a-clean')], batch: false, skipped: [] });
    withFolder('weibao-empty-', (empty) => {
      writeFileSync(join(empty, 'README.md'), 'not an area');
      // Nothing to assess: one input, refused as a directory without facts — its other files are not a warning's.
      expect(expandInputs([empty])).toEqual({ inputs: [empty], batch: false, skipped: [] });
    });
  });

  it('`assess areas/` reports every area, the broken file among them, and exits with the worst code', () => {
    const r = run(dir, '--format', 'json');
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((x: { input: string; verdict: string }) => `${x.input.slice(dir.length + 1)} ${x.verdict}`)).toEqual([
      'C-vetoed.JSON veto',
      'a-incomplete.yaml fail',
      'b-failing.json fail',
      'd-pack pass',
      'e-linked-pack veto',
    ]);
    expect(doc.summary.invalid.map((i: { input: string }) => i.input.slice(dir.length + 1))).toEqual(['f-broken.json']);
    expect(r.stderr).toMatch(/f-broken\.json:1:\d+/);
  });
});
