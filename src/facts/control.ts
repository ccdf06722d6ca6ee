import { pointerOf } from '../errors.js';
import type { CharKind } from '../messages/sections/input.js';
import { CONTROL, hasControl } from '../source/control-chars.js';

export { CONTROL_ALL, hasControl } from '../source/control-chars.js';

/**
 * What of a submitted document must never reach a terminal or a report: a control character in
 * a key or a string (an escape sequence, a carriage return or a bidi override could repaint a
 * verdict; a line separator breaks a line where none shows; a lone surrogate is no text at all),
 * and a number that is not finite (YAML's .nan and .inf: no count or amount, and JSON prints it
 * as null). validateFacts refuses both, each where it stands.
 */

/** Pointers of every NaN or ±Infinity in a parsed document (its depth is already bounded). */
export function nonFinite(value: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(at);
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, at + pointerOf([k])]);
  }
  return out.sort();
}

/** Every key and string value holding a control character: its pointer and the first such. */
export function controlCharacters(value: unknown): { pointer: string; char: string }[] {
  const out: { pointer: string; char: string }[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const m = CONTROL.exec(v);
      if (m) out.push({ pointer: at, char: m[0] });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const m = CONTROL.exec(k);
        if (m) out.push({ pointer: at + pointerOf([k]), char: m[0] });
        else stack.push([child, at + pointerOf([k])]);
      }
    }
  }
  return out.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}

export const NON_FINITE = 1;
export const CONTROL_CHARACTER = 2;

/** NON_FINITE | CONTROL_CHARACTER: what nonFinite and controlCharacters would find something of. */
export function scan(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? 0 : NON_FINITE;
  if (typeof v === 'string') return hasControl(v) ? CONTROL_CHARACTER : 0;
  if (v === null || typeof v !== 'object') return 0;
  let found = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) found |= scan(v[i]);
    return found;
  }
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // A key with a control character is reported, and what it holds isn't looked into.
    if (hasControl(k)) found |= CONTROL_CHARACTER | (scan((v as Record<string, unknown>)[k]) & NON_FINITE);
    else found |= scan((v as Record<string, unknown>)[k]);
  }
  return found;
}

/** Which kind of control character, in the catalogue's words. */
export function charName(c: string): CharKind {
  const n = c.charCodeAt(0);
  if (n >= 0xd800 && n <= 0xdfff) return 'surrogate';
  if (n === 0x2028 || n === 0x2029) return 'lineSeparator';
  if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069) || n === 0x200e || n === 0x200f || n === 0x061c) return 'bidi';
  return 'control';
}
