import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readFactsSource } from '../../src/facts/load.js';

/**
 * readFactsSource opens a path once (no stat before): the open and fstat that read a facts file
 * also say whether it is a pack directory. What it answers for each kind of path is held here.
 */
const dir = mkdtempSync(join(tmpdir(), 'weibao-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (input: string) => {
  try {
    readFactsSource(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const p = (e as InputError).problems[0];
    return { kind: (e as InputError).kind, file: p.file, id: p.id, message: p.message };
  }
  throw new Error(`${input} was read`);
};

describe('readFactsSource', () => {
  it('a facts file is read as itself, no pack', () => {
    const s = readFactsSource('fixtures/changning-compliant.json');
    expect(s).toMatchObject({ input: 'fixtures/changning-compliant.json', file: 'fixtures/changning-compliant.json', pack: undefined });
    expect(Object.keys((s.parsed.value as { facts: object }).facts).length).toBeGreaterThan(10);
  });

  it('a pack directory, or a link to one, is read through its facts file', () => {
    const pack = 'fixtures/packs/a-clean';
    expect(readFactsSource(pack)).toMatchObject({ input: pack, file: join(pack, 'facts.json'), pack });
    const link = join(dir, 'link');
    symlinkSync(resolve(pack), link);
    expect(readFactsSource(link)).toMatchObject({ input: link, file: join(link, 'facts.json'), pack: link });
  });

  it('a missing path, a directory without facts, a pipe and a dangling link are refused as before', () => {
    expect(refusal(join(dir, 'nothing.json'))).toMatchObject({ kind: 'read', file: join(dir, 'nothing.json'), id: 'input.read.notFound' });
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(refusal(empty)).toMatchObject({ kind: 'read', file: empty, message: 'is a directory without facts.json or facts.yaml' });
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo)).toMatchObject({ kind: 'read', file: fifo, message: 'is not a regular file (a device, pipe or socket)' });
    const dangling = join(dir, 'dangling.json');
    symlinkSync(join(dir, 'gone'), dangling);
    expect(refusal(dangling)).toMatchObject({ kind: 'read', file: dangling, id: 'input.read.notFound' });
  });

  it('a file over --max-bytes is refused before it is parsed', () => {
    const copy = join(dir, 'big.json');
    copyFileSync('fixtures/changning-compliant.json', copy);
    expect(() => readFactsSource(copy, { maxBytes: 100, maxDepth: 64, maxAliases: 100 })).toThrow(/over the limit of 100/);
  });
});
