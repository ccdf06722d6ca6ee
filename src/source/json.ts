import { hint, InputError, pointerToken, problem, type Hint } from '../errors.js';
import type { MessageData, MessageId } from '../messages/catalogue.js';
import type { JsonWant } from '../messages/sections/input.js';
import type { ParseLimits, Parsed } from './types.js';

/**
 * A strict JSON (RFC 8259) parser that, unlike JSON.parse, rejects duplicate keys and remembers
 * where every value starts, so validation errors can say line:column. A `__proto__` key stays an
 * ordinary own property and never sets a prototype.
 */
export function parseJson(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const result = fastParse(text, limits) ?? parseWith(text, file, limits, undefined);
  // Where each value starts is wanted only to locate a problem (or a line for an annotation):
  // the text is read a second time, recording, at the first question (a valid file in a batch
  // never asks). Same text, same parser: the same values at the same places.
  let offsets: Map<string, number> | undefined;
  // Callers may locate every fact of a file (reports point at lines): index the line starts once,
  // so each lookup is a binary search rather than a scan of a text that may be megabytes long.
  let starts: number[] | undefined;
  return {
    value: result,
    locate: (pointer) => {
      if (!offsets) {
        offsets = new Map();
        parseWith(text, file, limits, offsets);
      }
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

/** The strict parser alone, recording every position (what parseJson answers as, tested against it). */
export function parseJsonStrict(text: string, file: string | undefined, limits: ParseLimits): { value: unknown; offsets: Map<string, number> } {
  const offsets = new Map<string, number>();
  return { value: parseWith(text, file, limits, offsets), offsets };
}

/**
 * JSON.parse, where it gives what parseWith would: a text JSON.parse accepts is one parseWith
 * accepts too, with the same value, unless a key is repeated (JSON.parse keeps the last), a
 * number is too large (JSON.parse makes it Infinity) or the nesting is too deep. Those are
 * checked for (a repeated key leaves fewer keys in the value than key separators in the text);
 * on any of them, or any syntax error, undefined: parseWith reads the text and says what and
 * where. JSON.parse also keeps a `__proto__` key as an own property.
 */
function fastParse(text: string, limits: ParseLimits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = countKeys(value, 0, limits.maxDepth);
  // A number too small for a double reads as 0 (1e-400, or 0.000…1 past 300 zeros): the strict
  // parser tells it from a 0 written as 0.
  if (underflows(text)) return undefined;
  // Over the key limit (--max-keys): the strict parser says where the limit was passed.
  if (limits.maxKeys !== undefined && keys > limits.maxKeys) return undefined;
  return keys >= 0 && keys === countColons(text, keys) ? value : undefined;
}

/** Keys of every object in a parsed value; -1 for a non-finite number or nesting deeper than `max`. */
function countKeys(v: unknown, depth: number, max: number): number {
  if (depth > max) return -1;
  // Past 2^53 a whole number may not be the one written (the strict parser says which are refused).
  if (typeof v === 'number') return Number.isFinite(v) && (Number.isSafeInteger(v) || !Number.isInteger(v)) ? 0 : -1;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const k = countKeys(v[i], depth + 1, max);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  const own = Object.keys(v);
  n += own.length;
  for (const key of own) {
    const k = countKeys((v as Record<string, unknown>)[key], depth + 1, max);
    if (k < 0) return -1;
    n += k;
  }
  return n;
}

/**
 * Colons outside strings in a valid JSON text: one per object member. Every colon is counted
 * first (indexOf finds a rare character fast): when there are no more than `keys`, none stands
 * in a string and that is the answer; otherwise the strings are skipped to count the rest.
 */
function countColons(text: string, keys: number): number {
  let all = 0;
  for (let c = text.indexOf(':'); c !== -1 && all <= keys; c = text.indexOf(':', c + 1)) all++;
  if (all <= keys) return all;
  let n = 0;
  let k = 0;
  for (;;) {
    const quote = text.indexOf('"', k);
    const end = quote === -1 ? text.length : quote;
    for (let c = text.indexOf(':', k); c !== -1 && c < end; c = text.indexOf(':', c + 1)) n++;
    if (quote === -1) return n;
    // The string's end: the next quote not escaped (preceded by an even run of backslashes).
    let close = quote;
    for (;;) {
      close = text.indexOf('"', close + 1);
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    k = close + 1;
  }
}

/** The parser; with `offsets`, it records where the value at each JSON pointer starts. */
function parseWith(text: string, file: string | undefined, limits: ParseLimits, offsets: Map<string, number> | undefined): unknown {
  let i = 0;
  let keys = 0; // every object's keys, against limits.maxKeys (the same limit as YAML's)

  const fail = <K extends MessageId>(at: number, extra: { hint?: Hint; expected?: string }, id: K, ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]): never => {
    const { line, column } = lineColumn(text, at);
    throw new InputError('parse', file, [problem({ line, column, ...extra }, id, ...data)]);
  };
  /** Something other than what the grammar wants at `at`: named as the mistake a clerk makes, where it is one. */
  const unexpected = (at: number, want: JsonWant): never => {
    const c = text[at] ?? null;
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) fail(at, { hint: hint('input.fix.jsonComment') }, 'input.json.comment');
    if (c === '}' || c === ']') {
      // A comma after the last member: the line to change is the comma's.
      let k = at - 1;
      while (k >= 0 && /\s/.test(text[k])) k--;
      if (text[k] === ',') fail(k, { hint: hint('input.fix.trailingComma') }, 'input.json.trailingComma');
    }
    if (c === "'") {
      const end = text.indexOf("'", at + 1);
      const inner = end > at && end - at < 200 ? text.slice(at + 1, end) : '…';
      fail(at, { hint: hint('input.fix.doubleQuotes', { fixed: JSON.stringify(inner) }) }, 'input.json.singleQuote');
    }
    if (c !== null && c in FULLWIDTH) fail(at, { hint: hint('input.fix.halfwidth', { char: c, fixed: FULLWIDTH[c] }) }, 'input.json.fullwidth', { char: c });
    // A bare word where a key or a string goes: name it quoted (`新泾镇` → `"新泾镇"`).
    if ((want === 'key' || want === 'value') && c !== null && /[\p{L}_$]/u.test(c)) {
      const word = /^[\p{L}\p{N}_$.@-]{1,80}/u.exec(text.slice(at))?.[0] ?? c;
      if (!(want === 'value' && /^(true|false|null)/.test(word))) fail(at, { expected: EN_WANT[want], hint: hint('input.fix.doubleQuotes', { fixed: JSON.stringify(word) }) }, 'input.json.unexpected', { found: c, want });
    }
    return fail(at, { expected: EN_WANT[want] }, 'input.json.unexpected', { found: c, want });
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };

  // `pointer` is the JSON pointer of the value about to be read, built a segment at a time.
  const value = (depth: number, pointer: string): unknown => {
    if (depth > limits.maxDepth) fail(i, {}, 'input.tooDeep', { max: limits.maxDepth });
    ws();
    if (offsets) offsets.set(pointer, i);
    const c = text[i];
    if (c === '{') return object(depth, pointer);
    if (c === '[') return array(depth, pointer);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    return unexpected(i, 'value');
  };

  const object = (depth: number, pointer: string) => {
    const out: Record<string, unknown> = {};
    const start = i;
    i++;
    ws();
    if (text[i] === '}') return i++, out;
    for (;;) {
      ws();
      if (text[i] !== '"') unexpected(i, 'key');
      const keyAt = i;
      if (limits.maxKeys !== undefined && ++keys > limits.maxKeys) fail(keyAt, { hint: hint('io.maxKeys.fix') }, 'input.tooManyKeys', { max: limits.maxKeys });
      const key = string();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        const first = lineColumn(text, firstKeyAt(start, key, depth));
        fail(keyAt, { expected: 'each key once', hint: hint('input.fix.removeDuplicate') }, 'input.json.duplicateKey', { key: key.length > 80 ? `${key.slice(0, 77)}…` : key, line: first.line, column: first.column });
      }
      ws();
      if (text[i] !== ':') {
        const c = text[i] ?? null;
        if (c !== null && c in FULLWIDTH) unexpected(i, 'colon');
        fail(i, { expected: '":"' }, 'input.json.unexpectedAfterKey', { found: c, key: key.length > 80 ? `${key.slice(0, 77)}…` : key });
      }
      i++;
      const v = value(depth + 1, offsets ? pointer + '/' + pointerToken(key) : '');
      // A `__proto__` key stays an ordinary own property and never sets a prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') return i++, out;
      if (text[i] === '"') fail(i, { expected: '"," or "}"', hint: hint('input.fix.comma') }, 'input.json.missingComma', { found: '"', inArray: false });
      unexpected(i, 'commaBrace');
    }
  };

  /** Where `key` first stands in the object opening at `start` (read again: only for the message of a duplicate). */
  const firstKeyAt = (start: number, key: string, depth: number): number => {
    const resume = i;
    i = start + 1;
    for (;;) {
      ws();
      const at = i;
      if (string() === key) {
        i = resume;
        return at;
      }
      ws();
      i++; // the colon, checked on the first reading
      value(depth + 1, '');
      ws();
      i++; // the comma
    }
  };

  const array = (depth: number, pointer: string) => {
    const out: unknown[] = [];
    i++;
    ws();
    if (text[i] === ']') return i++, out;
    for (;;) {
      out.push(value(depth + 1, offsets ? pointer + '/' + out.length : ''));
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') return i++, out;
      if (text[i] === '"') fail(i, { expected: '"," or "]"', hint: hint('input.fix.comma') }, 'input.json.missingComma', { found: '"', inArray: true });
      unexpected(i, 'commaBracket');
    }
  };

  const string = (): string => {
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail(start, { expected: 'a closing "', hint: hint('input.fix.quoteEnd') }, 'input.json.unterminatedString');
      if (c === 0x22) break;
      if (c < 0x20) fail(i, { expected: 'an escaped character (\\n, \\t …)', hint: hint('input.fix.escape') }, 'input.json.controlInString');
      if (c === 0x5c) {
        escaped = true;
        i++;
      }
      i++;
    }
    i++;
    // Without a backslash the text between the quotes is the string (control characters were refused above).
    if (!escaped) return text.slice(start + 1, i - 1);
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(start, { expected: 'a valid JSON escape', hint: hint('input.fix.escape') }, 'input.json.invalidEscape');
    }
  };

  const number = (): number => {
    // Sticky, so a number of any length is read whole where it stands (no slice, no cut-off).
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return unexpected(i, 'number');
    const n = Number(m[0]);
    const shown = m[0].length > 20 ? m[0].slice(0, 20) + '…' : m[0];
    // JSON.parse would turn 1e400 into Infinity, which no fact can mean and JSON can't print back;
    // 1e-400 into 0, and 9007199254740993 into …992: a value other than the one written, silently.
    if (!Number.isFinite(n)) fail(i, { expected: 'a number between -1.7e308 and 1.7e308' }, 'input.json.numberTooLarge', { text: shown });
    if (n === 0 && /[1-9]/.test(m[0].replace(/[eE].*$/, ''))) fail(i, { expected: 'a number the file means', hint: hint('input.fix.smallNumber') }, 'input.json.numberTooSmall', { text: shown });
    if (!Number.isSafeInteger(n) && /^-?\d+$/.test(m[0])) fail(i, { expected: 'a whole number within ±9007199254740991', hint: hint('input.fix.bigNumber') }, 'input.json.unsafeInteger', { text: shown });
    i += m[0].length;
    return n;
  };

  const result = value(0, '');
  ws();
  if (i < text.length) {
    if (text[i] === '/' || text[i] in FULLWIDTH) unexpected(i, 'end');
    fail(i, { expected: 'end of file' }, 'input.json.afterEnd', { found: text[i] });
  }
  return result;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) out.push(k + 1);
  return out;
}

/**
 * What /[eE]-\d{3}|\.0{300}/ finds, without a regular expression tried at every offset of the
 * text (a facts file's few "-" are looked at one by one; the run of zeros is one indexOf).
 */
function underflows(text: string): boolean {
  for (let d = text.indexOf('-'); d !== -1; d = text.indexOf('-', d + 1)) {
    const e = text.charCodeAt(d - 1);
    if ((e === 0x65 || e === 0x45) && isDigit(text.charCodeAt(d + 1)) && isDigit(text.charCodeAt(d + 2)) && isDigit(text.charCodeAt(d + 3))) return true;
  }
  return text.indexOf(ZEROS) !== -1;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const ZEROS = '.' + '0'.repeat(300);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Full-width punctuation a Chinese keyboard types where JSON wants its half-width twin. */
const FULLWIDTH: Record<string, string> = { '：': ':', '，': ',', '“': '"', '”': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '＂': '"' };
const EN_WANT: Record<JsonWant, string> = { value: 'a JSON value', key: 'a key in double quotes', colon: '":"', commaBrace: '"," or "}"', commaBracket: '"," or "]"', end: 'end of file', quote: 'a closing "', escape: 'a valid JSON escape', number: 'a JSON number' };

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, column: offset - last };
}
