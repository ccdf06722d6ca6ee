import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { hint, InputError, pointerToken, problem, splitPointer, type InputProblem } from '../errors.js';
import { yamlMistakes } from './yaml-mistakes.js';
import type { ParseLimits, Parsed } from './types.js';

// The yaml library is loaded at the first YAML file, not at start: a run over JSON facts and
// pre-built standards never needs it (synchronously, as yaml is CommonJS under Node).
const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;
const yaml = () => (lib ??= require('yaml') as typeof import('yaml'));

/**
 * YAML 1.2 (core schema: dates stay strings), duplicate keys rejected, aliases bounded, keys counted.
 * Duplicates are found here in one pass (a set per mapping): the library's own `uniqueKeys` check
 * compares every key with every other, which made 50,000 keys take 16 s.
 */
export function parseYaml(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const { LineCounter, parseDocument, isNode } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) throw new InputError('parse', file, syntaxProblems(text, doc.errors, lineCounter, limits));
  const posOf = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const shape = shapeProblems(doc, posOf, limits);
  if (shape.length) throw new InputError('parse', file, shape);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    // toJS fails on purpose at the alias limit; a stack overflow is nesting too deep, not aliases;
    // an alias with no anchor before it (*y) is a reference to nothing.
    const at = firstAlias(doc, lineCounter) ?? { line: 1, column: 1 };
    // (Both are ReferenceErrors in the yaml library: told apart by its words.)
    const unresolved = /unresolved alias/i.test(String((e as Error)?.message));
    throw new InputError('parse', file, [
      e instanceof RangeError
        ? problem({ ...at, hint: hint('input.fix.tooDeep') }, 'input.tooDeep', { max: limits.maxDepth })
        : unresolved
          ? problem({ ...at, hint: hint('input.fix.yamlAlias') }, 'input.yaml.unknownAlias')
          : problem({ ...at, hint: hint('input.fix.yamlAliases') }, 'input.tooManyAliases', { max: limits.maxAliases }),
    ]);
  }
  const parsed: Parsed = {
    value,
    locate(pointer) {
      const keys = splitPointer(pointer).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      // Walk down as far as the pointer goes, so a missing key still points at its parent.
      for (let n = keys.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return undefined;
    },
  };
  const deep = depthOver(value, limits.maxDepth);
  if (deep) {
    throw new InputError('parse', file, [problem({ pointer: deep, ...parsed.locate(deep), hint: hint('input.fix.tooDeep') }, 'input.tooDeep', { max: limits.maxDepth })]);
  }
  return parsed;
}

/**
 * The library's syntax errors as a clerk can act on them: first the line to change, read off the
 * text (yaml-mistakes.ts); failing that, each error by its code, one per line, in our words.
 */
function syntaxProblems(text: string, errors: readonly { code: string; message: string; pos: [number, number] }[], lineCounter: LineCounter, limits: ParseLimits): InputProblem[] {
  const docs = errors.find((e) => e.code === 'MULTIPLE_DOCS');
  if (docs) {
    const p = lineCounter.linePos(docs.pos[0]);
    return [problem({ line: p.line, column: p.col, hint: hint('input.fix.oneDocument') }, 'input.yaml.multipleDocs')];
  }
  const found = yamlMistakes(text);
  if (found.length) return found;
  const out: InputProblem[] = [];
  const lines = new Set<number>();
  for (const e of errors) {
    const p = lineCounter.linePos(e.pos[0]);
    if (lines.has(p.line)) continue;
    lines.add(p.line);
    const at = { line: p.line, column: p.col };
    const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // yaml reports a stack overflow while composing as RESOURCE_EXHAUSTION: that is deep nesting,
    // said where the nesting passes the limit (flowTooDeep), not where the stack ran out.
    if (e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(first)) out.push(problem({ ...(placeOf(flowTooDeep(text, limits.maxDepth), lineCounter) ?? at), hint: hint('input.fix.tooDeep') }, 'input.tooDeep', { max: limits.maxDepth }));
    else if (e.code === 'TAB_AS_INDENT') out.push(problem({ ...at, hint: hint('input.fix.yamlTab') }, 'input.yaml.tab'));
    else if (e.code === 'MISSING_CHAR' && /quote/i.test(first)) out.push(problem({ ...at, hint: hint('input.fix.closeQuote') }, 'input.yaml.unclosedQuote'));
    else out.push(problem({ ...at, hint: e.code === 'BAD_DQ_ESCAPE' ? escapeFix(text, e.pos[0]) : yamlSyntaxFix(e.code, first) }, 'input.yaml.syntax', { code: e.code, text: first }));
  }
  return out;
}

/** What to type for a syntax error the text did not name (yaml-mistakes.ts), by the library's code. */
function yamlSyntaxFix(code: string, text: string) {
  const closer = /end with an? ([\]}])/.exec(text)?.[1];
  if (closer) return hint('input.fix.closeFlow', { closer });
  if (code === 'BAD_SCALAR_START') return hint('input.fix.yamlQuote');
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') return hint('input.fix.yamlOneKey');
  return hint('input.fix.yamlSyntax');
}

/**
 * A double-quoted scalar with an escape YAML does not know, at `offset` (its backslash): a path
 * written on Windows (`"evidence\\会议纪要.pdf"`) is told the path with /; anything else how a
 * backslash is written there.
 */
function escapeFix(text: string, offset: number) {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? undefined : end);
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const from = start + m.index!;
    if (offset > from && offset < from + m[0].length && /\.[A-Za-z0-9]{1,5}$/.test(m[1])) return hint('input.fix.escapePath', { fixed: m[1].replaceAll('\\', '/') });
  }
  return hint('input.fix.yamlEscape');
}

/** Line and column of an offset, if there is one. */
function placeOf(offset: number | undefined, lineCounter: LineCounter): { line: number; column: number } | undefined {
  if (offset === undefined) return undefined;
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Where flow collections ([ and {) first nest past `max` levels, for a text whose nesting ran
 * yaml's composer out of stack: where the stack runs out depends on how much of it the thread
 * has (a worker thread has less), so --jobs 1 and --jobs 2 named different columns of the same
 * file. Quoted scalars and comments are skipped; undefined where no flow nesting goes that deep
 * (the library's place is said then). Asked only of a text already refused.
 */
export function flowTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if ((c === '"' || c === "'") && startsScalar(text, i)) {
      // To the closing quote: "…" escapes with a backslash, '…' doubles the quote.
      for (i++; i < text.length; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (c === '#' && startsScalar(text, i)) {
      while (i < text.length && text[i] !== '\n') i++;
    }
  }
  return undefined;
}

/** Whether a character stands where a scalar or comment may start (a quote inside "don't" does not). */
function startsScalar(text: string, i: number): boolean {
  const before = text[i - 1];
  return i === 0 || before === ' ' || before === '\t' || before === '\n' || before === '\r' || before === '[' || before === '{' || before === ',' || before === ':';
}

/**
 * One walk over the parsed document: a key repeated in a mapping (located, with where it first
 * stood), a key that is a list or mapping (`? [a]`), a tag that turns text into something else
 * (`!!int "3"`), and more keys than the limit. Linear in the size of the document.
 */
function shapeProblems(doc: Document, posOf: (offset: number) => { line: number; column: number }, limits: ParseLimits): InputProblem[] {
  const { visit, isScalar, isMap, isNode } = yaml();
  const out: InputProblem[] = [];
  const maxKeys = limits.maxKeys ?? DEFAULT_MAX_KEYS;
  let keys = 0;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      keys += map.items.length;
      if (keys > maxKeys) {
        out.push(problem({ ...(map.range ? posOf(map.range[0]) : {}), hint: hint('io.maxKeys.fix') }, 'input.tooManyKeys', { max: maxKeys }));
        return visit.BREAK;
      }
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key;
        const at = isNode(key) && key.range ? key.range[0] : (map.range?.[0] ?? 0);
        if (!isScalar(key)) {
          out.push(problem(posOf(at), 'input.yaml.complexKey'));
          continue;
        }
        const name = String(key.value);
        const first = seen.get(name);
        if (first !== undefined) {
          const was = posOf(first);
          out.push(problem({ ...posOf(at), expected: 'each key once', hint: hint('input.fix.removeDuplicate') }, 'input.yaml.duplicateKey', { key: clipKey(name), line: was.line, column: was.column }));
        } else seen.set(name, at);
      }
      return out.length >= 50 ? visit.BREAK : undefined;
    },
    Scalar(_, node) {
      // An explicit tag that makes a quoted "3" the number 3 (or text a date, a set …) is refused;
      // !!str, and tags the library leaves as text, change nothing and are let through.
      if (node.tag && node.tag !== 'tag:yaml.org,2002:str' && typeof node.value !== 'string') {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        const fixed = node.source !== undefined ? String(node.source) : JSON.stringify(node.value);
        out.push(problem({ ...(node.range ? posOf(node.range[0]) : {}), hint: hint('input.fix.removeTag', { fixed }) }, 'input.yaml.tag', { tag }));
      }
      return undefined;
    },
  });
  return out;
}

/** Most keys in one document unless the caller says otherwise (a facts file has a few hundred). */
export const DEFAULT_MAX_KEYS = 100_000;

function clipKey(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function firstAlias(doc: Document, lineCounter: LineCounter): { line: number; column: number } | undefined {
  let at: number | undefined;
  const { visit } = yaml();
  visit(doc, {
    Alias(_, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (at === undefined) return undefined;
  const pos = lineCounter.linePos(at);
  return { line: pos.line, column: pos.col };
}

/** The JSON pointer of the first value nested deeper than `max`, if any. */
function depthOver(value: unknown, max: number): string | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, d, at] = stack.pop()!;
    if (v && typeof v === 'object') {
      if (d >= max) return at;
      for (const [k, child] of Object.entries(v)) stack.push([child, d + 1, `${at}/${pointerToken(k)}`]);
    }
  }
  return undefined;
}
