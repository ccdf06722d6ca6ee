import type { Worksheet } from 'exceljs';
import { exceljs, type ExceljsModule } from '../exceljs.js';
import { ZipWriter } from './zip.js';

/**
 * The workbook around the report's sheets, over our zip (zip.ts): what exceljs 4.4's streaming
 * WorkbookWriter does — the same parts, made by exceljs's own xforms, in the same order — less
 * the archiver it loads and pipes every byte through. exceljs's WorksheetWriter writes each sheet
 * into it as into that WorkbookWriter: the fields and `_openStream` below are what it and its
 * comments and relationships writers use of their workbook.
 */
export class Book {
  /** exceljs's style registry: cells' style ids, then xl/styles.xml. */
  readonly styles: { xml: string; addStyleModel(style: object, cellType?: number): number };
  /**
   * By look, short texts' cell ends (`" s="5" t="str"><v>✓</v></c>`, after the address; writer.ts
   * rowXml): exceljs knows a look it has seen by identity, so its style id in this workbook — and
   * the end of every cell with that look and text — is the same from its first cell on. 160,000
   * cells of 矩阵 at 2,000 areas are a handful of these.
   */
  readonly cellEnds = new WeakMap<object, Map<string, string>>();
  /** No shared strings (text inline): the content types ask only its count. */
  readonly sharedStrings = { count: 0 };
  readonly commentRefs: unknown[] = [];
  readonly media: unknown[] = [];
  private readonly sheets: (Worksheet & { id: number; committed?: boolean })[] = [];
  private readonly created = new Date();

  constructor(readonly zip: ZipWriter) {
    const StylesXform = exceljs('xlsx/xform/style/styles-xform.js') as new (initialise: boolean) => Book['styles'];
    this.styles = new StylesXform(true);
    const RelType = exceljs('xlsx/rel-type.js') as Record<string, string>;
    zip.add('xl/theme/theme1.xml', exceljs('xlsx/xml/theme1.js') as string);
    zip.add(
      '/_rels/.rels',
      xform('xlsx/xform/core/relationships-xform.js').toXml([
        { Id: 'rId1', Type: RelType.OfficeDocument, Target: 'xl/workbook.xml' },
        { Id: 'rId2', Type: RelType.CoreProperties, Target: 'docProps/core.xml' },
        { Id: 'rId3', Type: RelType.ExtenderProperties, Target: 'docProps/app.xml' },
      ]),
    );
  }

  /** What exceljs's sheet writers write a part into. */
  _openStream(path: string) {
    return this.zip.entry(path);
  }

  addWorksheet(name: string, options: object): Worksheet {
    const WorksheetWriter = exceljs('stream/xlsx/worksheet-writer.js') as new (options: object) => Book['sheets'][number];
    const sheet = new WorksheetWriter({ ...options, id: this.sheets.length + 1, name, workbook: this, useSharedStrings: false });
    this.sheets.push(sheet);
    return sheet;
  }

  /** Every sheet finished, then the workbook's own parts (as WorkbookWriter.commit), then the zip's directory. */
  async commit(): Promise<void> {
    for (const sheet of this.sheets) if (!sheet.committed) (sheet as unknown as { commit(): void }).commit();
    const RelType = exceljs('xlsx/rel-type.js') as Record<string, string>;
    const { zip, sheets } = this;
    zip.add('[Content_Types].xml', xform('xlsx/xform/core/content-types-xform.js').toXml({ worksheets: sheets, sharedStrings: this.sharedStrings, commentRefs: this.commentRefs, media: this.media }));
    zip.add('docProps/app.xml', xform('xlsx/xform/core/app-xform.js').toXml({ worksheets: sheets }));
    zip.add('docProps/core.xml', xform('xlsx/xform/core/core-xform.js').toXml({ creator: 'weibao', lastModifiedBy: 'ExcelJS', created: this.created, modified: this.created }));
    zip.add('xl/styles.xml', this.styles.xml);
    const rels = [
      { Id: 'rId1', Type: RelType.Styles, Target: 'styles.xml' },
      { Id: 'rId2', Type: RelType.Theme, Target: 'theme/theme1.xml' },
    ];
    sheets.forEach((sheet, k) => {
      const rId = `rId${k + 3}`;
      (sheet as unknown as { rId: string }).rId = rId;
      rels.push({ Id: rId, Type: RelType.Worksheet, Target: `worksheets/sheet${sheet.id}.xml` });
    });
    zip.add('/xl/_rels/workbook.xml.rels', xform('xlsx/xform/core/relationships-xform.js').toXml(rels));
    const book = xform('xlsx/xform/book/workbook-xform.js');
    const model = { worksheets: sheets, definedNames: [], views: [], properties: {}, calcProperties: {} };
    book.prepare!(model);
    zip.add('/xl/workbook.xml', book.toXml(model));
    await zip.finish();
  }
}

type Xform = { prepare?(model: unknown): void; toXml(model: unknown): string };

function xform(path: ExceljsModule): Xform {
  return new (exceljs(path) as new () => Xform)();
}
