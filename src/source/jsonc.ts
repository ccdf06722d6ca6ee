import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

// jsonc-parser is loaded at the first located reading: most runs (valid files, no annotations) never need it.
let loaded: typeof Jsonc | undefined;
export const jsonc = () => (loaded ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc);
