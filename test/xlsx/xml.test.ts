import { describe, expect, it } from 'vitest';
import { decode, elements, first, richText, withoutComments } from '../../src/source/xlsx/xml.js';
import { isDateFormat, isPercentFormat, serialToIso } from '../../src/source/xlsx/dates.js';

/** The SpreadsheetML scanner on what other writers than exceljs produce: prefixes, entities, rich and phonetic text, CDATA, comments. */
describe('xlsx scanner', () => {
  it('finds elements with or without a namespace prefix, self-closing or not, with their attributes', () => {
    const xml = '<x:sheetData><x:row r="2" x14ac:dyDescent="0.25"><x:c r="F2" s="3" t="s"><x:v>7</x:v></x:c><x:c r=\'G2\'/></x:row></x:sheetData>';
    const rows = [...elements(first(xml, 'sheetData')!.inner!, 'row')];
    expect(rows).toHaveLength(1);
    expect(rows[0].attrs).toMatchObject({ r: '2', dyDescent: '0.25' });
    const cells = [...elements(rows[0].inner!, 'c')];
    expect(cells.map((c) => c.attrs.r)).toEqual(['F2', 'G2']);
    expect(first(cells[0].inner!, 'v')!.inner).toBe('7');
    expect(cells[1].inner).toBeUndefined();
  });

  it('does not take <cols> or <cellXfs> for <c>, nor <rowBreaks> for <row>', () => {
    expect([...elements('<cols><col min="1"/></cols><cellXfs count="1"/><c r="A1"/>', 'c')].map((c) => c.attrs.r)).toEqual(['A1']);
    expect([...elements('<rowBreaks count="1"/><row r="1"/>', 'row')].map((r) => r.attrs.r)).toEqual(['1']);
  });

  it('decodes entities and character references, keeps CDATA', () => {
    expect(decode('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587;')).toBe('a <b> & "c" \'d\' 中文');
    expect(decode('<![CDATA[<raw & text>]]>')).toBe('<raw & text>');
  });

  it('reads rich text runs and leaves phonetic runs out', () => {
    expect(richText('<r><rPr><b/></rPr><t>已建立</t></r><r><t xml:space="preserve"> 机制</t></r><rPh sb="0" eb="1"><t>ジ</t></rPh>')).toBe('已建立 机制');
    expect(richText('<t>是</t>')).toBe('是');
  });

  it('drops comments before scanning', () => {
    expect([...elements(withoutComments('<!-- <c r="Z9"/> --><c r="A1"/>'), 'c')].map((c) => c.attrs.r)).toEqual(['A1']);
  });

  it('knows date formats (built-in and custom, 年月日 too) and turns serials into ISO dates', () => {
    expect(isDateFormat(14, new Map())).toBe(true);
    expect(isDateFormat(0, new Map())).toBe(false);
    expect(isDateFormat(164, new Map([[164, 'yyyy"年"m"月"d"日"']]))).toBe(true);
    expect(isDateFormat(165, new Map([[165, '0.00"次"']]))).toBe(false);
    expect(serialToIso(45047)).toBe('2023-05-01');
  });

  it('knows percentage formats: built-in 9 and 10, a custom % outside quotes; not a quoted %', () => {
    expect([9, 10, 0, 2].map((id) => isPercentFormat(id, new Map()))).toEqual([true, true, false, false]);
    expect(isPercentFormat(164, new Map([[164, '0.0%']]))).toBe(true);
    expect(isPercentFormat(165, new Map([[165, '[Red]0%;[Blue]-0%']]))).toBe(true);
    expect(isPercentFormat(166, new Map([[166, '0"%"']]))).toBe(false);
    expect(isPercentFormat(167, new Map([[167, '0\\%']]))).toBe(false);
    expect(isDateFormat(164, new Map([[164, '0.0%']]))).toBe(false);
  });
});
