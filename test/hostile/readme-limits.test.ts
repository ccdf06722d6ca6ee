import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE_LIMITS } from '../../src/source/pack.js';
import { DEFAULT_BUDGET } from '../../src/rules/budget.js';
import { MAX_OPERANDS, MAX_RULE_DEPTH } from '../../src/rules/tree.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import { WORKBOOK_LIMITS } from '../../src/source/xlsx/workbook.js';
import { root } from '../helpers/cli.js';

/**
 * README "Untrusted input" states every limit with its default and its flag (issue 13, Done
 * when): each row is checked against the constant the code uses, so the table can't drift.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Untrusted input'), readme.indexOf('\n## ', readme.indexOf('## Untrusted input') + 1));
const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| limit') && !l.startsWith('|---'));
const row = (start: string) => {
  const found = rows.find((r) => r.startsWith(`| ${start}`));
  expect(found, `a row "${start}…"`).toBeDefined();
  return found!;
};
const n = (x: number) => x.toLocaleString('en').replace(/,/g, ' ');
const mib = (x: number) => `${x / 2 ** 20} MiB`;

describe('README "Untrusted input": every limit, its default and flag, as in the code', () => {
  it('parsing limits', () => {
    expect(row('size of one input file')).toMatch(new RegExp(`${mib(DEFAULT_LIMITS.maxBytes)} \\(${n(DEFAULT_LIMITS.maxBytes)} bytes\\) \\| \`--max-bytes <n>\``));
    expect(row('keys in one facts file')).toMatch(new RegExp(`\\| ${n(DEFAULT_LIMITS.maxKeys!)} \\| \`--max-keys <n>\``));
    expect(row('nesting of objects and arrays')).toMatch(new RegExp(`\\| ${DEFAULT_LIMITS.maxDepth} levels \\|`));
    expect(row('YAML alias expansions')).toMatch(new RegExp(`\\| ${DEFAULT_LIMITS.maxAliases} \\|`));
  });

  it('evidence', () => {
    expect(row('size of one evidence file')).toMatch(new RegExp(`\\| ${mib(DEFAULT_EVIDENCE_LIMITS.maxFileBytes)} \\| \`--max-evidence-bytes <n>\``));
    expect(row('evidence of one pack')).toMatch(new RegExp(`\\| ${DEFAULT_EVIDENCE_LIMITS.maxPackBytes / 2 ** 30} GiB \\| \`--max-evidence-total <n>\``));
  });

  it('workbooks', () => {
    expect(row('a 台账 workbook')).toMatch(new RegExp(`\\| ${n(WORKBOOK_LIMITS.maxRows)} / ${n(WORKBOOK_LIMITS.maxCells)} \\|`));
    expect(row('a workbook unpacked')).toMatch(new RegExp(`\\| ${mib(WORKBOOK_LIMITS.maxSheetSize)} / ${mib(WORKBOOK_LIMITS.maxTotalSize)} / ${WORKBOOK_LIMITS.maxEntries} \\|`));
  });

  it('rules', () => {
    expect(row("a rule's nesting")).toMatch(new RegExp(`\\| ${MAX_RULE_DEPTH} levels`));
    expect(row('operands of one operation')).toMatch(new RegExp(`\\| ${n(MAX_OPERANDS)},`));
    expect(row("a rule's work in one evaluation")).toMatch(new RegExp(`\\| ${n(DEFAULT_BUDGET.steps)} steps \\|`));
    expect(row('values a rule builds')).toMatch(new RegExp(`\\| ${n(DEFAULT_BUDGET.built)} \\|`));
  });

  it('exit codes: 3 past a limit, 74 for a report that cannot be written', () => {
    expect(section).toMatch(/exit 3/);
    expect(section).toMatch(/exit 74/);
  });
});
