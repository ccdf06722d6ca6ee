import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, columnOf, readBook, root, tempDir } from './helpers.js';

/**
 * Reading a filled 台账: rows found by 键 (not position), 是/否 → booleans, date cells → ISO
 * dates, formulas → their cached result, empty → missing, and every validation error of the
 * JSON path with the same words, located by sheet and cell.
 */
const compliant = JSON.parse(readFileSync(join(root, 'fixtures/changning-compliant.json'), 'utf8')) as { facts: Record<string, number | boolean> };

describe('reading a filled workbook', () => {
  const dir = tempDir();
  const template = join(dir, 'template.xlsx');
  beforeAll(async () => {
    const r = await cli('init', '--standard', 'changning-demo-street@2023', '--format', 'xlsx', '--output', template);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  /** Fill the template's 填报值 by 键; `edit` may change the sheet further (sort, formulas). */
  async function filled(name: string, values: Record<string, unknown>, edit?: (sheet: import('exceljs').Worksheet) => void): Promise<{ file: string; rowOf: Record<string, number> }> {
    const book = await readBook(template);
    const sheet = book.getWorksheet('事实')!;
    const keyCol = columnOf(sheet, '键');
    const valueCol = columnOf(sheet, '填报值');
    const rowOf: Record<string, number> = {};
    sheet.eachRow((row, n) => {
      const key = String(row.getCell(keyCol).value);
      rowOf[key] = n;
      if (key in values) row.getCell(valueCol).value = values[key] as never;
    });
    edit?.(sheet);
    const file = join(dir, name);
    await book.xlsx.writeFile(file);
    return { file, rowOf };
  }

  it('reports the JSON path\'s validation errors at the 填报值 cell, with the same words (a yes-no asked for as 是 or 否)', async () => {
    const bad = { coordination_meetings_per_year: '3次', member_units: '１２', minor_protection_in_key_work: 'yes' };
    const { file, rowOf } = await filled('bad.xlsx', bad);
    const viaExcel = await cli(file, '--format', 'json');
    expect(viaExcel.code).toBe(3);
    const json = join(dir, 'bad.json');
    writeFileSync(json, JSON.stringify({ standard: 'changning-demo-street@2023', facts: bad }));
    const viaJson = await cli(json, '--format', 'json');
    expect(viaJson.code).toBe(3);
    for (const key of Object.keys(bad)) {
      const cell = `事实!F${rowOf[key]}`;
      const line = viaExcel.stderr.split('\n').find((l) => l.includes(`bad.xlsx ${cell}: `));
      expect(line, `${key} at ${cell} in:\n${viaExcel.stderr}`).toBeDefined();
      const message = line!.slice(line!.indexOf(`${cell}: `) + cell.length + 2);
      if (key === 'minor_protection_in_key_work') {
        // In a cell a yes-no is typed 是 or 否 (the template says so): asked for, and fixed, in those words.
        expect(message).toContain('应为“是”或“否”，实际为 "yes"（文本）');
        expect(viaExcel.stderr).toContain(`${line}\n  改为: “yes”请填写“是”`);
        expect(viaJson.stderr).toContain('应为 true 或 false，实际为 "yes"（文本）');
        continue;
      }
      // The same message as the JSON path's, only the place differs.
      expect(viaJson.stderr).toContain(message);
    }
  }, 120_000);

  it('finds rows by 键 after a sort, reads 是/否, numbers, formulas\' cached results and leaves empty cells missing', async () => {
    const { file } = await filled(
      'sorted.xlsx',
      Object.fromEntries(Object.entries(compliant.facts).filter(([k]) => k !== 'hotels').map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '是' : '否') : v])),
      (sheet) => {
        // Reverse the data rows (a clerk's sort), and put a formula with a cached result in one cell.
        const rows: unknown[][] = [];
        sheet.eachRow((row, n) => {
          if (n > 1) rows.push((row.values as unknown[]).slice(1));
        });
        rows.reverse().forEach((values, i) => {
          const row = sheet.getRow(i + 2);
          for (let c = 0; c < 8; c++) row.getCell(c + 1).value = (values[c] ?? null) as never;
        });
        const keyCol = columnOf(sheet, '键');
        sheet.eachRow((row) => {
          const key = row.getCell(keyCol).value as string;
          if (key === 'member_units') row.getCell(columnOf(sheet, '填报值')).value = { formula: `${compliant.facts.member_units}+0`, result: compliant.facts.member_units } as never;
        });
      },
    );
    const r = await cli(file, '--format', 'json');
    const json = join(dir, 'same.json');
    const { hotels: _left_empty, ...facts } = compliant.facts;
    writeFileSync(json, JSON.stringify({ standard: 'changning-demo-street@2023', facts }));
    const direct = await cli(json, '--format', 'json');
    expect(r.code, r.stderr).toBe(direct.code);
    const states = (out: string) => (JSON.parse(out).results[0].items as { id: string; state: string }[]).map((i) => `${i.id} ${i.state}`);
    expect(states(r.stdout)).toEqual(states(direct.stdout));
    // Not vacuous: most items pass, and what reads the empty 填报值 (hotels) is missing.
    expect(states(r.stdout).filter((x) => x.endsWith(' pass')).length).toBeGreaterThan(50);
    expect(states(r.stdout).some((x) => x.endsWith(' missing'))).toBe(true);
  }, 120_000);

  it('says every problem of the workbook at once: a formula with no saved result beside the values validation refuses', async () => {
    const { file, rowOf } = await filled('mixed.xlsx', { coordination_meetings_per_year: '三次', member_units: 2 }, (sheet) => {
      const keyCol = columnOf(sheet, '键');
      sheet.eachRow((row) => {
        // A formula whose result was never saved (a file written by a program, not by Excel).
        if (row.getCell(keyCol).value === 'member_units') row.getCell(columnOf(sheet, '填报值')).value = { formula: '1+1' } as never;
      });
    });
    const r = await cli(file, '--format', 'json');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`mixed.xlsx 事实!F${rowOf.member_units}: 此单元格是公式，但没有保存计算结果`);
    expect(r.stderr).toContain(`mixed.xlsx 事实!F${rowOf.coordination_meetings_per_year}: facts.coordination_meetings_per_year`);
    expect(r.stderr).toContain('改为: “三次”请用阿拉伯数字写作 3');
    // The library's reader, which does not validate, still refuses the workbook.
    const { readDocument } = await import('../../src/source/read.js');
    expect(() => readDocument(file)).toThrow(/formula/);
  }, 120_000);

  it('60% typed into a cell (kept as 0.6, shown as 60%) is 60 in a row in %; in a row of a count, told to set the format', async () => {
    // As Excel and WPS leave a cell 60% was typed into: the number over 100, in a percentage format.
    const asPercent = (formats: Record<string, string>) => (sheet: import('exceljs').Worksheet) => {
      const [keyCol, valueCol] = [columnOf(sheet, '键'), columnOf(sheet, '填报值')];
      sheet.eachRow((row) => {
        const format = formats[String(row.getCell(keyCol).value)];
        // A style of its own: exceljs shares one style object among the cells made alike.
        if (format) row.getCell(valueCol).style = { ...row.getCell(valueCol).style, numFmt: format };
      });
    };
    const values = { ...compliant.facts, child_staff_training_course_min_percent: 0.6, existing_staff_close_contact: 1 };
    const { file, rowOf } = await filled('percent.xlsx', values, asPercent({ child_staff_training_course_min_percent: '0%', existing_staff_close_contact: '0.0%' }));
    const r = await cli(file, '--format', 'json');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`事实!F${rowOf.existing_staff_close_contact}: facts.existing_staff_close_contact`);
    expect(r.stderr).toContain('实际为 "100%"（文本）\n  改为: 这里的单位是“名”，不是百分比：在 Excel 或 WPS 中把单元格格式改为“常规”，再只填数字');
    expect(r.stderr).not.toContain('child_staff_training_course_min_percent');
    const { file: fixed } = await filled('percent-ok.xlsx', { ...compliant.facts, child_staff_training_course_min_percent: 0.6 }, asPercent({ child_staff_training_course_min_percent: '0%' }));
    const ok = await cli(fixed, '--format', 'json');
    expect(ok.code, ok.stderr).toBe(0);
    const item = JSON.parse(ok.stdout).results[0].items.find((i: { id: string }) => i.id === 'staff.child-staff-training');
    expect(item.actual.child_staff_training_course_min_percent).toBe(60);
    expect(item.state).toBe('pass');
  });

  it('a number kept as text (a cell formatted 文本) is the number it shows in a row of a number; in a row of text, text', async () => {
    const { file } = await filled('text-numbers.xlsx', { ...compliant.facts, existing_staff_close_contact: ' 412 ', existing_staff_checked: '412' });
    const r = await cli(file, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const item = JSON.parse(r.stdout).results[0].items.find((i: { id: string }) => i.id === 'mechanism.employment-check');
    expect([item.actual.existing_staff_close_contact, item.actual.existing_staff_checked]).toEqual([412, 412]);
    // What is not only a number stays text, told as for JSON.
    const { file: bad, rowOf } = await filled('text-bad.xlsx', { ...compliant.facts, existing_staff_checked: '412人' });
    const refused = await cli(bad);
    expect(refused.stderr).toContain(`事实!F${rowOf.existing_staff_checked}: facts.existing_staff_checked`);
  });

  it('a number as Excel shows it, to 15 digits: a formula\'s 412.00000000000006 is the whole number 412', async () => {
    const { file } = await filled('float.xlsx', { ...compliant.facts, existing_staff_close_contact: (412 / 19) * 19, guardianship_services_funding_wan: 0.1 + 0.2 });
    const r = await cli(file, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout).results[0].items as { actual: Record<string, unknown> }[];
    const actual = Object.assign({}, ...items.map((i) => i.actual));
    expect([actual.existing_staff_close_contact, actual.guardianship_services_funding_wan]).toEqual([412, 0.3]);
  });

  it('reads a data pack holding facts.xlsx', async () => {
    const { mkdirSync, copyFileSync } = await import('node:fs');
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    const { file } = await filled('pack-src.xlsx', { coordination_meetings_per_year: 2 });
    copyFileSync(file, join(pack, 'facts.xlsx'));
    const r = await cli(pack, '--format', 'json');
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).results[0].standard.id).toBe('changning-demo-street');
  }, 120_000);
});
