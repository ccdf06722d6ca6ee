import type { EvidenceFinding, EvidenceProblem, ItemResult } from './types.js';
import type { Reason } from '../reasons.js';
import type { EvidenceRef } from '../facts/types.js';
import type { PackFiles } from '../source/pack.js';

/** strict: an evidence problem makes a met item `unsupported` (not met); warn: it is only reported. */
export type EvidenceMode = 'strict' | 'warn';

/**
 * Path rules that need no file system: a pack is self-contained, so its evidence is named by
 * relative paths that stay inside it. Backslashes count as separators too, so a path written on
 * Windows (`..\\x`, `C:\\x`) is judged the same way.
 */
export function pathProblem(path: string): 'absolute' | 'parent' | undefined {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return 'absolute';
  if (path.split(/[\\/]/).includes('..')) return 'parent';
  return undefined;
}

/**
 * A path as it was most likely meant: each part without the spaces (and invisible characters)
 * around it, or the dots after it (Windows drops them: `纪要.pdf.` opens `纪要.pdf` there, and
 * nothing on Linux); the full-width ／ ＼ ． as a slash, a backslash and a dot; without the
 * sentence's mark after the last name (`会议纪要.pdf。`, `…；`, `…，`) — what an input method or a
 * copy from a document leaves in a path.
 */
export function tidyPath(path: string): string {
  const parts = trimEnd(path.replace(/[／＼]/g, (c) => (c === '／' ? '/' : '\\')).replace(/．/g, '.'), (c) => SPACE.test(c) || MARK.test(c)).split(/([\\/])/);
  return parts.map((part, i) => (i % 2 === 1 ? part : tidyPart(part))).join('');
}

const SPACE = /^[\s\u200b-\u200d\u2060\ufeff]$/;
/** A sentence's mark after a path typed in a sentence or a list. */
const MARK = /^[。，,、；;]$/;

/** A part without the spaces around it and the dots after it; one of dots alone (`.`, `..`) as it is (pathProblem's). */
function tidyPart(part: string): string {
  const bare = trimEnd(part.replace(/^[\s\u200b-\u200d\u2060\ufeff]+/, ''), (c) => SPACE.test(c));
  const name = trimEnd(bare, (c) => c === '.' || SPACE.test(c));
  return name === '' ? bare : name;
}

/** `s` without the characters `stray` at its end: a loop from the end, where a regular expression anchored at `$` is quadratic in a long run of them. */
function trimEnd(s: string, stray: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && stray(s[end - 1])) end--;
  return s.slice(0, end);
}

/**
 * Whether a path not found is several files written as one, parted by 、 ， or a comma (会议纪要.pdf、
 * 签到表.pdf): each part a file of the pack. A name may hold those marks itself, so they part
 * nothing where the whole is a file; here it was not.
 */
function severalFiles(path: string, files: PackFiles): boolean {
  if (!/[、，,]/.test(path)) return false;
  const parts = path.split(/[、，,]/).map((p) => p.trim());
  return parts.length > 1 && parts.every((p) => p !== '' && !pathProblem(p) && files.probe(p).kind === 'file');
}

/** Check one evidence file: path rules first, then existence, size and (if declared) its hash. */
export function checkFile(ref: EvidenceRef, files: PackFiles): { problem: EvidenceProblem; detail?: string } | undefined {
  const path = typeof ref === 'string' ? ref : ref.path;
  const syntax = pathProblem(path);
  if (syntax) return { problem: syntax };
  if (path.includes('\0')) return { problem: 'not-found', detail: 'nul' };
  // A path with spaces around a part, dots after one, a full-width separator or a sentence's mark
  // at its end is not found as written on any machine (Windows would drop a trailing space or dot,
  // Linux would not: the same pack, two verdicts); where the path tidied names a file (or several,
  // `a.pdf、b.pdf。`), the problem says which.
  const tidy = tidyPath(path);
  if (tidy !== path) {
    if (pathProblem(tidy)) return { problem: 'not-found' };
    if (files.probe(tidy).kind === 'file') return { problem: 'not-found', detail: `near:${tidy}` };
    return { problem: 'not-found', ...(severalFiles(tidy, files) ? { detail: 'several' } : {}) };
  }
  const probe = files.probe(path);
  if (probe.kind === 'not-found' && probe.detail === undefined && severalFiles(path, files)) return { problem: 'not-found', detail: 'several' };
  if (probe.kind !== 'file') return { problem: probe.kind, detail: probe.detail };
  if (probe.size === 0) return { problem: 'empty' };
  const expected = typeof ref === 'string' ? undefined : ref.sha256;
  if (expected) {
    let actual: string;
    try {
      actual = files.sha256(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Swapped for a pipe or device since the probe; grown past the bound while being read.
      if (code === 'ENOTREG') return { problem: 'not-file' };
      if (code === 'EFBIG') return { problem: 'too-large' };
      return { problem: 'unreadable', ...(code !== undefined ? { detail: code } : {}) };
    }
    if (actual !== expected.toLowerCase()) return { problem: 'sha256', detail: `sha256 ${actual}` };
  }
  return undefined;
}

/**
 * The data-pack step between evaluation and scoring: every evidence file the facts name is
 * checked, and every fact a met item needs evidence for must have some that checks out. strict:
 * a met item whose evidence does not hold becomes `unsupported` (not met), with the problems as
 * its reasons; warn: it stays met and the problems are only findings. Pure apart from `files`
 * (the pack's I/O, passed in), so tests can fake a pack. Findings carry codes, not words
 * (`message` is filled in by whoever renders them).
 */
export function checkEvidence(items: ItemResult[], evidence: Record<string, EvidenceRef[]>, files: PackFiles, mode: EvidenceMode): { items: ItemResult[]; findings: EvidenceFinding[] } {
  const findings: EvidenceFinding[] = [];
  const badFacts = new Map<string, EvidenceFinding[]>();
  const checked = new Map<string, ReturnType<typeof checkFile>>();
  const record = (f: EvidenceFinding) => {
    findings.push(f);
    const list = badFacts.get(f.fact);
    if (list) list.push(f);
    else badFacts.set(f.fact, [f]);
  };
  // The one "no evidence" finding of each fact, once made.
  const noneFor = new Map<string, EvidenceFinding>();

  for (const [fact, refs] of Object.entries(evidence)) {
    for (const ref of refs) {
      const path = typeof ref === 'string' ? ref : ref.path;
      const key = `${path}\0${typeof ref === 'string' ? '' : (ref.sha256 ?? '')}`;
      if (!checked.has(key)) checked.set(key, checkFile(ref, files));
      const bad = checked.get(key);
      if (bad) record({ fact, path, problem: bad.problem, ...(bad.detail !== undefined ? { detail: bad.detail } : {}), message: '', items: [] });
    }
  }

  // Only a met item can be unsupported: a claim that fails or is missing needs no proof.
  const out = items.map((item): ItemResult => {
    if (item.state !== 'pass') return item;
    const problems: EvidenceFinding[] = [];
    for (const need of item.evidence) {
      if (!evidence[need.fact]?.length) {
        let none = noneFor.get(need.fact);
        if (!none) {
          none = { fact: need.fact, problem: 'none', ...(need.documents.length ? { documents: need.documents } : {}), message: '', items: [] };
          noneFor.set(need.fact, none);
          record(none);
        }
        problems.push(none);
      } else {
        problems.push(...(badFacts.get(need.fact) ?? []));
      }
    }
    if (!problems.length) return item;
    for (const p of problems) if (!p.items.includes(item.id)) p.items.push(item.id);
    if (mode === 'warn') return item;
    return { ...item, state: 'unsupported', reasons: problems.map(evidenceReason) };
  });
  return { items: out, findings };
}

/** A finding as an item's reason (src/reasons.ts): its code and what the words need. */
export function evidenceReason(f: EvidenceFinding): Extract<Reason, { kind: 'evidence' }> {
  const data = { ...(f.detail !== undefined ? { detail: f.detail } : {}), ...(f.documents?.length ? { documents: f.documents } : {}) };
  return { kind: 'evidence', code: f.problem, fact: f.fact, ...(f.path !== undefined ? { path: f.path } : {}), ...(Object.keys(data).length ? { data } : {}) };
}
