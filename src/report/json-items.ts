import type { ItemResult, VetoResult } from '../assess/types.js';
import { safeJson } from '../text/safe.js';
import { Utf8Builder, utf8Of } from './utf8-builder.js';

/**
 * Items and vetoes of results as JSON.stringify writes them in the report (toJson's shape: its
 * keys, in its order), compact or indented as they stand in the json document (results[i].items[j]).
 *
 * Why not JSON.stringify: most of an item's text is the standard's (its id, aspect, text, the
 * facts it reads, its responsible units, its evidence list: about three quarters of a 70 KB
 * JSON line) and the same in every area; stringifying and escaping it again for each of 2,000
 * areas was a third of `--format jsonl`'s CPU. So the standard's members of an item are written
 * once per batch and kept, as UTF-8 (encoding them again was the next largest cost: utf8-builder.ts),
 * and only the area's own (state, actual values, explanation, reasons, missing facts) are
 * stringified and encoded per area; the state (a few values) is kept with the members around it. Kept per writer (one per report stream), by item id,
 * and used only while every member it was written from is the very same value (strings and the
 * standard's own arrays, compared by identity), so a batch of several standards, or a result
 * put together by hand, is written as JSON.stringify would write it.
 */
export interface JsonItems {
  /** Write an item (a veto, an aspect of the result) as it stands in the list, into `out`. */
  item(i: ItemResult, out: Utf8Builder): void;
  veto(v: VetoResult, out: Utf8Builder): void;
  aspect(a: unknown, out: Utf8Builder): void;
}

const LIST_KEYS = ['id', 'version'];

export function jsonItems(indented: boolean): JsonItems {
  // Items and vetoes stand at results[i].items[j]: their members four levels in from the document's.
  const pad = indented ? '\n' + '  '.repeat(5) : '';
  const close = indented ? '\n' + '  '.repeat(4) + '}' : '}';
  const colon = indented ? ': ' : ':';
  // A member `,"key":value` (indented: on a line of its own), or nothing where JSON.stringify leaves the key out.
  const member = (key: string, value: unknown): string => {
    const text = indented ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    if (text === undefined) return '';
    return `,${pad}"${key}"${colon}${indented && text.indexOf('\n') !== -1 ? text.replace(/\n/g, pad) : text}`;
  };
  // An area's own members, and its `[]` and `""` (most items' reasons, missing facts and explanation) without a call.
  const own = (key: string, value: unknown): string => {
    if (Array.isArray(value) && value.length === 0) return `,${pad}"${key}"${colon}[]`;
    if (value === '') return `,${pad}"${key}"${colon}""`;
    return safeJson(member(key, value));
  };
  /**
   * `actual` (the values of the facts an item reads, keyed by them, in their order): what is
   * kept to write it from bytes. A value that is a number, true, false, null or a string is
   * written as JSON.stringify writes it, together with the key that may come next (`,"key":`),
   * from bytes kept per value seen (a count, a yes or no: a few per fact): one copy per fact read,
   * not a key, a number made text and a comma each (most of an item's writing was these small
   * copies, each a call into the engine). Any other value, a key not the next of the facts read
   * (fewer is fine: the keys are still in their order), or an object not plain, is left to
   * JSON.stringify (`writeLead`).
   */
  interface Shape {
    keys: string[];
    /** `,"key":` (the first: `{"key":`) of each, as text and as the length of its UTF-8. */
    keyText: string[];
    keyLength: number[];
    /** Per key: its value's JSON followed by the next key, by value. */
    values: Map<unknown, Uint8Array>[];
  }
  /** An object's shape: its keys (`keys`, the first few of them, in their order), its members `inner` in. */
  const shapeOf = (keys: string[], inner: string): Shape => {
    const keyText = keys.map((k, n) => safeJson(`${n ? ',' : '{'}${inner}${JSON.stringify(k)}${colon}`));
    return { keys, keyText, keyLength: keyText.map((k) => Buffer.byteLength(k)), values: keys.map(() => new Map()) };
  };
  const actualOf = (reads: unknown): Shape | undefined => (Array.isArray(reads) && reads.length ? shapeOf(reads.slice(), indented ? pad + '  ' : '') : undefined);
  const actualStart = `,${pad}"actual"${colon}`;
  const actualEnd = indented ? pad + '}' : '}';
  /** A value's JSON as JSON.stringify writes it, or undefined for one it is left to write. */
  const valueText = (v: unknown): string | undefined => {
    if (typeof v === 'number') return Number.isFinite(v) ? '' + v : 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v === null) return 'null';
    if (typeof v === 'string') return safeJson(JSON.stringify(v));
    return undefined;
  };

  /** The lead kept for one state: up to `actual`, and with `"actual":{"first":` after it. */
  interface Lead {
    plain: Uint8Array | string;
    first?: Uint8Array;
  }
  /**
   * What comes before an item's (a veto's) explanation: its lead (`lead`: kept per state), then
   * `actual`, its closing brace written (true), or not (false: `actual` was `{}`, or left to
   * JSON.stringify, and written in full).
   */
  const writeLead = (lead: Lead, a: Shape | undefined, actual: unknown, out: Utf8Builder): boolean => {
    if (a !== undefined && lead.first !== undefined && writeObject(lead.first, a, actual, out)) return true;
    put(out, lead.plain);
    out.text(own('actual', actual));
    return false;
  };
  /**
   * A plain object of `shape` (its keys the first of the shape's, in their order; each value a
   * number, true, false, null or a string) written from `first` (what comes before it, up to its
   * first key) and the bytes kept per value, without its closing brace: true. Otherwise nothing
   * is written: false.
   */
  const writeObject = (first: Uint8Array, shape: Shape, o: unknown, out: Utf8Builder): boolean => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) return false;
    const at = out.length;
    out.bytes(first);
    const { keys, values } = shape;
    let n = 0;
    for (const k in o) {
      if (n === keys.length || k !== keys[n]) return none(out, at);
      const v = (o as Record<string, unknown>)[k];
      const seen = values[n];
      let bytes = seen.get(v);
      if (bytes === undefined) {
        const text = valueText(v);
        if (text === undefined) return none(out, at);
        bytes = utf8Of(n + 1 < keys.length ? text + shape.keyText[n + 1] : text);
        // A few per key (a long text, or one of many counts, is made again each time).
        if (seen.size < 16 && text.length < 64) seen.set(v, bytes);
      }
      out.bytes(bytes);
      n++;
    }
    if (n === 0) return none(out, at);
    // The next key went with the last value: not there, so taken back.
    if (n < keys.length) out.rewind(out.length - shape.keyLength[n]);
    return true;
  };
  const none = (out: Utf8Builder, at: number): false => {
    out.rewind(at);
    return false;
  };

  /**
   * An aspect of a result ({name, met, applicable, score}: results[i].aspects[j], where an item
   * stands) as JSON.stringify writes it in the list, from bytes kept (writeObject); anything
   * else by JSON.stringify. The per-area head of a result was a third of writing it, most of it
   * these ten objects stringified, indented, escaped and encoded.
   */
  const aspectShape = shapeOf(['name', 'met', 'applicable', 'score'], pad);
  const aspectFirst = utf8Of(aspectShape.keyText[0]);
  const aspect = (a: unknown, out: Utf8Builder) => {
    if (writeObject(aspectFirst, aspectShape, a, out)) return out.ascii(close);
    const text = indented ? JSON.stringify(a, null, 2) : JSON.stringify(a);
    out.text(text === undefined ? 'null' : safeJson(indented ? text.replace(/\n/g, '\n' + '  '.repeat(4)) : text));
  };

  /**
   * An object written from its members, each `,…` as `member` writes it: the first one's comma
   * becomes `{` once they are written (no copy of the rest), and no members at all are `{}`.
   */
  const shut = (out: Utf8Builder, start: number) => {
    if (out.length === start) out.ascii('{}');
    else {
      out.put(start, '{');
      out.ascii(close);
    }
  };

  interface KeptItem {
    of: ItemResult;
    actual: Shape | undefined;
    /** From id to text, then state (keyed by it: a few), then reads. */
    lead: Map<string, Lead>;
    head: string;
    reads: string;
    responsible: Uint8Array;
    evidence: Uint8Array;
    /** `"explanation": ""`, `"reasons": []`, responsible, `"missing": []`, evidence, weight: how most items end. */
    quiet: Uint8Array;
    /** The same after the brace that closes `actual`, and with the item's own closing brace. */
    quietShut: Uint8Array;
  }
  interface KeptVeto {
    of: VetoResult;
    actual: Shape | undefined;
    id: Uint8Array;
    /** number and text, then state (keyed by it), then reads. */
    lead: Map<string, Lead>;
    numberText: string;
    reads: string;
    /** The last list written (a veto's is made afresh for each area) and its member. */
    list?: { id: string; version: string };
    listBytes?: Uint8Array;
  }
  const items = new Map<string, KeptItem>();
  const vetoes = new Map<string, KeptVeto>();

  const sameItem = (a: ItemResult, b: ItemResult) =>
    a.id === b.id && a.aspect === b.aspect && a.content === b.content && a.number === b.number && a.text === b.text && a.reads === b.reads && a.responsible === b.responsible && a.evidence === b.evidence && a.weight === b.weight;
  const sameVeto = (a: VetoResult, b: VetoResult) => a.id === b.id && a.number === b.number && a.text === b.text && a.reads === b.reads;

  // Kept as bytes for a state that is a string (a hand-made result may hold anything): a few per item.
  const lead = (map: Map<string, Lead>, before: string, state: unknown, after: string, a: Shape | undefined): Lead => {
    if (typeof state !== 'string') return { plain: before + own('state', state) + after };
    return map.get(state) ?? newLead(map, before, state, after, a);
  };
  const newLead = (map: Map<string, Lead>, before: string, state: string, after: string, a: Shape | undefined): Lead => {
    const text = before + own('state', state) + after;
    const kept = { plain: utf8Of(text), ...(a ? { first: utf8Of(text + actualStart + a.keyText[0]) } : {}) };
    if (map.size < 8) map.set(state, kept);
    return kept;
  };
  const put = (out: Utf8Builder, piece: Uint8Array | string) => (typeof piece === 'string' ? out.text(piece) : out.bytes(piece));

  // An item (a veto) with no explanation, reasons or missing facts: most of them, in every area.
  const quiet = own('explanation', '') + own('reasons', []);
  const quietVeto = utf8Of(quiet + own('missing', []));
  const noneMissing = (i: { missing: unknown }) => Array.isArray(i.missing) && i.missing.length === 0;
  const isQuiet = (i: { explanation: unknown; reasons: unknown; missing: unknown }) => i.explanation === '' && Array.isArray(i.reasons) && i.reasons.length === 0 && noneMissing(i);
  // A veto's list as the engine makes it, {id, version} of strings: its bytes are kept.
  const isList = (b: unknown): b is { id: string; version: string } => {
    if (typeof b !== 'object' || b === null || Object.getPrototypeOf(b) !== Object.prototype) return false;
    let n = 0;
    for (const k in b) if (k !== LIST_KEYS[n++]) return false;
    return n === 2 && typeof (b as { id: unknown }).id === 'string' && typeof (b as { version: unknown }).version === 'string';
  };

  // What is kept of an item, made the first time it comes: out of item and veto, which TurboFan
  // compiles for every area's use, so that they are not compiled with what runs once per item id.
  const keepItem = (i: ItemResult): KeptItem => {
    const responsible = safeJson(member('responsible', i.responsible));
    const evidence = safeJson(member('evidence', i.evidence) + member('weight', i.weight));
    const quietText = quiet + responsible + own('missing', []) + evidence;
    const kept: KeptItem = {
      of: i,
      actual: actualOf(i.reads),
      lead: new Map(),
      head: safeJson(member('id', i.id) + member('aspect', i.aspect) + member('content', i.content) + member('number', i.number) + member('text', i.text)),
      reads: safeJson(member('reads', i.reads)),
      responsible: utf8Of(responsible),
      evidence: utf8Of(evidence),
      quiet: utf8Of(quietText),
      quietShut: utf8Of(actualEnd + quietText + close),
    };
    items.set(i.id, kept);
    return kept;
  };
  const keepVeto = (v: VetoResult): KeptVeto => {
    const kept: KeptVeto = { of: v, actual: actualOf(v.reads), id: utf8Of(safeJson(member('id', v.id))), lead: new Map(), numberText: safeJson(member('number', v.number) + member('text', v.text)), reads: safeJson(member('reads', v.reads)) };
    vetoes.set(v.id, kept);
    return kept;
  };

  /** A veto's list as written, its bytes kept with the veto where it is one as the engine makes them. */
  const keepList = (kept: KeptVeto, list: unknown): string => {
    const text = own('list', list);
    if (isList(list)) {
      kept.list = { id: list.id, version: list.version };
      kept.listBytes = utf8Of(text);
    }
    return text;
  };

  return {
    aspect,
    item(i, out) {
      let kept = items.get(i.id);
      if (kept === undefined || !sameItem(kept.of, i)) kept = keepItem(i);
      const start = out.length;
      const open = writeLead(lead(kept.lead, kept.head, i.state, kept.reads, kept.actual), kept.actual, i.actual, out);
      if (isQuiet(i)) {
        if (open) {
          // `actual`'s closing brace, the rest and the item's own, in one.
          out.bytes(kept.quietShut);
          out.put(start, '{');
          return;
        }
        out.bytes(kept.quiet);
      } else {
        if (open) out.ascii(actualEnd);
        out.text(own('explanation', i.explanation) + own('reasons', i.reasons));
        out.bytes(kept.responsible);
        out.text(own('missing', i.missing));
        out.bytes(kept.evidence);
      }
      shut(out, start);
    },
    veto(v, out) {
      let kept = vetoes.get(v.id);
      if (kept === undefined || !sameVeto(kept.of, v)) kept = keepVeto(v);
      const start = out.length;
      out.bytes(kept.id);
      // The list ({id, version}) is made afresh for each veto of each area: the same one's bytes are kept.
      const list = v.list;
      if (kept.list !== undefined && isList(list) && list.id === kept.list.id && list.version === kept.list.version) out.bytes(kept.listBytes!);
      else out.text(keepList(kept, list));
      if (writeLead(lead(kept.lead, kept.numberText, v.state, kept.reads, kept.actual), kept.actual, v.actual, out)) out.ascii(actualEnd);
      if (isQuiet(v)) out.bytes(quietVeto);
      else out.text(own('explanation', v.explanation) + own('reasons', v.reasons) + own('missing', v.missing));
      shut(out, start);
    },
  };
}
