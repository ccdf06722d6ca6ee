/** An area's submission (contract: Facts), after validation. */
export interface FactsFile {
  standard?: string;
  area: { name?: string; code?: string };
  period?: string;
  /** The values rules read; a var path is relative to this object. */
  facts: Record<string, unknown>;
  /** fact path → evidence files inside the pack. */
  evidence: Record<string, EvidenceRef[]>;
}

export type EvidenceRef = string | { path: string; sha256?: string };
