// Where a value of a JSON text stands: read only when a problem is to be located (or a line
// is wanted for an annotation), never for a valid file in a batch.
//
// Why not a located parse of the whole text: a report asks for a few places in a file (a
// `--format github` annotation wants the lines of the facts an item not met reads), and
// recording where every value of a 46 KB facts file starts cost more than assessing it. So the
// text is read only as far as the pointers asked for need: an object's members are read one at
// a time until the key asked for is found (remembered, so each member is read once however many
// pointers are asked), and a value that no pointer goes into is skipped over, its strings jumped
// by indexOf, without looking at what it holds. The text is valid JSON by now (the checks were
// made when it was first read): nothing here says what is wrong with it.

/** Where a value starts: a scalar's offset, or an object or array, read as far as asked. */
export type Where = number | Container;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BRACE = 0x7b;
const BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** An object or an array: its members found so far, and where reading them goes on. */
class Container {
  /** Object members by key, or array elements, as far as read. */
  readonly members: Map<string, Where> | Where[];
  /** Where the next member is looked for; -1 once the closing bracket has been read. */
  private next: number;
  /** The last member read, if it is an object or array not yet skipped: the next starts after its end. */
  private open: Container | undefined;
  /** Just past the closing bracket, once known. */
  private endAt = -1;

  constructor(
    private readonly text: string,
    readonly at: number,
  ) {
    this.members = text.charCodeAt(at) === BRACE ? new Map() : [];
    this.next = at + 1;
  }

  /** The member under a key (an object) or at an index (an array: a token of digits without a leading 0). */
  get(token: string): Where | undefined {
    const { members } = this;
    if (Array.isArray(members)) {
      if (!/^(?:0|[1-9]\d*)$/.test(token)) return undefined;
      const index = Number(token);
      while (members.length <= index && this.readMember()) {}
      return members[index];
    }
    let found = members.get(token);
    while (found === undefined && this.readMember()) found = members.get(token);
    return found;
  }

  /** Just past the closing bracket: the members not read yet are skipped over, not recorded. */
  end(): number {
    if (this.endAt === -1) this.endAt = skipContainer(this.text, this.resume());
    return this.endAt;
  }

  /** Where the next member (or the closing bracket) is looked for, past an object or array member skipped. */
  private resume(): number {
    if (this.open !== undefined) {
      this.next = this.open.end();
      this.open = undefined;
    }
    return this.next;
  }

  /** Reads one more member; false once there are no more. */
  private readMember(): boolean {
    if (this.next === -1) return false;
    const { text, members } = this;
    let k = skipSpace(text, this.resume());
    if (text.charCodeAt(k) === COMMA) k = skipSpace(text, k + 1);
    const c = text.charCodeAt(k);
    // Past the end can only be a text that isn't the one checked: no more members, rather than a loop.
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET || k >= text.length) {
      this.endAt = Math.min(k + 1, text.length);
      this.next = -1;
      return false;
    }
    let key = '';
    if (!Array.isArray(members)) {
      const close = stringEnd(text, k);
      key = text.slice(k + 1, close);
      // Escapes in keys are rare: decoded (the text is valid) only where there is one.
      if (key.indexOf('\\') !== -1) key = JSON.parse(text.slice(k, close + 1)) as string;
      k = skipSpace(text, skipSpace(text, close + 1) + 1); // past the colon
    }
    let value: Where;
    const v = text.charCodeAt(k);
    if (v === BRACE || v === BRACKET) {
      value = this.open = new Container(text, k);
    } else {
      value = k;
      this.next = v === QUOTE ? stringEnd(text, k) + 1 : literalEnd(text, k);
    }
    if (Array.isArray(members)) members.push(value);
    else members.set(key, value);
    return true;
  }
}

/** Where every value of a valid JSON text starts, found as pointers ask (offsetOf). */
export function whereIn(text: string): Where | undefined {
  // A byte order mark, if the text still has one, is not part of the value.
  const k = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (k >= text.length) return undefined;
  const c = text.charCodeAt(k);
  return c === BRACE || c === BRACKET ? new Container(text, k) : k;
}

export function offsetOf(where: Where | undefined, pointer: string): number | undefined {
  let node = where;
  // A segment at a time, unescaped only where it holds a "~" (a report locates every fact of a file).
  for (let start = 1; start <= pointer.length; ) {
    if (node === undefined || typeof node === 'number') return undefined;
    let end = pointer.indexOf('/', start);
    if (end === -1) end = pointer.length;
    const raw = pointer.slice(start, end);
    node = node.get(raw.indexOf('~') === -1 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    start = end + 1;
  }
  return node === undefined || typeof node === 'number' ? node : node.at;
}

function skipSpace(text: string, k: number): number {
  for (;;) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) k++;
    else return k;
  }
}

/** The closing quote of the string whose opening quote is at `open` (a quote after an odd run of backslashes is escaped). */
function stringEnd(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1 && text.charCodeAt(close - 1) === BACKSLASH) {
    let run = close - 1;
    while (text.charCodeAt(run - 1) === BACKSLASH) run--;
    if ((close - run) % 2 === 0) break;
    close = text.indexOf('"', close + 1);
  }
  return close === -1 ? text.length : close;
}

/** Just past a number, true, false or null. */
function literalEnd(text: string, k: number): number {
  for (;;) {
    const c = text.charCodeAt(++k);
    // Letters, digits, '+', '-', '.' continue a literal; anything else (or the end, NaN) ends it.
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x45)) return k;
  }
}

// Quotes and brackets: all a skipped value is looked at for (test() and lastIndex, so no match is allocated).
const STRUCTURE = /["[\]{}]/g;

/** Just past the close of the object or array whose members go on at `k` (one level in). */
function skipContainer(text: string, k: number): number {
  let depth = 1;
  STRUCTURE.lastIndex = k;
  while (STRUCTURE.test(text)) {
    const at = STRUCTURE.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === QUOTE) STRUCTURE.lastIndex = stringEnd(text, at) + 1;
    else if (c === BRACE || c === BRACKET) depth++;
    else if (--depth === 0) return at + 1;
  }
  return text.length;
}

/**
 * Line and column of the value at a pointer of a valid JSON text (Parsed.locate): the text is
 * read (whereIn) at the first question; a valid file in a batch never asks.
 */
export function locatorOf(textOf: () => string): (pointer: string) => { line: number; column: number } | undefined {
  let where: Where | undefined;
  let text: string | undefined;
  let lines: LineStarts | undefined;
  return (pointer) => {
    text ??= textOf();
    where ??= whereIn(text);
    const at = offsetOf(where, pointer);
    if (at === undefined) return undefined;
    lines ??= new LineStarts(text);
    const line = lines.lineOf(at);
    return { line: line + 1, column: at - lines.starts[line] + 1 };
  };
}

/**
 * The same for a JSON file read from its bytes (json-bytes.ts: valid UTF-8, no BOM, no \u
 * escape): located in the bytes read as Latin-1 — a copy, where decoding the text would cost
 * as much again as locating — so an offset is a byte's. Lines are the same ('\n' is one byte);
 * a column counts UTF-16 units, as in the decoded text, by decoding the line up to the value.
 * A key past ASCII is its UTF-8 bytes there, so the pointer is asked as its bytes too (with no
 * \u escape in the file, a key's bytes are its characters' UTF-8 and nothing else).
 */
export function locatorOfBytes(bytes: Buffer): (pointer: string) => { line: number; column: number } | undefined {
  let text: string | undefined;
  let where: Where | undefined;
  let lines: LineStarts | undefined;
  return (pointer) => {
    text ??= bytes.toString('latin1');
    where ??= whereIn(text);
    const at = offsetOf(where, /[^\x00-\x7f]/.test(pointer) ? Buffer.from(pointer, 'utf8').toString('latin1') : pointer);
    if (at === undefined) return undefined;
    lines ??= new LineStarts(text);
    const line = lines.lineOf(at);
    return { line: line + 1, column: bytes.toString('utf8', lines.starts[line], at).length + 1 };
  };
}

/**
 * The offsets lines start at, found only as far as the places asked for: callers may locate every
 * fact of a file (so a lookup is a binary search, not a scan of a text that may be megabytes
 * long), but a batch's `--format github` mostly asks for `/facts` and a few facts near it, and
 * indexing the ~1,150 lines of a 46 KB facts file for that was most of locating it.
 */
class LineStarts {
  readonly starts = [0];
  /** Every line break before this offset is in `starts`. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** The index of the line an offset is on. */
  lineOf(at: number): number {
    const { starts, text } = this;
    while (this.scanned <= at) {
      const k = text.indexOf('\n', this.scanned);
      if (k === -1) {
        this.scanned = Infinity;
        break;
      }
      starts.push(k + 1);
      this.scanned = k + 1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
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
