// Shared by make-packs.mjs and build-fixture-packs.mjs: write one data pack (facts.json and the
// evidence files it names) from a facts file of the repository's fixtures.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fixtures name one file per fact and document (evidence/<document>/<fact>.pdf); a real pack
 * bundles a 台账 per kind of document, so here every fact's evidence points at
 * evidence/<document>.txt, written once, and each reference carries the file's sha256.
 * `remove`: documents left out of the pack; `tamper`: documents changed after they were hashed.
 */
export function writePack(dir, facts, { area, period, remove = [], tamper = [] } = {}) {
  const documents = new Map();
  const evidence = {};
  for (const [fact, refs] of Object.entries(facts.evidence ?? {})) {
    const paths = [];
    for (const ref of refs) {
      const p = typeof ref === 'string' ? ref : ref.path;
      const doc = p.split('/')[1] ?? p;
      const rel = `evidence/${doc}.txt`;
      if (!documents.has(rel)) documents.set(rel, `示例证明材料（虚构，仅供测试）：${doc}\n${area ?? facts.area?.name ?? ''}\n`);
      if (!paths.includes(rel)) paths.push(rel);
    }
    evidence[fact] = paths.map((path) => ({ path, sha256: sha256(documents.get(path)) }));
  }
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  for (const [rel, text] of documents) {
    const doc = rel.slice('evidence/'.length, -'.txt'.length);
    if (remove.includes(doc)) continue;
    writeFileSync(join(dir, rel), tamper.includes(doc) ? text + '（此文件在计算哈希后被改动）\n' : text);
  }
  const out = { ...facts, area: { ...facts.area, ...(area ? { name: area } : {}) }, ...(period ? { period } : {}), evidence };
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(out, null, 2) + '\n');
  return { documents: [...documents.keys()] };
}

export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}
