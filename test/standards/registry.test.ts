import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { listBundled, resolveBundled } from '../../src/standard/registry.js';

/**
 * A ref resolves to the file listBundled names for it: an id alone to its last version in
 * listBundled's order (newest), id@version to that version. The lookup reads the id's directory
 * only (registry.ts), so these hold it to the full listing's answer.
 */
const root = mkdtempSync(join(tmpdir(), 'weibao-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function standardsDir(layout: Record<string, string[]>): string {
  const dir = join(root, String(n++));
  for (const [id, versions] of Object.entries(layout)) {
    mkdirSync(join(dir, id), { recursive: true });
    for (const v of versions) writeFileSync(join(dir, id, `${v}.yaml`), '');
    // A standard's cases file is not a version.
    writeFileSync(join(dir, id, `${versions[0] ?? '2023'}.cases.yaml`), '');
  }
  return dir;
}

const lastListed = (dir: string, id: string) => listBundled(dir).filter((s) => s.id === id).at(-1);

describe('resolving a standard by id', () => {
  it('an id alone gives its newest version, as the full listing orders them', () => {
    const dir = standardsDir({ a: ['2022', '2023.9', '2023', '2023.10', '2023.1'], b: ['2021'] });
    expect(resolveBundled('a', dir)).toEqual(lastListed(dir, 'a'));
    expect(resolveBundled('a', dir).version).toBe('2023.10');
    expect(resolveBundled('b', dir)).toEqual({ id: 'b', version: '2021', file: join(dir, 'b', '2021.yaml') });
    // Versions that collate as equals ("1.0" and "1.00"): the one listed last, as the listing's stable sort leaves them.
    const equals = standardsDir({ e: ['1.0', '1.00', '01', '1'] });
    expect(resolveBundled('e', equals)).toEqual(lastListed(equals, 'e'));
  });

  it('id@version gives that version; an unknown id, version or empty directory is a not-found error naming what there is', () => {
    const dir = standardsDir({ a: ['2022', '2023'], empty: [] });
    expect(resolveBundled('a@2022', dir).file).toBe(join(dir, 'a', '2022.yaml'));
    const refused = (ref: string) => {
      try {
        resolveBundled(ref, dir);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).problems[0].id;
      }
      return undefined;
    };
    expect(refused('a@2024')).toBe('input.standard.noVersion');
    expect(refused('c')).toBe('input.standard.unknown');
    expect(refused('empty')).toBe('input.standard.unknown');
    expect(refused('../a')).toBe('input.standard.unknown');
  });

  it('any set of versions: the id alone gives the full listing\'s last', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,2}){0,2}(-[a-z]{1,5})?$/), { minLength: 1, maxLength: 6 }), (versions) => {
        const dir = standardsDir({ x: versions });
        expect(resolveBundled('x', dir)).toEqual(lastListed(dir, 'x'));
      }),
      { numRuns: 100 },
    );
  });
});
