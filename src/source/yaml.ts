import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { InputError, splitPointer, type InputProblem } from '../errors.js';
import type { ParseLimits, Parsed } from './types.js';

// The yaml library is loaded at the first YAML file, not at start: a run over JSON facts and
// pre-built standards never needs it (synchronously, as yaml is CommonJS under Node).
const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;
const yaml = () => (lib ??= require('yaml') as typeof import('yaml'));

/** YAML 1.2 (core schema: dates stay strings), duplicate keys rejected, aliases bounded. */
export function parseYaml(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const { LineCounter, parseDocument, isNode } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const problems: InputProblem[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      // yaml's own words for a duplicate ("Map keys must be unique") don't say which key: quote it.
      // (yaml marks only where the key starts; it runs to the colon or the end of the line.)
      const key = e.code === 'DUPLICATE_KEY' ? (/^[^:\n]{1,80}/.exec(text.slice(e.pos[0], e.pos[0] + 81))?.[0].trim() ?? '') : '';
      const message = key ? `duplicate key ${JSON.stringify(key)}` : yamlMessage(e.code, e.message, limits);
      return { line: pos.line, column: pos.col, message, ...(key ? { expected: 'each key once' } : {}) };
    });
    throw new InputError('parse', file, problems);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    // toJS fails on purpose at the alias limit; a stack overflow is nesting too deep, not aliases.
    const message = e instanceof RangeError ? `nesting deeper than ${limits.maxDepth} levels` : `too many alias expansions (more than ${limits.maxAliases})`;
    throw new InputError('parse', file, [{ ...(firstAlias(doc, lineCounter) ?? { line: 1, column: 1 }), message }]);
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
    throw new InputError('parse', file, [{ pointer: deep, ...parsed.locate(deep), message: `nesting deeper than ${limits.maxDepth} levels` }]);
  }
  return parsed;
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

function yamlMessage(code: string, message: string, limits: ParseLimits): string {
  // yaml's messages end with a code frame; the CLI prints its own place, so keep the first line.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `duplicate key: ${first}`;
  // yaml reports a stack overflow while composing as RESOURCE_EXHAUSTION: that is deep nesting.
  if (code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(first)) return `nesting deeper than ${limits.maxDepth} levels`;
  // Its own wording points at its API (parseAllDocuments), which means nothing to a submitter.
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second "---")';
  return first;
}

/** The JSON pointer of the first value nested deeper than `max`, if any. */
function depthOver(value: unknown, max: number): string | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, d, at] = stack.pop()!;
    if (v && typeof v === 'object') {
      if (d >= max) return at;
      for (const [k, child] of Object.entries(v)) stack.push([child, d + 1, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
  return undefined;
}
