import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The public JSON-Logic test suites vendored under test/rules/suites/ (README.md there says
 * where each comes from and under which licence), read into one shape. Their `expected` values
 * are kept for reference only: several suites hold other implementations' semantics, and for
 * weibao json-logic-js 2.0.5 is the answer.
 */
export interface SuiteCase {
  /** Suite file and place in it, e.g. `json-logic-engine/control/if.json#12`. */
  where: string;
  rule: unknown;
  /** undefined where the suite gives no data (json-logic-js is then called without any). */
  data: unknown;
}

export const SUITES_DIR = fileURLToPath(new URL('./suites/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

export function loadSuites(): SuiteCase[] {
  const out: SuiteCase[] = [];
  for (const file of files(SUITES_DIR)) {
    const name = relative(SUITES_DIR, file).split('\\').join('/');
    const suite = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const add = (i: number | string, rule: unknown, data: unknown) => out.push({ where: `${name}#${i}`, rule, data });
    if (Array.isArray(suite)) {
      suite.forEach((entry, i) => {
        if (typeof entry === 'string') return; // a section heading
        if (Array.isArray(entry)) return add(i, entry[0], entry[1]); // [rule, data, expected] or [rule, data, pointer, message]
        const c = entry as Record<string, unknown>;
        // json-logic-engine: {description, rule, data?, result | error}; extracted Python: {line, rule, data}.
        // No rule or no data: json-logic-js is called without it (undefined).
        if ('rule' in c || 'description' in c) return add('line' in c ? `line ${c.line}` : i, c.rule, c.data);
        throw new Error(`${name}#${i}: a case of unknown shape`);
      });
    } else {
      // CertLogic: {name, cases: [{name, certLogicExpression?, assertions: [{data, expected, certLogicExpression?}]}]}.
      const s = suite as { cases: { certLogicExpression?: unknown; assertions: { certLogicExpression?: unknown; data: unknown }[] }[] };
      s.cases.forEach((c, i) => c.assertions.forEach((a, k) => add(`${i}.${k}`, a.certLogicExpression ?? c.certLogicExpression, a.data)));
    }
  }
  return out;
}
