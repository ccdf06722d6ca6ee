/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(c: number): number {
  if (c < 0x1100) return 1;
  if (
    c <= 0x115f ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Cut a string to at most `width` columns, ending in … when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * Break a string into lines of at most `width` columns. Chinese breaks between any two
 * characters; a run of Latin letters, digits and _ (a fact name, a number) is kept whole
 * unless it is longer than a line.
 */
export function wrap(s: string, width: number): string[] {
  const tokens = s.match(/[A-Za-z0-9_.@\-]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const token of tokens) {
    const tw = displayWidth(token);
    if (w + tw > width && line) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
      if (token === ' ') continue;
    }
    if (tw > width) {
      for (const ch of token) {
        const cw = charWidth(ch.codePointAt(0)!);
        if (w + cw > width && line) (lines.push(line), (line = ''), (w = 0));
        line += ch;
        w += cw;
      }
      continue;
    }
    line += token;
    w += tw;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** Right-align a string in `width` columns (CJK characters take two). */
export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
