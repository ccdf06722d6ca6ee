import { diffChars } from 'diff';

/** One run of a text diff: kept, deleted from the old text, or inserted by the new one. */
export interface TextPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * Character-level diff of two item texts. Chinese has no spaces between words, so a whitespace
 * word diff would see a whole sentence as one word; jsdiff's `diffChars` compares characters.
 * Pure character diffs fragment, though: 十九大 → 二十大 comes out as {+二+}十[-九-]大, which no
 * reader wants. `cleanupSemantic` folds such short kept runs back into the edit around them.
 */
export function diffText(before: string, after: string): TextPart[] {
  const parts: TextPart[] = diffChars(before, after).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
  return normalise(cleanupSemantic(parts));
}

/**
 * Diff-match-patch's semantic cleanup, simplified: a kept run no longer than the edits on either
 * side of it is treated as edited (deleted and inserted again), so edits read as whole phrases.
 */
export function cleanupSemantic(input: TextPart[]): TextPart[] {
  let parts = normalise(input);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].op !== 'equal') continue;
      const before = editsAround(parts, i, -1);
      const after = editsAround(parts, i, 1);
      if (!before || !after) continue;
      const len = [...parts[i].text].length;
      if (len <= before && len <= after) {
        const kept = parts[i].text;
        parts = normalise([...parts.slice(0, i), { op: 'delete', text: kept }, { op: 'insert', text: kept }, ...parts.slice(i + 1)]);
        changed = true;
        break;
      }
    }
  }
  return parts;
}

/** The larger of deleted and inserted characters in the run of edits next to parts[i]. */
function editsAround(parts: TextPart[], i: number, step: 1 | -1): number {
  let del = 0;
  let ins = 0;
  for (let j = i + step; j >= 0 && j < parts.length && parts[j].op !== 'equal'; j += step) {
    if (parts[j].op === 'delete') del += [...parts[j].text].length;
    else ins += [...parts[j].text].length;
  }
  return Math.max(del, ins);
}

/** Within each run of edits put deletions before insertions and join neighbours of one kind. */
function normalise(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i].op === 'equal') {
      push(out, parts[i++]);
      continue;
    }
    let del = '';
    let ins = '';
    for (; i < parts.length && parts[i].op !== 'equal'; i++) {
      if (parts[i].op === 'delete') del += parts[i].text;
      else ins += parts[i].text;
    }
    if (del) push(out, { op: 'delete', text: del });
    if (ins) push(out, { op: 'insert', text: ins });
  }
  return out;
}

function push(out: TextPart[], p: TextPart): void {
  if (!p.text) return;
  const last = out[out.length - 1];
  if (last && last.op === p.op) last.text += p.text;
  else out.push({ ...p });
}

/** Share of characters the two texts keep in common (Dice on the diff): 1 = same, 0 = nothing. */
export function similarity(before: string, after: string): number {
  const total = [...before].length + [...after].length;
  if (!total) return 1;
  const kept = diffChars(before, after)
    .filter((c) => !c.added && !c.removed)
    .reduce((n, c) => n + [...c.value].length, 0);
  return (2 * kept) / total;
}
