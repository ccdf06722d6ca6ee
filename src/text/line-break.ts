import { displayWidth } from '../report/width.js';

/**
 * Lines of at most `width` display columns (a 汉字 takes two), broken as Chinese text is: between
 * any two 汉字, never before a closing mark (，。、；：）… may not start a line) nor after an
 * opening one (（“《 may not end one); a run of Latin letters, digits and signs (`--format`,
 * `WEIBAO_LANG=en`, `2023-Q2`, a path) is kept whole unless it alone is longer than a line.
 * Used where the help page and `diff` wrap prose (commander itself breaks at spaces only).
 */
export function breakLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const token of tokens(text)) {
    const tw = displayWidth(token);
    if (/^ +$/.test(token)) {
      // Spaces never start a line; at the end of one they are dropped.
      if (w + tw <= width) (line += token), (w += tw);
      else if (line.trim()) lines.push(line.trimEnd()), (line = ''), (w = 0);
      continue;
    }
    if (w + tw > width && line.trim()) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
    }
    if (tw > width) {
      // Longer than a line by itself (a long path or URL): cut it where the line ends.
      for (const ch of token) {
        const cw = displayWidth(ch);
        if (w + cw > width && line) (lines.push(line), (line = ''), (w = 0));
        line += ch;
        w += cw;
      }
      continue;
    }
    line += token;
    w += tw;
  }
  if (line.trim() || !lines.length) lines.push(line.trimEnd());
  return lines;
}

const CLOSING = '，。、；：？！）》」』】〕”’…';
const OPENING = '（《「『【〔“‘';

/**
 * The unbreakable pieces of a text: a run of spaces; a 汉字 or full-width mark, with the closing
 * marks after it and the opening marks before it; a run of anything else without spaces.
 */
function tokens(text: string): string[] {
  const raw = text.match(/ +|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…]+|\S|\s/gu) ?? [];
  const out: string[] = [];
  let opening = '';
  for (const piece of raw) {
    if (/^\s+$/.test(piece)) {
      if (opening) out.push(opening), (opening = '');
      out.push(' '.repeat(piece.length));
    } else if (piece.length === 1 && OPENING.includes(piece)) opening += piece;
    else if (piece.length === 1 && CLOSING.includes(piece) && !opening && out.length && !/^ +$/.test(out[out.length - 1])) out[out.length - 1] += piece;
    else out.push(opening + piece), (opening = '');
  }
  if (opening) out.push(opening);
  return out;
}
