import { charWidth, displayWidth } from '../text/width.js';

// Where reports and the help page meet the terminal's columns; a string's width itself is text/width.ts.
export { displayWidth };

/**
 * Cut a string to at most `width` columns, ending in … when cut. A number is never cut in two
 * (`每次开放不少于3个…`, not `不少于1…` for 10): the cut moves to before it.
 */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let n = 0;
  let w = 0;
  for (; n < chars.length; n++) {
    const cw = charWidth(chars[n].codePointAt(0)!);
    if (w + cw > width - 1) break;
    w += cw;
  }
  if (n < chars.length && /[0-9.,]/.test(chars[n])) {
    let k = n;
    while (k > 0 && /[0-9.,]/.test(chars[k - 1])) k--;
    // A number as long as the line is cut after all (nothing else would show).
    if (k > 0) n = k;
  }
  return chars.slice(0, n).join('').trimEnd() + '…';
}

/** Cut a string to at most `width` columns from its start, beginning with …: for a path, whose end names it. */
export function truncateStart(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let w = 1;
  let k = chars.length;
  while (k > 0 && w + charWidth(chars[k - 1].codePointAt(0)!) <= width) w += charWidth(chars[--k].codePointAt(0)!);
  return '…' + chars.slice(k).join('');
}

// A line may not start with closing punctuation, nor end with opening punctuation (Chinese
// line-breaking rules, 避头尾点).
const NO_LINE_START = /^[，。、；：？！）》」』”’,.;:?!)\]}%]/u;
const NO_LINE_END = /[（《「『“‘(\[{]$/u;

/**
 * Break a string into lines of at most `width` columns. Chinese breaks between any two
 * characters, but not before closing punctuation; a run of Latin letters, digits and _ (a word,
 * a number) is kept whole unless it is longer than a line, and a number stays with the Chinese
 * unit after it (`3 次`).
 */
export function wrap(s: string, width: number): string[] {
  const tokens = s.match(/[0-9][0-9.,]*%?(?: ?\p{Script=Han})|[A-Za-z0-9_.@\-]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line: string[] = []; // the tokens of the line being filled
  let w = 0;
  const flush = () => {
    const text = line.join('').trimEnd();
    if (text) lines.push(text);
    line = [];
    w = 0;
  };
  for (const token of tokens) {
    const tw = displayWidth(token);
    if (w + tw > width && line.length) {
      // Take the last token down with closing punctuation, so the line below doesn't start with
      // it (nor the line above end with an opening bracket) — unless it is all the line holds.
      const last = line[line.length - 1];
      const carry = (NO_LINE_START.test(token) || NO_LINE_END.test(last)) && line.length > 1 && !/^\s$/.test(last) ? line.pop()! : undefined;
      flush();
      if (carry !== undefined) (line.push(carry), (w = displayWidth(carry)));
      else if (/^\s$/.test(token)) continue;
    }
    if (tw > width) {
      for (const ch of token) {
        const cw = charWidth(ch.codePointAt(0)!);
        if (w + cw > width && line.length) flush();
        line.push(ch);
        w += cw;
      }
      continue;
    }
    line.push(token);
    w += tw;
  }
  flush();
  return lines;
}

/**
 * Parts joined by `sep` (` · `), a new line where the next part would not fit, so a title breaks
 * between its parts (area · period · standard) rather than inside one; a part longer than a line
 * is wrapped.
 */
export function joinFitting(parts: string[], sep: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line ? line + sep + part : part;
    if (displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    const wrapped = wrap(part, width);
    line = wrapped.pop() ?? '';
    lines.push(...wrapped);
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * `prefix` then `text` wrapped to `width`, the lines after the first indented under the text
 * (a hanging indent): `  - 缺少事实：…` with its continuation aligned after `- `.
 */
export function hang(prefix: string, text: string, width: number, indent = displayWidth(prefix)): string[] {
  const room = Math.max(10, width - indent);
  const first = Math.max(10, width - displayWidth(prefix));
  const head = wrap(text, first);
  if (head.length <= 1) return [prefix + (head[0] ?? '')];
  const rest = wrap(text.slice(head[0].length).trimStart(), room);
  return [prefix + head[0], ...rest.map((l) => ' '.repeat(indent) + l)];
}

/** Right-align a string in `width` columns (CJK characters take two). */
export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
