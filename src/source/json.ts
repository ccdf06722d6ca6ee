import { InputError, pointerOf } from '../errors.js';
import type { ParseLimits, Parsed } from './types.js';

/**
 * A strict JSON (RFC 8259) parser that, unlike JSON.parse, rejects duplicate keys and remembers
 * where every value starts, so validation errors can say line:column. Keys are defined with
 * defineProperty: a `__proto__` key stays an ordinary own property and never sets a prototype.
 */
export function parseJson(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const offsets = new Map<string, number>();
  let i = 0;
  const path: (string | number)[] = [];

  const fail = (message: string, at = i, expected?: string): never => {
    const { line, column } = lineColumn(text, at);
    throw new InputError('parse', file, [{ line, column, message, expected }]);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const describe = (at: number) => {
    if (at >= text.length) return 'end of file';
    if (text[at] === '"') return 'string';
    return JSON.stringify(text[at]);
  };

  const value = (depth: number): unknown => {
    if (depth > limits.maxDepth) fail(`nesting deeper than ${limits.maxDepth} levels`);
    ws();
    offsets.set(pointerOf(path), i);
    const c = text[i];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    return fail(`unexpected ${describe(i)}`, i, 'a JSON value');
  };

  const object = (depth: number) => {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    i++;
    ws();
    if (text[i] === '}') return i++, out;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`unexpected ${describe(i)}`, i, 'a key in double quotes');
      const keyAt = i;
      const key = string();
      if (seen.has(key)) {
        const first = lineColumn(text, seen.get(key)!);
        fail(`duplicate key ${JSON.stringify(key)} (first at line ${first.line}:${first.column})`, keyAt, 'each key once');
      }
      seen.set(key, keyAt);
      ws();
      if (text[i] !== ':') fail(`unexpected ${describe(i)} after key ${JSON.stringify(key)}`, i, '":"');
      i++;
      path.push(key);
      const v = value(depth + 1);
      path.pop();
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') return i++, out;
      fail(`unexpected ${describe(i)} in an object${text[i] === '"' ? ' (is a comma missing before it?)' : ''}`, i, '"," or "}"');
    }
  };

  const array = (depth: number) => {
    const out: unknown[] = [];
    i++;
    ws();
    if (text[i] === ']') return i++, out;
    for (;;) {
      path.push(out.length);
      out.push(value(depth + 1));
      path.pop();
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') return i++, out;
      fail(`unexpected ${describe(i)} in an array${text[i] === '"' ? ' (is a comma missing before it?)' : ''}`, i, '"," or "]"');
    }
  };

  const string = (): string => {
    const start = i;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('unterminated string', start, 'a closing "');
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in a string', i, 'an escaped character (\\n, \\t …)');
      if (c === 0x5c) i++;
      i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid escape in a string', start, 'a valid JSON escape');
    }
  };

  const number = (): number => {
    // Sticky, so a number of any length is read whole where it stands (no slice, no cut-off).
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail(`invalid number`, i, 'a JSON number');
    const n = Number(m[0]);
    // JSON.parse would turn 1e400 into Infinity, which no fact can mean and JSON can't print back.
    if (!Number.isFinite(n)) fail(`the number ${m[0].length > 20 ? m[0].slice(0, 20) + '…' : m[0]} is too large`, i, 'a number between -1.7e308 and 1.7e308');
    i += m[0].length;
    return n;
  };

  const result = value(0);
  ws();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the document`, i, 'end of file');
  // Callers locate every fact of a file (reports point at lines): index the line starts once, so
  // each lookup is a binary search rather than a scan of a text that may be megabytes long.
  let starts: number[] | undefined;
  return {
    value: result,
    locate: (pointer) => {
      const at = offsets.get(pointer);
      if (at === undefined) return undefined;
      starts ??= lineStarts(text);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: at - starts[lo] + 1 };
    },
  };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) out.push(k + 1);
  return out;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, column: offset - last };
}
