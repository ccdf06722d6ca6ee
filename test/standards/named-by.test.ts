import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardNamedBy, wordsOf } from '../../src/standard/named-by.js';
import { listBundled } from '../../src/standard/registry.js';

/** A standard named by its words (a clerk's "长宁 2023") is told its id: which one, by the bundled standards' titles and issuers. */
describe('a standard named by its words', () => {
  const bundled = wordsOf(listBundled());
  const named = (text: string) => {
    const hit = standardNamedBy(text, bundled);
    return hit && `${hit.id}@${hit.version}`;
  };

  it('reads each bundled standard\'s title and issuer off its head', () => {
    expect(bundled.map((w) => [w.ref.id, w.title, w.issuer])).toEqual([
      ['changning-demo-street', '长宁区未成年人保护示范街道（镇）创建达标体系', '长宁区'],
      ['negative-list', '负面工作清单项（长宁区未成年人保护示范街道（镇）创建达标体系）', '长宁区'],
      ['yangshi-demo-point', '创建全国未成年人保护示范点责任清单', '杨市街道办事处党政综合办公室'],
    ]);
  });

  it.each([
    ['长宁 2023', 'changning-demo-street@2023'],
    ['长宁区2023年达标体系', 'changning-demo-street@2023'],
    ['长宁区未成年人保护示范街道（镇）创建达标体系', 'changning-demo-street@2023'],
    ['长宁区 2020', 'changning-demo-street@2023'],
    ['负面工作清单项', 'negative-list@2023'],
    ['长宁负面清单', 'negative-list@2023'],
    ['杨市2022', 'yangshi-demo-point@2022'],
    ['杨市街道责任清单', 'yangshi-demo-point@2022'],
    ['全国未成年人保护示范点', 'yangshi-demo-point@2022'],
  ])('%s → %s', (text, ref) => expect(named(text)).toBe(ref));

  it.each([
    ['words every standard has', '未成年人保护示范'],
    ['one character', '长'],
    ['no Han characters', 'changning 2023'],
    ['characters no standard has', '徐汇区2024年标准'],
    ['fewer than half of its characters held', '长宁区关于进一步加强学校周边治安管理的通知'],
  ])('%s: none (%s)', (_, text) => expect(named(text)).toBeUndefined());

  it('two ids with the same words name neither; a year picks the version it names, else the latest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weibao-named-'));
    try {
      const write = (id: string, version: string, title: string) => {
        mkdirSync(join(dir, id), { recursive: true });
        writeFileSync(join(dir, id, `${version}.yaml`), `id: ${id}\nversion: "${version}"\ntitle: "${title}" # quoted, with a comment\nsource:\n  issuer: 徐汇区\n`);
      };
      write('a', '2023', '徐汇区达标体系');
      write('b', '2023', '徐汇区达标体系');
      write('c', '2022', '静安区责任清单');
      write('c', '2024', '静安区责任清单');
      const words = wordsOf(listBundled(dir));
      expect(words.find((w) => w.ref.id === 'c')).toMatchObject({ title: '静安区责任清单', issuer: '徐汇区' });
      expect(standardNamedBy('徐汇区达标体系', words)).toBeUndefined();
      expect(standardNamedBy('静安 2022', words)).toMatchObject({ id: 'c', version: '2022' });
      expect(standardNamedBy('静安区', words)).toMatchObject({ id: 'c', version: '2024' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
