import { describe, expect, it } from 'vitest';
import { PartSpool } from '../../src/cli/part-spool.js';
import { NAMED_PART, NamedPiece } from '../../src/report/utf8-builder.js';

/**
 * The spool a batch's parts are set aside in: small sections are gathered before they are
 * written and a small part is read whole, large ones (an area's html document) go as they are —
 * whatever the mix and whatever order they are read back in, each section is what was added.
 */
describe('PartSpool', () => {
  it('gives back every section as added: text and UTF-8, small and large, read in any order', () => {
    const spool = new PartSpool('zh');
    const made: (string | Uint8Array)[][] = [];
    try {
      let seed = 7;
      const next = () => (seed = (seed * 48271) % 2147483647);
      for (let i = 0; i < 120; i++) {
        const sections: (string | Uint8Array)[] = [];
        for (let s = 0, n = 1 + (next() % 5); s < n; s++) {
          // Sizes from empty to past what is gathered (64 KB) and past the whole gathering buffer (1 MB, as text: 3 bytes a code unit).
          const size = i === 60 && s === 0 ? 400_000 : [0, 3, 700, 9_000, 70_000][next() % 5];
          const text = `区${i}-${s}:`.padEnd(size, String.fromCharCode(0x4e00 + (next() % 500)));
          sections.push(next() % 2 ? text : Buffer.from(text, 'utf8'));
        }
        made.push(sections);
        spool.add(sections.length === 1 && next() % 2 ? sections[0] : sections);
      }
      const asText = (p: string | Uint8Array) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'));
      const order = made.map((_, i) => i).sort(() => (next() % 3) - 1);
      for (const i of order) for (let s = made[i].length - 1; s >= 0; s--) expect(spool.get(i, s), `${i}/${s}`).toBe(asText(made[i][s]));
      // Bytes are good until the next call: read two sections of one small part in turn.
      const small = made.findIndex((p) => p.length > 1 && p.every((x) => asText(x).length < 1000));
      expect(spool.bytes(small, 0).toString('utf8')).toBe(asText(made[small][0]));
      expect(spool.bytes(small, 1).toString('utf8')).toBe(asText(made[small][1]));
    } finally {
      spool.close();
    }
  });

  it('gives back a part with named pieces (html annex rows) whole: each piece kept once, its name set aside', () => {
    const spool = new PartSpool('zh');
    try {
      const rows = ['<tr>甲</tr>', '<tr>乙 is two</tr>', '', 'x'.repeat(70_000)].map((t) => new NamedPiece(Buffer.from(t)));
      const plain = (p: NamedPiece | string) => (typeof p === 'string' ? Buffer.from(p) : p.bytes);
      const marked = (p: NamedPiece | string) => (typeof p === 'string' ? Buffer.from(p) : p.marked);
      const documents: (NamedPiece | string)[][] = [
        ['<section>一', rows[0], rows[1], rows[0], '</section>'],
        [rows[1], '中', rows[2], rows[3], rows[0]],
        ['no pieces at all'],
        [rows[3], rows[3]],
      ];
      for (const d of documents) spool.add([Buffer.concat([NAMED_PART, ...d.map(marked)]), `line ${d.length}`]);
      for (const i of [3, 1, 0, 2, 1]) {
        expect(spool.get(i, 1)).toBe(`line ${documents[i].length}`);
        expect(spool.bytes(i, 0).equals(Buffer.concat(documents[i].map(plain))), `${i}`).toBe(true);
      }
    } finally {
      spool.close();
    }
  });
});
