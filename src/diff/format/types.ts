import type { FormatOptions } from '../../report/types.js';
import type { Impact, StandardDiff } from '../types.js';

/** A diff formatter: the diff (and the area's impact, with --facts) in, text out. One file each. */
export type DiffFormatter = (diff: StandardDiff, impact: Impact | null, options: FormatOptions) => string;

export type { FormatOptions };
