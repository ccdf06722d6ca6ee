import { describe, expect, it } from 'vitest';
import { bytesInWords } from '../../src/messages/errno.js';
import { DEFAULT_EVIDENCE_LIMITS } from '../../src/source/pack.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import { runInProcess } from '../helpers/cli.js';

/** One option's help entry: its line and the lines wrapped under it, joined (wrapping may split "10 MiB"). */
function entry(help: string, flag: string): string {
  const lines = help.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^  (-\\w, )?${flag}\\b`).test(l));
  expect(at, `${flag} in the help`).toBeGreaterThanOrEqual(0);
  const out = [lines[at]];
  for (let i = at + 1; i < lines.length && /^ {6,}\S/.test(lines[i]); i++) out.push(lines[i].trim());
  return out.join(' ').replace(/\s+/g, ' ');
}

// Every option that falls back to something when it is not given says what, in words, in both
// languages: a clerk raising --max-bytes must know where it starts.
const pages: { page: string[]; defaults: Record<string, string | RegExp> }[] = [
  {
    page: [],
    defaults: {
      '--max-bytes': bytesInWords(DEFAULT_LIMITS.maxBytes),
      '--max-keys': String(DEFAULT_LIMITS.maxKeys),
      '--max-evidence-bytes': bytesInWords(DEFAULT_EVIDENCE_LIMITS.maxFileBytes),
      '--max-evidence-total': bytesInWords(DEFAULT_EVIDENCE_LIMITS.maxPackBytes),
      '--jobs': /CPU/,
      '--format': 'table',
      '--lang': 'zh',
      '--fail-on': 'fail',
      '--evidence': 'strict',
      '--standard': 'changning-demo-street',
      '--output': /./,
      '--issuer': /./,
      '--date': /./,
      '--browser': 'chromium',
    },
  },
  { page: ['init'], defaults: { '--format': 'yaml', '--schema': './facts.schema.json', '--output': /./, '--lang': 'zh' } },
  { page: ['diff'], defaults: { '--format': 'table', '--output': /./, '--lang': 'zh' } },
  { page: ['standards', 'list'], defaults: { '--format': 'table', '--lang': 'zh' } },
];

describe('help says every default', () => {
  for (const { page, defaults } of pages) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${['assess', ...page].join(' ')} --help (${lang})`, async () => {
        const r = await runInProcess([...page, '--help', ...(lang === 'en' ? ['--lang', 'en'] : [])]);
        expect(r.code).toBe(0);
        for (const [flag, value] of Object.entries(defaults)) {
          const said = new RegExp(`(默认：|default: )(?<v>[^）)]*)`).exec(entry(r.stdout, flag))?.groups?.v;
          expect(said, `${flag} (${lang}): ${entry(r.stdout, flag)}`).toBeDefined();
          if (typeof value === 'string') expect(said, flag).toContain(value);
          else expect(said, flag).toMatch(value);
        }
      });
    }
  }
});
