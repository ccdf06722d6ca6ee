import type { ItemResult, VetoResult } from '../assess/types.js';
import { safeJson } from '../text/safe.js';

/**
 * Items and vetoes of results as JSON.stringify writes them in the report (toJson's shape: its
 * keys, in its order), compact or indented as they stand in the json document (results[i].items[j]).
 *
 * Why not JSON.stringify: most of an item's text is the standard's (its id, aspect, text, the
 * facts it reads, its responsible units, its evidence list: about three quarters of a 70 KB
 * JSON line) and the same in every area; stringifying and escaping it again for each of 2,000
 * areas was a third of `--format jsonl`'s CPU. So the standard's members of an item are written
 * once per batch and kept, and only the area's own (state, actual values, explanation, reasons,
 * missing facts) are stringified per area. Kept per writer (one per report stream), by item id,
 * and used only while every member it was written from is the very same value (strings and the
 * standard's own arrays, compared by identity), so a batch of several standards, or a result
 * put together by hand, is written as JSON.stringify would write it.
 */
export function jsonItems(indented: boolean): { item: (i: ItemResult) => string; veto: (v: VetoResult) => string } {
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
   * `actual` (the values of the facts an item reads, keyed by them, in their order) from its
   * keys written once: a value that is a number, true, false, null or a string is written as
   * JSON.stringify writes it; any other value, a key not the next of the facts read (fewer is
   * fine: the keys are still in their order), or an object not plain, is left to JSON.stringify
   * (undefined here). A fifth of the json format's CPU was these objects.
   */
  const actualOf = (reads: readonly string[]) => {
    if (!Array.isArray(reads)) return () => undefined;
    const keys = reads.slice();
    const inner = indented ? pad + '  ' : '';
    const before = keys.map((k, n) => safeJson(`${n ? ',' : '{'}${inner}${JSON.stringify(k)}${colon}`));
    const start = `,${pad}"actual"${colon}`;
    const end = indented ? pad + '}' : '}';
    return (actual: unknown): string | undefined => {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return undefined;
      const proto = Object.getPrototypeOf(actual);
      if (proto !== Object.prototype && proto !== null) return undefined;
      let out = start;
      let n = 0;
      for (const k in actual) {
        if (k !== keys[n]) return undefined;
        const v = (actual as Record<string, unknown>)[k];
        if (typeof v === 'number') out += before[n] + (Number.isFinite(v) ? '' + v : 'null');
        else if (typeof v === 'boolean') out += before[n] + (v ? 'true' : 'false');
        else if (v === null) out += before[n] + 'null';
        else if (typeof v === 'string') out += before[n] + safeJson(JSON.stringify(v));
        else return undefined;
        n++;
      }
      return n === 0 ? start + '{}' : out + end;
    };
  };

  // The object around its members; `first`: the members that open it, if any, `{` in place of their comma (no copy of the rest).
  const object = (first: string, rest: string) => (first !== '' ? first + rest + close : rest === '' ? '{}' : '{' + rest.slice(1) + close);
  const opening = (members: string) => (members === '' ? '' : '{' + members.slice(1));

  interface Kept<T> {
    of: T;
    parts: string[];
    actual: (actual: unknown) => string | undefined;
  }
  const items = new Map<string, Kept<ItemResult>>();
  const vetoes = new Map<string, Kept<VetoResult>>();

  const sameItem = (a: ItemResult, b: ItemResult) =>
    a.id === b.id && a.aspect === b.aspect && a.content === b.content && a.number === b.number && a.text === b.text && a.reads === b.reads && a.responsible === b.responsible && a.evidence === b.evidence && a.weight === b.weight;
  const sameVeto = (a: VetoResult, b: VetoResult) => a.id === b.id && a.number === b.number && a.text === b.text && a.reads === b.reads;

  return {
    item(i) {
      let kept = items.get(i.id);
      if (kept === undefined || !sameItem(kept.of, i)) {
        kept = {
          of: i,
          actual: actualOf(i.reads),
          parts: [
            opening(safeJson(member('id', i.id) + member('aspect', i.aspect) + member('content', i.content) + member('number', i.number) + member('text', i.text))),
            safeJson(member('reads', i.reads)),
            safeJson(member('responsible', i.responsible)),
            safeJson(member('evidence', i.evidence) + member('weight', i.weight)),
          ],
        };
        items.set(i.id, kept);
      }
      const [head, reads, responsible, tail] = kept.parts;
      return object(head, own('state', i.state) + reads + (kept.actual(i.actual) ?? own('actual', i.actual)) + own('explanation', i.explanation) + own('reasons', i.reasons) + responsible + own('missing', i.missing) + tail);
    },
    veto(v) {
      let kept = vetoes.get(v.id);
      if (kept === undefined || !sameVeto(kept.of, v)) {
        kept = { of: v, actual: actualOf(v.reads), parts: [opening(safeJson(member('id', v.id))), safeJson(member('number', v.number) + member('text', v.text)), safeJson(member('reads', v.reads))] };
        vetoes.set(v.id, kept);
      }
      const [id, numberText, reads] = kept.parts;
      // The list ({id, version}) is made afresh for each veto of each area: written each time, a small object.
      return object(id, own('list', v.list) + numberText + own('state', v.state) + reads + (kept.actual(v.actual) ?? own('actual', v.actual)) + own('explanation', v.explanation) + own('reasons', v.reasons) + own('missing', v.missing));
    },
  };
}
