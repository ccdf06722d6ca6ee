import { decideVerdict, scoreAspects } from '../assess/aggregate.js';
import type { AssessResult, EvidenceFinding, EvidenceProblem, ItemResult, Lang } from '../assess/types.js';
import type { EvidenceRef } from '../facts/types.js';
import type { VerdictPolicy } from '../standard/types.js';
import type { PackFiles } from './files.js';

/** strict: an evidence problem makes a met item `unsupported` (not met); warn: it is only reported. */
export type EvidenceMode = 'strict' | 'warn';

const WORDS: Record<Lang, Record<EvidenceProblem, string>> = {
  zh: {
    absolute: '是绝对路径，证明材料须在数据包内',
    parent: '含有“..”，会离开数据包',
    outside: '是指向数据包外的符号链接，未读取',
    'not-found': '不存在',
    'not-file': '不是文件',
    empty: '是空文件',
    sha256: '内容与声明的 sha256 不符（被改动或替换）',
    unreadable: '无法读取',
    none: '没有证明材料',
  },
  en: {
    absolute: 'is an absolute path; evidence must be inside the pack',
    parent: 'has a ".." segment and would leave the pack',
    outside: 'is a symlink that resolves outside the pack (not read)',
    'not-found': 'does not exist',
    'not-file': 'is not a file',
    empty: 'is empty',
    sha256: 'does not match its declared sha256 (changed or replaced)',
    unreadable: 'cannot be read',
    none: 'has no evidence',
  },
};

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

/** Check one evidence file: path rules first, then existence, size and (if declared) its hash. */
export function checkFile(ref: EvidenceRef, files: PackFiles): { problem: EvidenceProblem; detail?: string } | undefined {
  const path = typeof ref === 'string' ? ref : ref.path;
  const syntax = pathProblem(path);
  if (syntax) return { problem: syntax };
  if (path.includes('\0')) return { problem: 'not-found', detail: 'a NUL byte in the path' };
  const probe = files.probe(path);
  if (probe.kind !== 'file') return { problem: probe.kind, detail: probe.detail };
  if (probe.size === 0) return { problem: 'empty' };
  const expected = typeof ref === 'string' ? undefined : ref.sha256;
  if (expected) {
    let actual: string;
    try {
      actual = files.sha256(path);
    } catch (e) {
      return { problem: 'unreadable', detail: (e as NodeJS.ErrnoException).code };
    }
    if (actual !== expected.toLowerCase()) return { problem: 'sha256', detail: `sha256 ${actual}` };
  }
  return undefined;
}

export interface EvidenceOptions {
  mode: EvidenceMode;
  lang: Lang;
  /** The standard's verdict policy, to decide the verdict again once items changed state. */
  policy: VerdictPolicy;
}

/**
 * The data-pack step after assessment: every evidence file the facts name is checked, and every
 * fact a met item needs evidence for must have some that checks out. Pure apart from `files`
 * (the pack's I/O, passed in), so the core `assessFacts` stays pure and tests can fake a pack.
 * Returns a new result; the one given is not changed.
 */
export function applyEvidence(result: AssessResult, evidence: Record<string, EvidenceRef[]>, files: PackFiles, options: EvidenceOptions): AssessResult {
  const words = WORDS[options.lang];
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
      if (bad) record({ fact, path, problem: bad.problem, message: `${path} ${words[bad.problem]}${bad.detail ? ` (${bad.detail})` : ''}`, items: [] });
    }
  }

  // Only a met item can be unsupported: a claim that fails or is missing needs no proof.
  const items = result.items.map((item): ItemResult => {
    if (item.state !== 'pass') return item;
    const problems: EvidenceFinding[] = [];
    for (const need of item.evidence) {
      if (!evidence[need.fact]?.length) {
        let none = noneFor.get(need.fact);
        if (!none) {
          none = { fact: need.fact, problem: 'none', message: `${need.fact} ${words.none}${need.documents.length ? ` (${need.documents.join('、')})` : ''}`, items: [] };
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
    if (options.mode === 'warn') return item;
    const unique = [...new Set(problems.map((p) => p.message))];
    const lead = options.lang === 'zh' ? '证明材料不足：' : 'evidence does not hold: ';
    return { ...item, state: 'unsupported', explanation: lead + unique.join(options.lang === 'zh' ? '；' : '; ') };
  });

  if (!findings.length) return { ...result, evidenceFindings: [] };
  const warnings = options.mode === 'warn' || findings.some((f) => !f.items.length)
    ? findings
        .filter((f) => options.mode === 'warn' || !f.items.length)
        .map((f) => `${result.input ? `${result.input}: ` : ''}evidence for ${f.fact}: ${f.message}${f.items.length ? ` (items ${f.items.join(', ')})` : ''}`)
    : [];
  if (options.mode === 'warn') return { ...result, evidenceFindings: findings, warnings: [...result.warnings, ...warnings] };
  const { aspects, score } = scoreAspects(items);
  return {
    ...result,
    items,
    aspects,
    score,
    verdict: decideVerdict(options.policy, items, result.vetoes, score),
    evidenceFindings: findings,
    warnings: [...result.warnings, ...warnings],
  };
}
