import { jsonc } from './jsonc.js';

// Where a value of a JSON text stands: read only when a problem is to be located (or a line
// is wanted for an annotation), never for a valid file in a batch.

/**
 * Where values start, shaped as the value: a scalar's offset, or an object's or array's with
 * its members' (recorded as the text is read, no pointer built until one is asked for).
 */
export type Where = number | { at: number; members: Map<string, Where> | Where[] };

/** Where every value of a valid JSON text starts (the checks were made when it was first read). */
export function whereIn(text: string): Where | undefined {
  let root: Where | undefined;
  const open: (Map<string, Where> | Where[])[] = [];
  let key = '';
  const put = (where: Where) => {
    const parent = open[open.length - 1];
    if (parent === undefined) root = where;
    else if (Array.isArray(parent)) parent.push(where);
    else parent.set(key, where);
  };
  const begin = (members: Map<string, Where> | Where[], at: number) => {
    put({ at, members });
    open.push(members);
  };
  jsonc().visit(text, {
    onObjectBegin: (at) => begin(new Map(), at),
    onArrayBegin: (at) => begin([], at),
    onObjectEnd: () => void open.pop(),
    onArrayEnd: () => void open.pop(),
    onObjectProperty: (name) => void (key = name),
    onLiteralValue: (_, at) => put(at),
  });
  return root;
}

export function offsetOf(where: Where | undefined, pointer: string): number | undefined {
  let node = where;
  // A segment at a time, unescaped only where it holds a "~" (a report locates every fact of a file).
  for (let start = 1; start <= pointer.length; ) {
    if (node === undefined || typeof node === 'number') return undefined;
    let end = pointer.indexOf('/', start);
    if (end === -1) end = pointer.length;
    const raw = pointer.slice(start, end);
    const token = raw.indexOf('~') === -1 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const { members } = node;
    node = Array.isArray(members) ? (/^(?:0|[1-9]\d*)$/.test(token) ? members[Number(token)] : undefined) : members.get(token);
    start = end + 1;
  }
  return node === undefined || typeof node === 'number' ? node : node.at;
}

export function lineStarts(text: string): number[] {
  const out = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) out.push(k + 1);
  return out;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, column: offset - last };
}
