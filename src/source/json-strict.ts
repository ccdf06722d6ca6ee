import type * as Jsonc from 'jsonc-parser';
import { hint, InputError, problem, type Hint } from '../errors.js';
import type { MessageData, MessageId } from '../messages/catalogue.js';
import type { JsonWant } from '../messages/sections/input.js';
import { jsonc } from './jsonc.js';
import { lineColumn } from './json-where.js';
import type { ParseLimits } from './types.js';

/** An escape JSON allows, from its backslash on: a backslash and then a quote, a backslash, a slash, b, f, n, r or t, or u and four hex digits. */
const VALID_ESCAPE = /^\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/;

/**
 * The located reading: jsonc-parser's visitor (comments and trailing commas off) builds the value
 * and says where each one starts; around it, what JSON.parse would not say: a key given twice
 * (where it first stood), a number JSON.parse would change, nesting past the limit, and for
 * a syntax error the mistake a clerk made, in words (see `mistake`). The first problem stops it.
 */
export function parseStrict(text: string, file: string | undefined, limits: ParseLimits): unknown {
  const { visit, ParseErrorCode } = jsonc();
  const fail = <K extends MessageId>(at: number, extra: { hint?: Hint; expected?: string }, id: K, ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]): never => {
    const { line, column } = lineColumn(text, at);
    throw new InputError('parse', file, [problem({ line, column, ...extra }, id, ...data)]);
  };

  /** An open object or array: what is built so far and where it starts. */
  interface Open {
    array: unknown[] | undefined;
    object: Record<string, unknown> | undefined;
    at: number;
  }
  const open: Open[] = [];
  let root: unknown;
  // What the grammar wants next, followed through the visitor's calls: a syntax error is worded by it.
  let want: JsonWant = 'value';
  let key = '';
  let keys = 0; // every object's keys, against limits.maxKeys (the same limit as YAML's)

  /** A value about to start at `at` that would stand deeper than the limit (whatever it is) is refused. */
  const deep = (at: number) => {
    if (open.length > limits.maxDepth) fail(at, { hint: hint('input.fix.tooDeep') }, 'input.tooDeep', { max: limits.maxDepth });
  };
  /** Put a value where it goes, its depth checked first. */
  const place = (v: unknown, at: number) => {
    deep(at);
    const parent = open[open.length - 1];
    if (parent === undefined) root = v;
    else if (parent.array) parent.array.push(v);
    // A `__proto__` key stays an ordinary own property and never sets a prototype.
    else if (key === '__proto__') Object.defineProperty(parent.object, key, { value: v, enumerable: true, writable: true, configurable: true });
    else parent.object![key] = v;
  };
  /** What may follow a value in the container now open. */
  const after = (): JsonWant => {
    const parent = open[open.length - 1];
    return parent === undefined ? 'end' : parent.array ? 'commaBracket' : 'commaBrace';
  };
  const begin = (array: unknown[] | undefined, object: Record<string, unknown> | undefined, at: number) => {
    place(array ?? object, at);
    open.push({ array, object, at });
    want = array ? 'value' : 'key';
  };
  /** A container ends at its "}" or "]", or at the end of the text, which is a mistake. */
  const end = (at: number) => {
    if (at >= text.length) mistake(at, want);
    open.pop();
    want = after();
  };

  /** The first problem's words: a token the grammar doesn't want here, or one broken inside. */
  const error = (code: Jsonc.ParseErrorCode, at: number) => {
    if (want === 'value') deep(at);
    const inside = want === 'value' || want === 'key';
    if (inside && (code === ParseErrorCode.UnexpectedEndOfString || code === ParseErrorCode.InvalidCharacter || code === ParseErrorCode.InvalidEscapeCharacter || code === ParseErrorCode.InvalidUnicode)) stringProblem(at);
    if (want === 'value' && code === ParseErrorCode.UnexpectedEndOfNumber) {
      // "1." or "1e": the number is what reads as one ("1"); the mistake is the character after it.
      NUMBER.lastIndex = at;
      const digits = NUMBER.exec(text)![0];
      checkNumber(Number(digits), digits, at);
      mistake(at + digits.length, after());
    }
    mistake(at, want);
  };

  /** Something other than what the grammar wants at `at`: named as the mistake a clerk makes, where it is one. */
  const mistake = (at: number, want: JsonWant): never => {
    const c = text[at] ?? null;
    if (want === 'colon' && !(c !== null && c in FULLWIDTH)) fail(at, { expected: '":"', hint: hint('input.fix.colon', { key: JSON.stringify(clip(key)) }) }, 'input.json.unexpectedAfterKey', { found: c, key: clip(key) });
    if ((want === 'commaBrace' || want === 'commaBracket') && c === '"') {
      fail(at, { expected: EN_WANT[want], hint: hint('input.fix.comma') }, 'input.json.missingComma', { found: '"', inArray: want === 'commaBracket' });
    }
    if (want === 'end' && c !== '/' && !(c !== null && c in FULLWIDTH)) fail(at, { expected: 'end of file', hint: c === '}' || c === ']' ? hint('input.fix.extraCloser', { found: c }) : hint('input.fix.afterEnd') }, 'input.json.afterEnd', { found: c });
    if (want === 'value') {
      // true, false and null read whole where they start ("truex" is "true" and then an "x").
      const word = /^(?:true|false|null)/.exec(text.slice(at, at + 5))?.[0];
      if (word) mistake(at + word.length, after());
      if (c === '-') want = 'number';
    }
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) fail(at, { hint: hint('input.fix.jsonComment') }, 'input.json.comment');
    if (c === '}' || c === ']') {
      // A comma after the last member: the line to change is the comma's.
      let k = at - 1;
      while (k >= 0 && /\s/.test(text[k])) k--;
      if (text[k] === ',') fail(k, { hint: hint('input.fix.trailingComma') }, 'input.json.trailingComma');
    }
    if (c === "'") {
      const close = text.indexOf("'", at + 1);
      const inner = close > at && close - at < 200 ? text.slice(at + 1, close) : '…';
      fail(at, { hint: hint('input.fix.doubleQuotes', { fixed: JSON.stringify(inner) }) }, 'input.json.singleQuote');
    }
    if (c !== null && c in FULLWIDTH) fail(at, { hint: hint('input.fix.halfwidth', { char: c, fixed: FULLWIDTH[c] }) }, 'input.json.fullwidth', { char: c });
    // A bare word where a key or a string goes: name it quoted (`新泾镇` → `"新泾镇"`).
    if ((want === 'key' || want === 'value') && c !== null && /[\p{L}_$]/u.test(c)) {
      const word = /^[\p{L}\p{N}_$.@-]{1,80}/u.exec(text.slice(at, at + 160))?.[0] ?? c;
      fail(at, { expected: EN_WANT[want], hint: hint('input.fix.doubleQuotes', { fixed: JSON.stringify(word) }) }, 'input.json.unexpected', { found: c, want });
    }
    // Past the mistakes named above, what to type follows from what the grammar wants and what stands here.
    const fix = syntaxFix(at, c, want);
    if (fix) fail(at, { expected: EN_WANT[want], hint: fix }, 'input.json.unexpected', { found: c, want });
    // The text ends with something still open (a file saved or copied short): what closes it, innermost first.
    if (c === null && open.length) {
      const closers = open.map((o) => (o.array ? ']' : '}')).reverse().join(' ');
      fail(at, { expected: EN_WANT[want], hint: hint('input.fix.truncated', { closers }) }, 'input.json.unexpected', { found: c, want });
    }
    return fail(at, { expected: EN_WANT[want], hint: hint('input.fix.jsonSyntax') }, 'input.json.unexpected', { found: c, want });
  };

  /**
   * What to type for a character the grammar does not want here, where that follows from the
   * two: a bracket that closes the wrong container (`]` for `}`), a comma too many, a value left
   * out, a number written as JSON does not write one (.5, +1, 01), or — between two values — the
   * comma left out.
   */
  const syntaxFix = (at: number, c: string | null, want: JsonWant): Hint | undefined => {
    if (c === null) return undefined;
    const inner = open[open.length - 1];
    if ((c === '}' || c === ']') && inner) {
      const closer = inner.array ? ']' : '}';
      if (c !== closer) return hint('input.fix.wrongCloser', { found: c, fixed: closer });
      if (want === 'value') return hint('input.fix.missingValue');
    }
    if (c === ',' && (want === 'key' || want === 'value')) return hint('input.fix.extraComma');
    if (c === ':' && want === 'value') return hint('input.fix.extraColon');
    if (want === 'value' || want === 'number') {
      const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 40))?.[0];
      if (number && Number.isFinite(Number(number))) return hint('input.fix.numberForm', { fixed: String(Number(number)) });
    }
    if (want === 'commaBrace' || want === 'commaBracket') {
      // A number that JSON ends early (01, 1e): the whole of it, as JSON writes it.
      const start = /[-+.\deE]*$/.exec(text.slice(Math.max(0, at - 40), at))?.[0] ?? '';
      const whole = start + (/^[\d.eE+-]*/.exec(text.slice(at, at + 40))?.[0] ?? '');
      if (start && /\d/.test(whole) && Number.isFinite(Number(whole))) return hint('input.fix.numberForm', { fixed: String(Number(whole)) });
      // The start of another value where a comma should be: the comma left out.
      if (/[\d"\[{tfn-]/.test(c)) return hint('input.fix.comma');
    }
    return undefined;
  };

  /** A string the scanner found broken, opening at `start`: the first thing wrong in it, where it is. */
  const stringProblem = (start: number): never => {
    let k = start + 1;
    let badEscape = -1;
    for (;;) {
      const c = text.charCodeAt(k);
      if (Number.isNaN(c)) fail(start, { expected: 'a closing "', hint: hint('input.fix.quoteEnd') }, 'input.json.unterminatedString');
      if (c === 0x22) break;
      if (c < 0x20) fail(k, { expected: 'an escaped character (\\n, \\t …)', hint: hint('input.fix.escape') }, 'input.json.controlInString');
      if (c === 0x5c && badEscape === -1 && !VALID_ESCAPE.test(text.slice(k, k + 6))) badEscape = k;
      k += c === 0x5c ? 2 : 1;
    }
    // A Windows path (evidence\会议纪要.pdf, copied from Explorer): its backslashes are separators, not escapes.
    const raw = text.slice(start + 1, k);
    const path = /\.[A-Za-z0-9]{1,5}$/.test(raw) ? raw.replaceAll('\\', '/') : undefined;
    return fail(badEscape === -1 ? start : badEscape, { expected: 'a valid JSON escape', hint: path ? hint('input.fix.escapePath', { fixed: path }) : hint('input.fix.escape') }, 'input.json.invalidEscape');
  };

  // JSON.parse would turn 1e400 into Infinity, which no fact can mean and JSON can't print back;
  // 1e-400 into 0, and 9007199254740993 into …992: a value other than the one written, silently.
  const checkNumber = (n: number, written: string, at: number) => {
    const shown = written.length > 20 ? written.slice(0, 20) + '…' : written;
    if (!Number.isFinite(n)) fail(at, { expected: 'a number between -1.7e308 and 1.7e308', hint: hint('input.fix.bigNumber') }, 'input.json.numberTooLarge', { text: shown });
    if (n === 0 && /[1-9]/.test(written.replace(/[eE].*$/, ''))) fail(at, { expected: 'a number the file means', hint: hint('input.fix.smallNumber') }, 'input.json.numberTooSmall', { text: shown });
    if (!Number.isSafeInteger(n) && /^-?\d+$/.test(written)) fail(at, { expected: 'a whole number within ±9007199254740991', hint: hint('input.fix.bigNumber') }, 'input.json.unsafeInteger', { text: shown });
  };

  visit(
    text,
    {
      onObjectBegin: (at) => begin(undefined, {}, at),
      onArrayBegin: (at) => begin([], undefined, at),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (name, at) => {
        if (limits.maxKeys !== undefined && ++keys > limits.maxKeys) fail(at, { hint: hint('io.maxKeys.fix') }, 'input.tooManyKeys', { max: limits.maxKeys });
        const object = open[open.length - 1];
        if (Object.prototype.hasOwnProperty.call(object.object, name)) {
          const was = lineColumn(text, firstKey(text, object.at, name));
          fail(at, { expected: 'each key once', hint: hint('input.fix.removeDuplicate') }, 'input.json.duplicateKey', { key: clip(name), line: was.line, column: was.column });
        }
        key = name;
        want = 'colon';
      },
      onSeparator: (sep) => {
        want = sep === ':' || open[open.length - 1].array ? 'value' : 'key';
      },
      onLiteralValue: (v, at, length) => {
        deep(at);
        if (typeof v === 'number') checkNumber(v, text.slice(at, at + length), at);
        place(v, at);
        want = after();
      },
      onError: error,
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return root;
}

/** Where `name` first stands among the keys of the object opening at `start` (read again: only for the message of a duplicate). */
function firstKey(text: string, start: number, name: string): number {
  let depth = 0;
  let found = -1;
  jsonc().visit(text.slice(start), {
    onObjectBegin: () => void depth++,
    onArrayBegin: () => void depth++,
    onObjectEnd: () => void depth--,
    onArrayEnd: () => void depth--,
    onObjectProperty: (key, at) => {
      if (found === -1 && depth === 1 && key === name) found = start + at;
    },
  });
  return found;
}

const clip = (key: string) => (key.length > 80 ? `${key.slice(0, 77)}…` : key);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Full-width punctuation a Chinese keyboard types where JSON wants its half-width twin. */
const FULLWIDTH: Record<string, string> = { '：': ':', '，': ',', '“': '"', '”': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '＂': '"' };
const EN_WANT: Record<JsonWant, string> = { value: 'a JSON value', key: 'a key in double quotes', colon: '":"', commaBrace: '"," or "}"', commaBracket: '"," or "]"', end: 'end of file', quote: 'a closing "', escape: 'a valid JSON escape', number: 'a JSON number' };
