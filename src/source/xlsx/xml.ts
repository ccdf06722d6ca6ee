import { createRequire } from 'node:module';
import type { X2jOptions, XMLParser as Parser } from 'fast-xml-parser';

// fast-xml-parser only once a workbook is read (CommonJS build, so it loads synchronously as the
// rest of the facts path does).
const require = createRequire(import.meta.url);
let parser: Parser | undefined;

/** Elements that may repeat, kept as arrays even when one is present. */
const LISTS = new Set(['sheet', 'Relationship', 'Override', 'Default', 'si', 'r', 'row', 'c', 'xf', 'numFmt', 'definedName']);

const OPTIONS: Partial<X2jOptions> = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => LISTS.has(name),
};

export type Node = Record<string, any>;

/** A workbook part's XML → plain objects. A DOCTYPE (entity definitions) has no place in one and is refused by the caller. */
export function parseXml(text: string): Node {
  if (!parser) {
    const { XMLParser } = require('fast-xml-parser') as typeof import('fast-xml-parser');
    parser = new XMLParser(OPTIONS);
  }
  return parser.parse(text) as Node;
}

/** The text of a <t>-like node: a string, or an object with #text (attributes such as xml:space). */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  const t = (node as Node)['#text'];
  return t === undefined ? '' : String(t);
}

/** The visible text of a rich or plain string item (<si>, <is>): its <t>, or its runs' <t>s; phonetic runs (<rPh>) left out. */
export function richText(node: Node | undefined): string {
  if (!node || typeof node !== 'object') return textOf(node);
  if (node.t !== undefined) return textOf(node.t);
  if (Array.isArray(node.r)) return node.r.map((run: Node) => textOf(run?.t)).join('');
  return '';
}
