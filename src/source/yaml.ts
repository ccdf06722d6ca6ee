import { LineCounter, parseDocument, isNode } from 'yaml';
import { InputError, splitPointer, type InputProblem } from '../errors.js';
import type { ParseLimits, Parsed } from './types.js';

/** YAML 1.2 (core schema: dates stay strings), duplicate keys rejected, aliases bounded. */
export function parseYaml(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const problems: InputProblem[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { line: pos.line, column: pos.col, message: yamlMessage(e.code, e.message) };
    });
    throw new InputError('parse', file, problems);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    throw new InputError('parse', file, [
      { line: 1, column: 1, message: `too many alias expansions (more than ${limits.maxAliases}): ${(e as Error).message}` },
    ]);
  }
  const deep = depthOver(value, limits.maxDepth);
  if (deep) throw new InputError('parse', file, [{ line: 1, column: 1, message: `nesting deeper than ${limits.maxDepth} levels` }]);
  return {
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
}

function yamlMessage(code: string, message: string): string {
  // yaml's messages end with a code frame; the CLI prints its own place, so keep the first line.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return code === 'DUPLICATE_KEY' ? `duplicate key: ${first}` : first;
}

function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v && typeof v === 'object') {
      if (d >= max) return true;
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return false;
}
