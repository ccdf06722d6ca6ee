import { hint, problem, type InputProblem } from '../errors.js';

/**
 * The line a YAML syntax error must be fixed on, found by reading the lines as a clerk wrote them:
 * a tab in the indentation, a full-width colon (`key：3`), no space after the colon (`key:3`), an
 * indent out of line with its siblings. The yaml library reports these where its parser noticed,
 * which is often another line (the comment above, or every line after a one-space slip): this
 * names the one line to change, with the fix. Runs only on a text the library already refused.
 * Returns nothing where the text holds what this reading doesn't follow (flow collections or
 * quoted strings across lines): the library's own errors are translated then.
 */
export function yamlMistakes(text: string): InputProblem[] {
  const lines = text.split(/\r?\n/);
  const out: InputProblem[] = [];
  const levels: number[] = [0];
  let opens = false; // the last key line ended in ":" (a block below it) or was a "- " item
  let scalarIndent = -1; // inside a block scalar (| or >) opened at this indent
  for (let n = 0; n < lines.length && out.length < 10; n++) {
    const line = lines[n];
    const at = { line: n + 1, column: 1 };
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (body === '' || body.startsWith('#')) continue;
    if (scalarIndent >= 0) {
      if (indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    const tab = /^[ ]*\t/.exec(line);
    if (tab) {
      out.push(problem({ ...at, column: tab[0].length, hint: hint('input.fix.yamlTab') }, 'input.yaml.tab'));
      continue;
    }
    if (body === '---' || body === '...') {
      levels.length = 1;
      opens = false;
      continue;
    }
    const content = stripComment(body);
    if (content === undefined) {
      // A quote opened and not closed on its line: in a facts file, the mistake (the library
      // notices only where the file ends or the next quote turns up).
      out.push(problem({ ...at, column: indent + openQuoteAt(body) + 1, hint: hint('input.fix.closeQuote') }, 'input.yaml.unclosedQuote'));
      return out;
    }
    if (/[[{]/.test(content[0] ?? '') && !balanced(content)) return out;
    const item = /^-(\s+|$)/.exec(content);
    const rest = item ? content.slice(item[0].length) : content;
    const restIndent = item ? indent + item[0].length : indent;
    // `key：value` — a full-width colon where the key should end.
    const wide = /^([^\s:：#'"\-[{][^:：#]*?)\s*：\s*(.*)$/.exec(rest);
    if (wide && !/:(\s|$)/.test(rest)) {
      out.push(problem({ ...at, column: restIndent + wide[1].length + 1, hint: hint('input.fix.fullwidthColon', { fixed: `${wide[1]}: ${wide[2]}`.trimEnd() }) }, 'input.yaml.fullwidthColon'));
      continue;
    }
    // `key:3` — no space after the colon, so the line is one plain string, not a key.
    const tight = /^([A-Za-z_$][\w$.-]*):([^\s/:].*)$/.exec(rest);
    if (tight && !/:\s/.test(rest)) {
      out.push(problem({ ...at, column: restIndent + tight[1].length + 1, hint: hint('input.fix.colonSpace', { fixed: `${tight[1]}: ${tight[2]}` }) }, 'input.yaml.colonSpace'));
      continue;
    }
    // Indentation: a line stands at a level already open, or opens one below a line ending in ":".
    const top = levels[levels.length - 1];
    if (opens && indent > top) levels.push(indent);
    else if (levels.includes(indent)) while (levels[levels.length - 1] > indent) levels.pop();
    else if (!(opens && item && indent === top)) {
      const expected = levels.reduce((best, l) => (Math.abs(l - indent) <= Math.abs(best - indent) ? l : best), levels[0]);
      out.push(problem({ ...at, column: indent + 1, hint: hint('input.fix.yamlIndent', { spaces: expected }) }, 'input.yaml.indent', { spaces: indent }));
      continue;
    }
    const key = /^[^\s#'"][^:#]*:(\s+(.*))?$/.exec(rest) ?? /^(["'])[^"']*\1:(\s+(.*))?$/.exec(rest);
    const value = key ? (key[2] ?? key[3] ?? '').trim() : rest;
    if (item && key) levels.push(restIndent); // "- name: x": the item's mapping stands at restIndent
    opens = Boolean(item && !key && rest === '') || Boolean(key && value === '');
    if (key && /^[|>][-+0-9]*$/.test(value)) scalarIndent = indent;
  }
  return out;
}

/** The line without a trailing comment; undefined when a quote opens and doesn't close on it. */
function stripComment(s: string): string | undefined {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote opens a string only where a value or key starts (not inside a word: it's).
      if (i === 0 || /[\s:,[{-]/.test(s[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i).trimEnd();
  }
  return quote ? undefined : s.trimEnd();
}

function openQuoteAt(s: string): number {
  let quote = '';
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{-]/.test(s[i - 1]))) {
      quote = c;
      at = i;
    }
  }
  return at;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth === 0;
}
