#!/usr/bin/env node
// Rebuild fixtures/packs/ (the example data packs) and fixtures/packs-baseline.json from the 长宁
// fixtures, so the packs stay in step when the standard's facts change:
//   npm run build && node scripts/build-fixture-packs.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePack } from './pack-writer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name) => JSON.parse(readFileSync(join(root, 'fixtures', `changning-${name}.json`), 'utf8'));
const packs = join(root, 'fixtures', 'packs');
rmSync(packs, { recursive: true, force: true });

// 甲: everything met and proven. 乙: the same facts, but 绩效考核方案 is missing from the pack and
// 年度工作计划 was changed after it was hashed. 丙: a negative-list item triggered. 丁: items not met.
writePack(join(packs, 'a-clean'), fixture('compliant'), { area: '示例街道甲（虚构）' });
writePack(join(packs, 'b-evidence-problems'), fixture('compliant'), { area: '示例街道乙（虚构）', remove: ['绩效考核方案'], tamper: ['年度工作计划'] });
writePack(join(packs, 'c-vetoed'), fixture('vetoed'), { area: '示例街道丙（虚构）' });
writePack(join(packs, 'd-failing'), fixture('failing'), { area: '示例街道丁（虚构）' });

// Last month's report for 甲 (then still failing), for `--baseline`: assessed from a pack of the
// failing facts under 甲's name, as `assess … --format json` wrote it.
const tmp = mkdtempSync(join(tmpdir(), 'weibao-baseline-'));
try {
  writePack(join(tmp, 'a-clean'), fixture('failing'), { area: '示例街道甲（虚构）', period: '2023-11' });
  let report;
  try {
    report = execFileSync(process.execPath, [join(root, 'bin', 'assess.js'), join(tmp, 'a-clean'), '--format', 'json'], { encoding: 'utf8' });
  } catch (e) {
    if (e.status !== 1) throw e; // failing facts: exit 1 is the expected verdict
    report = e.stdout;
  }
  writeFileSync(join(root, 'fixtures', 'packs-baseline.json'), report.replaceAll(tmp, 'last-month'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
