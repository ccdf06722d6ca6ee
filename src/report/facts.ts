import type { AssessResult, ItemResult, Lang, VetoResult } from '../assess/types.js';
import { sharedVocabulary } from '../standard/vocabulary.js';
import { explain, factName, factValue, type FactDictionary } from '../messages/explain.js';
import { t } from '../messages/catalogue.js';
import { loadedVocabulary, readStandardFile } from '../standard/load.js';
import { resolveBundled } from '../standard/registry.js';
import type { FormatOptions } from './types.js';
import { resolve } from 'node:path';

// Per id@version, read once per process: a batch of 10,000 results looks its words up in a map.
const bundled = new Map<string, FactDictionary>();

/**
 * The words of the facts `r`'s standard reads: what `options.facts` gives, else the bundled
 * standard's vocabulary (prebuilt, so no YAML is parsed), else the shared vocabulary — a fact it
 * doesn't know is named by its id.
 */
export function factsOf(r: Pick<AssessResult, 'standard'>, options: Pick<FormatOptions, 'facts' | 'standardFile'>): FactDictionary {
  const given = options.facts?.(r.standard);
  if (given) return given;
  if (options.standardFile) {
    const own = fromFile(options.standardFile);
    if (own && own.id === r.standard.id && own.version === r.standard.version) return own.vocabulary;
  }
  const key = `${r.standard.id}@${r.standard.version}`;
  let hit = bundled.get(key);
  if (!hit) {
    try {
      const file = resolveBundled(key).file;
      // Assessed against in this run, nearly always: its words are at hand (a one-file run read it twice).
      hit = loadedVocabulary(file) ?? readStandardFile(file).vocabulary;
    } catch {
      hit = sharedVocabulary();
    }
    bundled.set(key, hit);
  }
  return hit;
}

const byFile = new Map<string, { id: string; version: string; vocabulary: FactDictionary } | null>();

function fromFile(file: string) {
  const path = resolve(file);
  if (!byFile.has(path)) {
    try {
      const s = readStandardFile(path);
      byFile.set(path, { id: s.id, version: s.version, vocabulary: s.vocabulary });
    } catch {
      // Assessment read it; a file changed since (or unreadable) costs only the words of its own facts.
      byFile.set(path, null);
    }
  }
  return byFile.get(path) ?? undefined;
}

/**
 * Why an item or a negative-list item stands as it does, for a reader: its reasons in words with
 * each fact by its description (a missing fact without its id, which stays in the JSON), or the
 * explanation it came with where it carries no reasons.
 */
export function whyOf(i: Pick<ItemResult | VetoResult, 'reasons' | 'explanation'>, lang: Lang, facts: FactDictionary): string {
  return i.reasons?.length ? explain(i.reasons, lang, facts, { ids: false }) : i.explanation;
}

/** `已建立强制报告工作流程：是`: a fact and its value, in words. */
export function factInWords(fact: string, value: unknown, lang: Lang, facts: FactDictionary): string {
  return t(lang, 'report.labelled', { label: factName(fact, lang, facts), text: factValue(fact, value, lang, facts) });
}

/** A fact's description (its id where the vocabulary has none). */
export function factWords(fact: string, lang: Lang, facts: FactDictionary): string {
  return factName(fact, lang, facts);
}
