#!/usr/bin/env node
// N synthetic data packs for load tests, deterministic for a given seed:
//   node scripts/make-packs.mjs 1000 /tmp/packs-1k [--seed 1] [--documents 4]
//   time node bin/assess.js /tmp/packs-1k --format json > /dev/null
// Each pack starts from fixtures/changning-compliant.json (every item met); the seeded generator
// then breaks some: ~35% get one to three facts worsened (a count to 0, a yes to no), ~5% lose a
// fact (missing), ~3% take the triggering facts of fixtures/changning-vetoed.json, ~5% have an
// evidence file tampered with and ~3% one missing. DIR must not exist or be empty.
// Evidence: one small text file per kind of document the fixture names (112, ~0.5 MB on disk per
// pack); `--documents n` bundles them into n 台账 files instead (every fact's evidence still
// listed and hashed), so 10,000 packs fit a bench's temporary directory.
// `--files`: loose facts files instead (DIR/area-<n>.json, the same seeded facts, no evidence
// files), as a province's platform would export one per area: `assess DIR` is the batch.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePack } from './pack-writer.mjs';
import { rng } from './rng.mjs';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
const docsAt = args.indexOf('--documents');
const bundles = docsAt >= 0 ? Number(args.splice(docsAt, 2)[1]) : 0;
const filesAt = args.indexOf('--files');
const files = filesAt >= 0 && args.splice(filesAt, 1).length === 1;
const [countArg, dir] = args;
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !dir || !Number.isFinite(seed) || !Number.isInteger(bundles) || bundles < 0) {
  process.stderr.write('usage: node scripts/make-packs.mjs <count> <dir> [--seed <n>] [--documents <n>] [--files]\n');
  process.exit(4);
}
if (existsSync(dir) && readdirSync(dir).length) {
  process.stderr.write(`error: ${dir} is not empty\n`);
  process.exit(3);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name) => JSON.parse(readFileSync(join(root, 'fixtures', `changning-${name}.json`), 'utf8'));
const base = bundle(fixture('compliant'), bundles);
const vetoed = fixture('vetoed');
const vetoFacts = Object.keys(vetoed.facts).filter((k) => JSON.stringify(vetoed.facts[k]) !== JSON.stringify(base.facts[k]));
const factNames = Object.keys(base.facts).filter((k) => typeof base.facts[k] === 'number' || base.facts[k] === true);
const documents = [...new Set(Object.values(base.evidence ?? {}).flat().map((p) => (typeof p === 'string' ? p : p.path).split('/')[1]))];

/** Evidence of every fact pointed at one of n 台账 files (evidence/台账<k>/…), or left as it is. */
function bundle(facts, n) {
  if (!n) return facts;
  const kinds = [...new Set(Object.values(facts.evidence ?? {}).flat().map((p) => (typeof p === 'string' ? p : p.path).split('/')[1]))];
  const evidence = {};
  for (const [fact, refs] of Object.entries(facts.evidence ?? {})) {
    evidence[fact] = refs.map((p) => {
      const path = typeof p === 'string' ? p : p.path;
      return `evidence/台账${(kinds.indexOf(path.split('/')[1]) % n) + 1}/${fact}`;
    });
  }
  return { ...facts, evidence };
}

const random = rng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];

mkdirSync(dir, { recursive: true });
const width = String(count).length;
for (let n = 1; n <= count; n++) {
  const facts = structuredClone(base);
  if (random() < 0.35) {
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
      const name = pick(factNames);
      facts.facts[name] = typeof facts.facts[name] === 'number' ? 0 : false;
    }
  }
  if (random() < 0.05) delete facts.facts[pick(factNames)];
  if (random() < 0.03) for (const name of vetoFacts) facts.facts[name] = vetoed.facts[name];
  const tamper = random() < 0.05 ? [pick(documents)] : [];
  const remove = random() < 0.03 ? [pick(documents)] : [];
  const id = String(n).padStart(width, '0');
  if (files) {
    writeFileSync(join(dir, `area-${id}.json`), JSON.stringify({ ...facts, area: { ...facts.area, name: `合成街道${id}（虚构）` } }, null, 2) + '\n');
    continue;
  }
  writePack(join(dir, `pack-${id}`), facts, { area: `合成街道${id}（虚构）`, tamper, remove });
}
process.stderr.write(`wrote ${count} ${files ? 'facts files' : 'packs'} to ${dir} (seed ${seed})\n`);
