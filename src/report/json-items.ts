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
  /** Write an item (a veto) as it stands in the list, into `out`. */
  item(i: ItemResult, out: Utf8Builder): void;
  veto(v: VetoResult, out: Utf8Builder): void;
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
   * `actual` (the values of the facts an item reads, keyed by them, in their order) written into
   * `out` from its keys kept as bytes: a value that is a number, true, false, null or a string is
   * written as JSON.stringify writes it; any other value, a key not the next of the facts read
   * (fewer is fine: the keys are still in their order), or an object not plain, is left to
   * JSON.stringify — what was written is taken back and false returned. A fifth of the json
   * format's CPU was these objects; made as a string and encoded, most of what is left of it.
   */
  const actualOf = (reads: readonly string[]) => {
    if (!Array.isArray(reads)) return () => false;
    const keys = reads.slice();
    const inner = indented ? pad + '  ' : '';
    const before = keys.map((k, n) => utf8Of(safeJson(`${n ? ',' : '{'}${inner}${JSON.stringify(k)}${colon}`)));
    const start = utf8Of(`,${pad}"actual"${colon}`);
    const empty = utf8Of(`,${pad}"actual"${colon}{}`);
    const end = indented ? pad + '}' : '}';
    return (actual: unknown, out: Utf8Builder): boolean => {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
      const proto = Object.getPrototypeOf(actual);
      if (proto !== Object.prototype && proto !== null) return false;
      const at = out.length;
      out.bytes(start);
      let n = 0;
      for (const k in actual) {
        if (k !== keys[n]) {
          out.rewind(at);
          return false;
        }
        const v = (actual as Record<string, unknown>)[k];
        out.bytes(before[n]);
        if (typeof v === 'number') out.ascii(Number.isFinite(v) ? '' + v : 'null');
        else if (typeof v === 'boolean') out.ascii(v ? 'true' : 'false');
        else if (v === null) out.ascii('null');
        else if (typeof v === 'string') out.text(safeJson(JSON.stringify(v)));
        else {
          out.rewind(at);
          return false;
        }
        n++;
      }
      if (n === 0) {
        out.rewind(at);
        out.bytes(empty);
      } else out.ascii(end);
      return true;
    };
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

  type Actual = (actual: unknown, out: Utf8Builder) => boolean;
  interface KeptItem {
    of: ItemResult;
    actual: Actual;
    /** From id to text, then state (keyed by it: a few), then reads. */
    lead: Map<string, Uint8Array>;
    head: string;
    reads: string;
    responsible: Uint8Array;
    evidence: Uint8Array;
    /** `"explanation": ""`, `"reasons": []`, responsible, `"missing": []`, evidence, weight: how most items end. */
    quiet: Uint8Array;
  }
  interface KeptVeto {
    of: VetoResult;
    actual: Actual;
    id: Uint8Array;
    /** number and text, then state (keyed by it), then reads. */
    lead: Map<string, Uint8Array>;
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
  const lead = (map: Map<string, Uint8Array>, before: string, state: unknown, after: string): Uint8Array | string => {
    if (typeof state !== 'string') return before + own('state', state) + after;
    let bytes = map.get(state);
    if (bytes === undefined) {
      bytes = utf8Of(before + own('state', state) + after);
      if (map.size < 8) map.set(state, bytes);
    }
    return bytes;
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

  return {
    item(i, out) {
      let kept = items.get(i.id);
      if (kept === undefined || !sameItem(kept.of, i)) {
        const responsible = safeJson(member('responsible', i.responsible));
        const evidence = safeJson(member('evidence', i.evidence) + member('weight', i.weight));
        kept = {
          of: i,
          actual: actualOf(i.reads),
          lead: new Map(),
          head: safeJson(member('id', i.id) + member('aspect', i.aspect) + member('content', i.content) + member('number', i.number) + member('text', i.text)),
          reads: safeJson(member('reads', i.reads)),
          responsible: utf8Of(responsible),
          evidence: utf8Of(evidence),
          quiet: utf8Of(quiet + responsible + own('missing', []) + evidence),
        };
        items.set(i.id, kept);
      }
      const start = out.length;
      put(out, lead(kept.lead, kept.head, i.state, kept.reads));
      if (!kept.actual(i.actual, out)) out.text(own('actual', i.actual));
      if (isQuiet(i)) out.bytes(kept.quiet);
      else {
        out.text(own('explanation', i.explanation) + own('reasons', i.reasons));
        out.bytes(kept.responsible);
        out.text(own('missing', i.missing));
        out.bytes(kept.evidence);
      }
      shut(out, start);
    },
    veto(v, out) {
      let kept = vetoes.get(v.id);
      if (kept === undefined || !sameVeto(kept.of, v)) {
        kept = { of: v, actual: actualOf(v.reads), id: utf8Of(safeJson(member('id', v.id))), lead: new Map(), numberText: safeJson(member('number', v.number) + member('text', v.text)), reads: safeJson(member('reads', v.reads)) };
        vetoes.set(v.id, kept);
      }
      const start = out.length;
      out.bytes(kept.id);
      // The list ({id, version}) is made afresh for each veto of each area: the same one's bytes are kept.
      const list = v.list;
      if (kept.list !== undefined && isList(list) && list.id === kept.list.id && list.version === kept.list.version) out.bytes(kept.listBytes!);
      else {
        const text = own('list', list);
        if (isList(list)) {
          kept.list = { id: list.id, version: list.version };
          kept.listBytes = utf8Of(text);
        }
        out.text(text);
      }
      put(out, lead(kept.lead, kept.numberText, v.state, kept.reads));
      if (!kept.actual(v.actual, out)) out.text(own('actual', v.actual));
      if (isQuiet(v)) out.bytes(quietVeto);
      else out.text(own('explanation', v.explanation) + own('reasons', v.reasons) + own('missing', v.missing));
      shut(out, start);
    },
  };
}
