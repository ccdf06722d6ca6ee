import { describe, expect, it } from 'vitest';
import { invalidWords } from '../../src/report/invalid-words.js';

describe('invalidWords: the place of an input that could not be read, said once', () => {
  it('a facts file whose message begins with itself: the file and line, not the input again', () => {
    expect(invalidWords({ input: 'a/b.json', message: 'a/b.json:2:1: 此处不应出现文件结尾', where: { file: 'a/b.json', line: 2, column: 1 } })).toEqual({ place: 'a/b.json:2:1', reason: '此处不应出现文件结尾', more: [] });
  });

  it('a pack: the file inside it names it', () => {
    expect(invalidWords({ input: 'p/x', message: 'p/x/facts.json:3:7: 应为逗号', where: { file: 'p/x/facts.json', line: 3, column: 7 } })).toEqual({ place: 'p/x/facts.json:3:7', reason: '应为逗号', more: [] });
  });

  it('the lines after the first (what to type instead) kept, unindented', () => {
    const words = invalidWords({ input: 'z.json', message: 'z.json:1:1: 缺少 facts\n  改为: 在顶层写 facts:', where: { file: 'z.json', line: 1, column: 1 } });
    expect(words).toEqual({ place: 'z.json:1:1', reason: '缺少 facts', more: ['改为: 在顶层写 facts:'] });
  });

  it('several problems read alike: each later error without its label, as the first comes; a warning keeps its own', () => {
    for (const [error, warning, fix] of [['错误', '警告', '改为'], ['error', 'warning', 'fix']]) {
      const message = [`d.json:4:13: 期间写法不对`, `  ${fix}: 写作 2023`, `${error}: d.json:6:24: 人数应为整数`, `  ${fix}: 只填数字`, `${warning}: d.json:9:13: 未知的事实`].join('\n');
      expect(invalidWords({ input: 'd.json', message, where: { file: 'd.json', line: 4, column: 13 } })).toEqual({
        place: 'd.json:4:13',
        reason: '期间写法不对',
        more: [`${fix}: 写作 2023`, 'd.json:6:24: 人数应为整数', `${fix}: 只填数字`, `${warning}: d.json:9:13: 未知的事实`],
      });
    }
  });

  it('a message that names the input without a line (a folder with no facts.json)', () => {
    expect(invalidWords({ input: 'p/empty', message: 'p/empty: 这个目录里没有 facts.json 或 facts.yaml' })).toEqual({ place: 'p/empty', reason: '这个目录里没有 facts.json 或 facts.yaml', more: [] });
  });

  it('a message that begins elsewhere keeps the input before it', () => {
    expect(invalidWords({ input: 'p/x', message: 'worker thread stopped (exit code 1)' })).toEqual({ place: 'p/x', reason: 'worker thread stopped (exit code 1)', more: [] });
    // `where` in another folder (a path that merely starts alike) does not stand for the input
    expect(invalidWords({ input: 'p/x', message: 'p/xy/facts.json:1:1: 坏', where: { file: 'p/xy/facts.json', line: 1, column: 1 } })).toEqual({ place: 'p/x', reason: 'p/xy/facts.json:1:1: 坏', more: [] });
  });
});
