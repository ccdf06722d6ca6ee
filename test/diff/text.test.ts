import { describe, expect, it } from 'vitest';
import { diffText, similarity } from '../../src/diff/text.js';
import { htmlDiff, terminalDiff } from '../../src/diff/format/inline.js';

const side = (parts: ReturnType<typeof diffText>, keep: 'delete' | 'insert') => parts.filter((p) => p.op !== (keep === 'delete' ? 'insert' : 'delete')).map((p) => p.text).join('');

describe('character diff of Chinese texts', () => {
  it.each([
    ['深入学习贯彻党的十九大和十九届六中全会精神', '深入学习贯彻党的二十大精神', '深入学习贯彻党的[-十九大和十九届六中全会-]{+二十大+}精神'],
    ['村(居)儿童主任', '居民区儿童主任', '[-村(居)-]{+居民区+}儿童主任'],
    ['每年至少召开两次会议', '每年至少召开四次会议', '每年至少召开[-两-]{+四+}次会议'],
    ['相同', '相同', '相同'],
  ])('%s → %s', (a, b, plain) => {
    const parts = diffText(a, b);
    expect(terminalDiff(parts, null)).toBe(plain);
    // Whatever the cleanup merged, each side is still exactly its text.
    expect(side(parts, 'delete')).toBe(a);
    expect(side(parts, 'insert')).toBe(b);
  });

  it('folds a one-character kept run between edits into them (十九大 → 二十大)', () => {
    expect(terminalDiff(diffText('十九大', '二十大'), null)).toBe('[-十九-]{+二十+}大');
  });

  it('escapes HTML in <del>/<ins>', () => {
    expect(htmlDiff(diffText('a<b', 'a>b'))).toBe('a<del>&lt;</del><ins>&gt;</ins>b');
  });

  it('similarity is 1 for the same text and 0 for nothing in common', () => {
    expect(similarity('开通热线', '开通热线')).toBe(1);
    expect(similarity('甲乙', '丙丁')).toBe(0);
  });
});
