import { closeSync, openSync, readSync } from 'node:fs';
import type { StandardRef } from './types.js';

/**
 * A bundled standard named by its words instead of its id — a clerk's `"standard": "长宁 2023"`
 * or `--standard 长宁区达标体系` — for the fix of an unknown standard: which id to write. Asked
 * only once a ref is known to be no id, so reading the standards' heads costs a run nothing.
 */

/** A bundled standard's words: its title and issuer, read off the head of its YAML file. */
export interface StandardWords {
  ref: StandardRef;
  /** `title:` (the document's own name), or undefined when the head has none. */
  title?: string;
  issuer?: string;
}

/** Enough of a standard's file to hold its `title:` and `source.issuer:` (both come first). */
const HEAD_BYTES = 8192;

/** The title and issuer of each of `refs`, from the first lines of its file. */
export function wordsOf(refs: readonly StandardRef[]): StandardWords[] {
  return refs.map((ref) => {
    const head = readHead(ref.file);
    const title = field(head, /^title:[ \t]*(.+)$/m);
    const issuer = field(head, /^[ \t]+issuer:[ \t]*(.+)$/m);
    return { ref, ...(title ? { title } : {}), ...(issuer ? { issuer } : {}) };
  });
}

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A one-line YAML scalar: its quotes and a trailing comment taken off. */
function field(head: string, pattern: RegExp): string | undefined {
  const raw = pattern.exec(head)?.[1].replace(/\s+#.*$/, '').trim();
  if (!raw) return undefined;
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  return quoted ? quoted[2] : raw;
}

/** The pairs of Han characters side by side in a text, each once (a space, a digit or a bracket parts them). */
function pairsOf(...texts: string[]): Set<string> {
  const pairs = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
      const chars = [...run];
      for (let i = 1; i < chars.length; i++) pairs.add(chars[i - 1] + chars[i]);
    }
  }
  return pairs;
}

/**
 * The standard `text` names by its words, or undefined. Compared as pairs of characters side by
 * side (长宁, 达标, 清单), not single characters, which every such title shares (区, 年, 标): a
 * standard is a candidate when its title and issuer hold at least half of the text's pairs, one
 * of them a pair not every standard has (未成年人保护 alone names none). Of the candidates, the one
 * holding the most; of equals, the one with the fewest pairs beside them (长宁区达标体系 is the 长宁
 * checklist's title more than the negative list's, which quotes it); equals still, none. A year in
 * the text that is one of the id's versions picks that version; otherwise the latest (the last of
 * `all` for the id, listBundled's order).
 */
export function standardNamedBy(text: string, all: readonly StandardWords[]): StandardRef | undefined {
  const wanted = [...pairsOf(text)];
  if (!wanted.length) return undefined;
  const sets = all.map((s) => pairsOf(s.title ?? '', s.issuer ?? ''));
  const everywhere = new Set(wanted.filter((p) => sets.every((set) => set.has(p))));
  let best: { at: number; held: number; size: number } | undefined;
  let tied = false;
  for (let at = 0; at < sets.length; at++) {
    const set = sets[at];
    const held = wanted.filter((p) => set.has(p));
    if (!held.length || held.length * 2 < wanted.length || held.every((p) => everywhere.has(p))) continue;
    if (!best || held.length > best.held || (held.length === best.held && set.size < best.size)) {
      best = { at, held: held.length, size: set.size };
      tied = false;
    } else if (held.length === best.held && set.size === best.size && all[at].ref.id !== all[best.at].ref.id) {
      tied = true;
    }
  }
  if (!best || tied) return undefined;
  const id = all[best.at].ref.id;
  const versions = all.filter((s) => s.ref.id === id).map((s) => s.ref);
  const year = text.match(/\d{4}/g)?.find((y) => versions.some((v) => v.version === y));
  return year ? versions.find((v) => v.version === year) : versions[versions.length - 1];
}
