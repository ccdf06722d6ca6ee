import { displayWidth } from './width.js';

/**
 * Lines of at most `width` display columns (a 汉字 takes two; `nextWidth` for the lines after
 * the first), broken as Chinese text is: between any two 汉字, never before a closing mark
 * (，。、；：）… may not start a line) nor after an opening one (（“《 may not end one); a run of
 * Latin letters, digits and signs (`--format`, `WEIBAO_LANG=en`, `2023-Q2`, a path) is kept whole
 * unless it alone is longer than a line. Colour (SGR escapes) takes no width, and a colour open
 * where a line breaks is closed at its end and opened again on the next line, so an indent is
 * never underlined or struck through. Used where the help page and `diff` wrap prose (commander
 * itself breaks at spaces only, counting a 汉字 as one column).
 */
export function breakLines(text: string, width: number, nextWidth = width): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  let limit = width;
  const newLine = () => {
    lines.push(trimEnd(line));
    line = '';
    w = 0;
    limit = nextWidth;
  };
  for (const token of tokens(text)) {
    if (SGR_ONLY.test(token)) {
      line += token;
      continue;
    }
    const tw = widthOf(token);
    if (/^ +$/.test(token)) {
      // Spaces never start a line; at the end of one they are dropped.
      if (w + tw <= limit) (line += token), (w += tw);
      else if (hasText(line)) newLine();
      continue;
    }
    if (w + tw > limit && hasText(line)) newLine();
    if (tw > limit) {
      // Longer than a line by itself (a long path or URL): cut it where the line ends.
      for (const ch of token) {
        const cw = displayWidth(ch);
        if (w + cw > limit && line) newLine();
        line += ch;
        w += cw;
      }
      continue;
    }
    line += token;
    w += tw;
  }
  if (hasText(line) || !lines.length) lines.push(trimEnd(line));
  return carryColour(lines);
}

/** Display columns of a string with colour escapes in it (they take none). */
export function widthOf(s: string): number {
  return displayWidth(s.replace(SGR, ''));
}

/**
 * Every line of `lines` that is wider than `width`, broken to fit: the first piece keeps the
 * line's indent, the rest are indented `hang` columns more (a wrapped item stays under its item).
 */
export function fitLines(lines: readonly string[], width: number, hang = 4): string[] {
  return lines.flatMap((line) => {
    if (widthOf(line) <= width) return [line];
    const indent = /^ */.exec(line)![0].length;
    const next = Math.min(indent + hang, Math.floor(width / 2));
    return breakLines(line.slice(indent), width - indent, width - next).map((l, i) => ' '.repeat(i ? next : indent) + l);
  });
}

const SGR = /\x1b\[[0-9;]*m/g;
const SGR_ONLY = /^(?:\x1b\[[0-9;]*m)+$/;
const hasText = (s: string) => s.replace(SGR, '').trim() !== '';
/** trimEnd that looks through the colour codes at the end of a line. */
const trimEnd = (s: string) => s.replace(/ +((?:\x1b\[[0-9;]*m)*)$/, '$1');

const CLOSING = '，。、；：？！）》」』】〕”’…';
const OPENING = '（《「『【〔“‘';

/**
 * The unbreakable pieces of a text: a colour escape; a run of spaces; a 汉字 or full-width mark,
 * with the closing marks after it and the opening marks before it; a run of anything else
 * without spaces.
 */
function tokens(text: string): string[] {
  const raw = text.match(/\x1b\[[0-9;]*m|\s+|[^\s\x1b\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…]+|[^]/gu) ?? [];
  const out: string[] = [];
  let opening = '';
  for (const piece of raw) {
    if (/^\s+$/.test(piece)) {
      if (opening) out.push(opening), (opening = '');
      out.push(' '.repeat(piece.length));
    } else if (piece.length === 1 && OPENING.includes(piece)) opening += piece;
    else if (piece.length === 1 && CLOSING.includes(piece) && !opening && out.length && !/^ +$/.test(out[out.length - 1]) && !SGR_ONLY.test(out[out.length - 1])) out[out.length - 1] += piece;
    else if (SGR_ONLY.test(piece) && opening) opening += piece;
    else out.push(opening + piece), (opening = '');
  }
  if (opening) out.push(opening);
  return out;
}

/** The SGR parameter that ends each kind of style (bold/dim 22, italic 23, underline 24, … colour 39, background 49). */
function closerOf(code: number): number | undefined {
  if (code === 1 || code === 2) return 22;
  if (code >= 3 && code <= 9) return 20 + code;
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return 39;
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return 49;
  return undefined;
}

/** Styles still open at a line's end are closed there and opened again at the next line's start. */
function carryColour(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('\x1b['))) return lines;
  let open = new Map<number, string>(); // closer → the escape that opened it
  return lines.map((line) => {
    const reopened = [...open.values()].join('') + line;
    for (const m of line.matchAll(SGR)) {
      const code = Number(m[0].slice(2, -1).split(';')[0] || 0);
      if (code === 0) open = new Map();
      else if (closerOf(code) !== undefined) open.set(closerOf(code)!, m[0]);
      else open.delete(code);
    }
    return reopened + [...open.keys()].map((c) => `\x1b[${c}m`).join('');
  });
}
