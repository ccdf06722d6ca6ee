/**
 * The characters no key or string of a submitted document may hold (facts/control.ts says why
 * and refuses them where they stand): here so that the JSON reader, which looks at every string
 * once anyway, can say a document holds none, and validation need not look again.
 */

// C0 controls but tab, DEL, C1 controls, the bidi embeddings, overrides, isolates and marks
// (U+200E/200F/061C), the line and paragraph separators, and a lone surrogate.
const CONTROL_CLASS = '\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029';
export const CONTROL = new RegExp(`[${CONTROL_CLASS}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`);
// The same characters and every surrogate, paired or not: one character class, which V8 tests
// several times faster than CONTROL's alternation and lookarounds. Keys and strings are asked
// this first (~900 a facts file); only one that holds a surrogate (an emoji) or a control
// character is asked CONTROL.
const MAYBE_CONTROL = new RegExp(`[${CONTROL_CLASS}\\ud800-\\udfff]`);
export const hasControl = (s: string) => MAYBE_CONTROL.test(s) && CONTROL.test(s);
export const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
