import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findBrowser } from '../../src/report/pdf/browser.js';
import { launchFlags } from '../../src/report/pdf/print.js';
import { root } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'weibao-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function executable(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding the browser that prints the PDF', () => {
  const bin = mkdtempSync(join(tmp, 'bin-'));
  const chrome = executable(bin, 'google-chrome');
  const chromium = executable(bin, 'chromium');
  const other = executable(mkdtempSync(join(tmp, 'other-')), 'my-chromium');
  const plain = join(bin, 'not-executable');
  writeFileSync(plain, '');

  it('takes --browser first, then WEIBAO_CHROMIUM, then the usual names on PATH (chromium before google-chrome)', () => {
    expect(findBrowser(other, 'zh', { PATH: bin, WEIBAO_CHROMIUM: chrome })).toBe(other);
    expect(findBrowser(undefined, 'zh', { PATH: bin, WEIBAO_CHROMIUM: other })).toBe(other);
    expect(findBrowser(undefined, 'zh', { PATH: `/nonexistent:${bin}` })).toBe(chromium);
    rmSync(chromium);
    expect(findBrowser(undefined, 'zh', { PATH: bin })).toBe(chrome);
  });

  it('refuses a given path that is not an executable file, naming it and where it came from', () => {
    for (const [explicit, env, from] of [
      [plain, {}, '--browser'],
      [join(bin, 'nope'), {}, '--browser'],
      [undefined, { WEIBAO_CHROMIUM: bin }, 'WEIBAO_CHROMIUM'],
    ] as const) {
      const e = (() => {
        try {
          findBrowser(explicit, 'en', { PATH: bin, ...env });
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toContain(from);
      expect((e as Error).message).toContain('apt-get install chromium');
    }
  });

  it('with none anywhere: a usage error saying what to install', () => {
    expect(() => findBrowser(undefined, 'zh', { PATH: '/nonexistent' })).toThrow(/sudo apt-get install chromium fonts-noto-cjk/);
    expect(() => findBrowser(undefined, 'en', { PATH: '' })).toThrow(/none was found/);
  });

  it('launches Chromium with nothing that phones home, and without the sandbox only as root', () => {
    expect(launchFlags(false)).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-pings', '--dns-prefetch-disable']));
    expect(launchFlags(false)).not.toContain('--no-sandbox');
    expect(launchFlags(true)).toContain('--no-sandbox');
  });

  // The process is the point here: the environment decides which browser there is.
  it('assess --format pdf without a browser exits 4, says what to install, and writes nothing', () => {
    const out = join(tmp, 'r.pdf');
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/nonexistent', NO_COLOR: '1' };
    delete env.WEIBAO_CHROMIUM;
    const r = spawnSync(process.execPath, ['bin/assess.js', 'fixtures/changning-failing.json', '--format', 'pdf', '--output', out], { cwd: root, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('sudo apt-get install chromium fonts-noto-cjk');
    expect(r.stderr).toContain('--browser');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
