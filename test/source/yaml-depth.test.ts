import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import { flowTooDeep, parseYaml } from '../../src/source/yaml.js';

// Flow collections nested past what yaml's composer has stack for are refused as too deep, said
// where the nesting passes the limit — not where the stack ran out, which moved with how much
// stack the thread had left (--jobs 1 and --jobs 2 named columns 811 and 3302 of the same file).
const text = readFileSync(new URL('../../fixtures/hostile/deep-nesting-flow.yaml', import.meta.url), 'utf8');

function placeOfRefusal(): string {
  try {
    parseYaml(text, 'deep.yaml', DEFAULT_LIMITS);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const [p] = (e as InputError).problems;
    expect(p.id).toBe('input.tooDeep');
    return `${p.line}:${p.column}`;
  }
  throw new Error('not refused');
}

// The same call with `n` frames of stack already used.
const deeper = (n: number, f: () => string): string => (n === 0 ? f() : deeper(n - 1, f));

describe('YAML nested too deep in flow collections', () => {
  it('is refused at the bracket that passes the limit, whatever stack is left', () => {
    // Line 2 is "  tiny_meetings_per_year: " and brackets: the 65th is at column 26 + 65.
    expect(placeOfRefusal()).toBe('2:91');
    expect(deeper(2000, placeOfRefusal)).toBe('2:91');
  });

  it('counts brackets outside quotes and comments only', () => {
    expect(flowTooDeep('[[[1]]]', 2)).toBe(2);
    expect(flowTooDeep('a: "[[[" # [[[\nb: [[1]]', 2)).toBeUndefined();
    expect(flowTooDeep("a: '[[''[' \nb: [[[1]]]", 2)).toBe(17);
    expect(flowTooDeep("a: don't [[[x]]]", 2)).toBe(11);
  });
});
