import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDocument } from '../../src/source/read.js';
import { isZipWorkbook, otherKind } from '../../src/source/sniff.js';
import { factsTemplateXlsx } from '../../src/report/xlsx/template.js';
import { loadStandardSync } from '../../src/standard/load.js';

/**
 * A file given in a facts file's place is named for what it is (source/sniff.ts): the clerk who
 * picks the 会议纪要 or a scan is told so, not to save it as UTF-8. And a workbook under another
 * name is read as the workbook it is.
 */
const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);
const OLE2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

describe('what a file is, when it is not a facts file', () => {
  it.each([
    [zipWith('[Content_Types].xml', 'word/document.xml'), 'minutes.docx', 'word'],
    [zipWith('ppt/presentation.xml'), 'slides.pptx', 'presentation'],
    [zipWith('OFD.xml', 'Doc_0/Document.xml'), '纪要.ofd', 'ofd'],
    [zipWith('a.json'), 'packs.zip', 'zip'],
    [OLE2, '纪要.doc', 'word'],
    [OLE2, '纪要.wps', 'word'],
    [OLE2, 'slides.ppt', 'presentation'],
    [OLE2, 'x.msg', 'oldOffice'],
    [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'scan.pdf', 'pdf'],
    [Buffer.from('%PDF-1.4'), 'facts.json', 'pdf'],
    [Buffer.from('89504e470d0a1a0a0000000d', 'hex'), 'a.png', 'image'],
    [Buffer.from('ffd8ffe000104a464946', 'hex'), 'a.jpg', 'image'],
    [Buffer.from('GIF89a\x01\x00', 'latin1'), 'a.gif', 'image'],
    [Buffer.from('49492a0008000000', 'hex'), 'a.tif', 'image'],
    [Buffer.from('键,填报值\nchild_directors,2\n'), 'facts.csv', 'csv'],
    [Buffer.from('a\tb\n'), 'facts.TSV', 'csv'],
  ])('%#: %s', (bytes, file, kind) => expect(otherKind(bytes, file)).toBe(kind));

  it('a facts file\'s text is none of them, whatever it starts with', () => {
    for (const text of ['{"facts": {}}', '\ufeff{"facts": {}}', 'facts:\n  a: 1\n', '# 注释\nfacts: {}\n', '', 'P', 'PK', '%YAML 1.2\n---\nfacts: {}\n', 'BM']) {
      expect(otherKind(Buffer.from(text), 'facts.yaml'), JSON.stringify(text)).toBeUndefined();
    }
    // UTF-16 and GBK text: said to be another encoding by the text reader, not taken for an image or Office file.
    expect(otherKind(Buffer.from('\ufeff{"facts":{}}', 'utf16le'), 'facts.json')).toBeUndefined();
    expect(otherKind(Buffer.from('d5c5c8fd', 'hex'), 'facts.yaml')).toBeUndefined();
  });

  it('refused as input naming the kind, with the fix (a CSV gets its own)', () => {
    const refusal = (bytes: Buffer, file: string) => {
      try {
        parseDocument(bytes, file);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        const [p] = (e as InputError).problems;
        return { id: p.id, data: p.data, hint: p.hint?.id, kind: (e as InputError).kind };
      }
      return undefined;
    };
    expect(refusal(zipWith('word/document.xml'), '会议纪要.docx')).toEqual({ id: 'input.notFacts', data: { kind: 'word' }, hint: 'input.fix.notFacts', kind: 'parse' });
    expect(refusal(Buffer.from('%PDF-1.4'), 'facts.json')).toEqual({ id: 'input.notFacts', data: { kind: 'pdf' }, hint: 'input.fix.notFacts', kind: 'parse' });
    expect(refusal(Buffer.from('键,填报值\n'), '台账.csv')).toEqual({ id: 'input.notFacts', data: { kind: 'csv' }, hint: 'input.fix.csv', kind: 'parse' });
    // One of our CSV reports (batch rows or a rectification list, either language): a report.
    for (const golden of ['test/scale/golden/batch.zh.csv', 'test/scale/golden/batch.en.csv', 'test/scale/golden/rectification.en.csv', 'test/report/golden/changning-vetoed.rectification.csv']) {
      expect(refusal(readFileSync(golden), '上月.csv'), golden).toEqual({ id: 'input.isCsvReport', data: undefined, hint: 'input.fix.isReport', kind: 'parse' });
    }
  });

  it('a workbook under another name is read as a workbook; an .xls that is an old one is still refused as one', async () => {
    const book = Buffer.from(await factsTemplateXlsx(loadStandardSync('changning-demo-street@2023'), 'zh'));
    expect(isZipWorkbook(book)).toBe(true);
    expect(isZipWorkbook(zipWith('word/document.xml'))).toBe(false);
    for (const name of ['台账.xls', '台账.et', '台账.zip', '台账']) {
      const parsed = parseDocument(book, name);
      expect(parsed.value, name).toMatchObject({ standard: 'changning-demo-street@2023', facts: {} });
    }
    expect(() => parseDocument(OLE2, '台账.xls')).toThrow(/97-2003/);
  });
});
