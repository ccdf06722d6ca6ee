import type { AssessResult, Lang } from '../../assess/types.js';
import { labels } from '../labels.js';

export type Labels = ReturnType<typeof labels>;

/** A state's words; a state this build does not know yet (e.g. `unsupported`) shows as itself. */
export function stateLabel(L: Labels, state: string): string {
  return (L.state as Record<string, string>)[state] ?? state;
}

export function vetoLabel(L: Labels, state: string): string {
  return (L.veto as Record<string, string>)[state] ?? state;
}

/** What a reader calls the area: its name, else the file it came from. */
export function areaTitle(r: AssessResult, lang: Lang): string {
  return r.area.name || r.input || labels(lang).html.unnamedArea;
}
