import { safeLines, safeText } from '../text/safe.js';

/**
 * A one-line progress bar on stderr for long batches. Only on an interactive terminal: in CI
 * (CI set), when stderr is piped or redirected, or for a handful of packs it draws nothing, so
 * logs stay clean. Lines printed meanwhile (warnings, errors) go through `log`, which clears the
 * bar first.
 */
export interface Progress {
  tick(label?: string): void;
  log(text: string): void;
  done(): void;
}

/** Fewer packs than this finish before a bar would be worth looking at. */
export const PROGRESS_MIN_PACKS = 5;

export function progressFor(stream: NodeJS.WriteStream, total: number, env: NodeJS.ProcessEnv = process.env): Progress {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  // TERM=dumb (an editor's shell, a serial console) can't erase a line: `\r\x1b[2K` would show as text.
  const dumb = env.TERM === 'dumb';
  if (!stream.isTTY || ci || dumb || total < PROGRESS_MIN_PACKS) return { tick() {}, log: (t) => void stream.write(safeLines(t)), done() {} };
  let n = 0;
  let shown = '';
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = '';
  };
  return {
    tick(label = '') {
      n++;
      const cols = Math.max(20, Math.min(stream.columns ?? 80, 120) - 1);
      const counter = ` ${n}/${total} `;
      const barWidth = Math.max(10, Math.min(40, cols - counter.length - 4));
      const filled = Math.round((n / total) * barWidth);
      let line = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${counter}`;
      const room = cols - line.length;
      label = safeText(label); // a pack directory's name, from outside
      if (room > 3 && label) line += label.length > room ? '…' + label.slice(label.length - room + 1) : label;
      if (line === shown) return;
      stream.write('\r\x1b[2K' + line);
      shown = line;
    },
    log(text) {
      clear();
      stream.write(safeLines(text));
    },
    done: clear,
  };
}
