import type { ItemState, VetoState } from '../assess/types.js';

/** Why an evidence file named in a pack's facts does not prove anything. */
export type EvidenceProblem =
  | 'absolute' // an absolute path: the pack must be self-contained
  | 'parent' // a `..` segment: would leave the pack
  | 'outside' // a symlink (or a symlinked directory) that resolves outside the pack
  | 'not-found' // no such file (or a dangling symlink)
  | 'not-file' // a directory, device, socket …
  | 'empty' // zero bytes
  | 'sha256' // content differs from the declared sha256 (tampered or replaced)
  | 'unreadable' // exists but cannot be read
  | 'none'; // an item needs evidence for a fact and the pack names none

/** One evidence problem of a pack, located by the fact it is meant to prove. */
export interface EvidenceFinding {
  /** The fact path the evidence is listed under (or that an item needs evidence for). */
  fact: string;
  /** The path as written in the facts file; absent for `none`. */
  path?: string;
  problem: EvidenceProblem;
  /** In words, for reports. */
  message: string;
  /** Items that were met on the facts but are now unsupported because of this. */
  items: string[];
}

/** What `--baseline` adds to a result: the change since a previous report (月报). */
export interface Progress {
  /** The previous result this one was matched with (area name + standard id); null when none. */
  baseline: { input?: string; period?: string; standard: { id: string; version: string }; verdict: string; score: number } | null;
  verdict: { before: string | null; after: string };
  score: { before: number | null; after: number; delta: number | null };
  /** Met now, not met before (or not assessed before). */
  newlyMet: ItemChange[];
  /** Not met now, met before (or not assessed before). */
  newlyFailed: ItemChange[];
  /** Not met then and not met now. */
  stillOpen: ItemChange[];
  aspects: { name: string; before: number | null; after: number; delta: number | null }[];
  /** Negative-list items whose state changed. */
  vetoes: { id: string; number: number; before: VetoState | null; after: VetoState }[];
}

export interface ItemChange {
  id: string;
  aspect: string;
  content: string | null;
  number: number;
  text: string;
  before: ItemState | null;
  after: ItemState;
}
