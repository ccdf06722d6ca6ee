import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

/**
 * Issue 13 item 7: a file swapped for a named pipe between the check and the read must not hang
 * the run. Every reader opens non-blocking and checks what it opened (fstat on the descriptor),
 * so a pipe is refused at once: facts files (JSON, YAML), workbooks (facts.xlsx) and evidence.
 *
 * A hang blocks a thread in open(2) for ever, so the readers run in a child process (the built
 * library, dist/): this process stays free to notice. The child reports its CPU time; the bound
 * is on that (a busy machine's queueing doesn't count), with a generous wall-clock hang detector.
 */
const HANG_MS = 60_000;
const CPU_BUDGET_MS = 5_000;
let tmp: string;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `body` (an ES module body; `dist` is the build's URL) in a child; its last JSON line is the answer. */
function child(body: string): Promise<{ code: number | null; killed: boolean; out: Record<string, unknown>; stderr: string }> {
  const script = `
    const dist = ${JSON.stringify(new URL('dist/', `file://${root}`).href)};
    const started = process.cpuUsage();
    const answer = await (async () => { ${body} })();
    const cpu = process.cpuUsage(started);
    process.stdout.write(JSON.stringify({ ...answer, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\\n');`;
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: HANG_MS });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      let out: Record<string, unknown> = {};
      try {
        out = JSON.parse(last);
      } catch {
        out = { raw: stdout };
      }
      resolve({ code, killed: signal !== null, out, stderr });
    });
  });
}

describe('a file swapped for a named pipe', () => {
  tmp = mkdtempSync(join(tmpdir(), 'weibao-fifo-'));

  it('evidence: a regular file at the probe, a pipe at the hash → not-file, at once', async () => {
    const dir = join(tmp, 'evidence-pack');
    const r = await child(`
      const { mkdirSync, writeFileSync, rmSync } = await import('node:fs');
      const { execFileSync } = await import('node:child_process');
      const { packFiles } = await import(dist + 'source/pack.js');
      const { checkFile } = await import(dist + 'assess/evidence.js');
      mkdirSync(${JSON.stringify(dir)}, { recursive: true });
      const file = ${JSON.stringify(join(dir, 'minutes.txt'))};
      writeFileSync(file, '会议纪要');
      // The probe inside checkFile sees a regular file; the swap comes between it and the hash.
      const files = packFiles(${JSON.stringify(dir)});
      const sha256 = files.sha256.bind(files);
      files.sha256 = (rel) => { rmSync(file); execFileSync('mkfifo', [file]); return sha256(rel); };
      return { found: checkFile({ path: 'minutes.txt', sha256: '0'.repeat(64) }, files) };`);
    expect(r.killed, `hung: ${r.stderr}`).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.out.found).toEqual({ problem: 'not-file' });
    expect(r.out.cpuMs as number).toBeLessThan(CPU_BUDGET_MS);
  }, HANG_MS * 2);

  it('facts.json, facts.yaml, facts.xlsx: swapped back and forth while a pack is read 300 times, every read ends (read, or refused as not a regular file)', async () => {
    for (const name of ['facts.json', 'facts.yaml', 'facts.xlsx']) {
      const dir = join(tmp, `race-${name}`);
      const r = await child(`
        const { mkdirSync, writeFileSync, renameSync, copyFileSync } = await import('node:fs');
        const { execFileSync } = await import('node:child_process');
        const { Worker } = await import('node:worker_threads');
        const { readFactsSource } = await import(dist + 'facts/load.js');
        const dir = ${JSON.stringify(dir)};
        mkdirSync(dir, { recursive: true });
        const target = dir + '/' + ${JSON.stringify(name)};
        const regular = dir + '/.regular', pipe = dir + '/.pipe';
        if (${JSON.stringify(name)} === 'facts.xlsx') copyFileSync(${JSON.stringify(join(root, 'fixtures/xlsx/hostile/not-a-zip.xlsx'))}, regular);
        else writeFileSync(regular, ${JSON.stringify(name)} === 'facts.json' ? '{"facts": {}}' : 'facts: {}\\n');
        copyFileSync(regular, target);
        execFileSync('mkfifo', [pipe]);
        // Another thread swaps the facts file between the regular file and the pipe, as fast as
        // rename allows, for as long as the reads go on (a thread, so it keeps going while this
        // one would be stuck in open).
        const swapper = new Worker(\`
          const { renameSync, linkSync, existsSync, unlinkSync } = require('node:fs');
          const { workerData: [target, regular, pipe], parentPort } = require('node:worker_threads');
          let stop = false, swaps = 0;
          parentPort.on('message', () => { stop = true; });
          (function loop() {
            for (let k = 0; k < 200; k++) {
              const from = swaps % 2 ? regular : pipe;
              // link + rename: the target always exists, as one thing or the other.
              try { unlinkSync(target + '.next'); } catch {}
              linkSync(from, target + '.next');
              renameSync(target + '.next', target);
              swaps++;
            }
            if (stop) parentPort.postMessage(swaps); else setImmediate(loop);
          })();\`, { eval: true, execArgv: [], workerData: [target, regular, pipe] });
        let parsed = 0, refused = 0, other = [];
        for (let i = 0; i < 300; i++) {
          try { readFactsSource(dir); parsed++; }
          catch (e) {
            const said = JSON.stringify(e.problems ?? e.message);
            // The workbook stand-in is no workbook: "not a valid .xlsx workbook" is its reading, as good as parsed.
            if (/not a regular file/.test(said)) refused++; else if (/not a valid \.xlsx/.test(said)) parsed++; else other.push(said);
          }
        }
        const swaps = await new Promise((done) => { swapper.once('message', done); swapper.postMessage('stop'); });
        await swapper.terminate();
        return { parsed, refused, other: other.slice(0, 3), swaps };`);
      expect(r.killed, `${name}: hung (a read blocked on the pipe): ${r.stderr}`).toBe(false);
      expect(r.code, r.stderr).toBe(0);
      expect(r.out.other, name).toEqual([]);
      expect((r.out.parsed as number) + (r.out.refused as number)).toBe(300);
      expect(r.out.swaps as number, 'the swapper ran').toBeGreaterThan(0);
      expect(r.out.cpuMs as number).toBeLessThan(CPU_BUDGET_MS);
    }
  }, HANG_MS * 4);

  it('a pipe at the moment of open, for each reader (facts by path, pack, workbook, evidence): refused, never waited on', async () => {
    const dir = join(tmp, 'always-pipe');
    const r = await child(`
      const { mkdirSync } = await import('node:fs');
      const { execFileSync } = await import('node:child_process');
      const { readDocument } = await import(dist + 'source/read.js');
      const { readFactsSource } = await import(dist + 'facts/load.js');
      const { packFiles } = await import(dist + 'source/pack.js');
      const dir = ${JSON.stringify(dir)};
      mkdirSync(dir + '/pack', { recursive: true });
      for (const f of ['a.json', 'a.yaml', 'a.xlsx', 'pack/facts.json', 'pack/e.pdf']) execFileSync('mkfifo', [dir + '/' + f]);
      const said = (f) => { try { f(); return 'read'; } catch (e) { return (e.problems?.[0]?.message ?? e.message); } };
      return {
        json: said(() => readDocument(dir + '/a.json')),
        yaml: said(() => readDocument(dir + '/a.yaml')),
        xlsx: said(() => readDocument(dir + '/a.xlsx')),
        pack: said(() => readFactsSource(dir + '/pack')),
        evidence: packFiles(dir + '/pack').probe('e.pdf'),
      };`);
    expect(r.killed, `hung: ${r.stderr}`).toBe(false);
    for (const k of ['json', 'yaml', 'xlsx', 'pack']) expect(r.out[k], k).toMatch(/not a regular file/);
    expect(r.out.evidence).toEqual({ kind: 'not-file' });
  }, HANG_MS * 2);
});
