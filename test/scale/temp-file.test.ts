import { existsSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, OutputError } from '../../src/errors.js';
import { TempFile } from '../../src/report/temp-file.js';

describe('TempFile (what html parts and a PDF xref are set aside in)', () => {
  it('reads back what was written at any offset, and is gone after close', () => {
    const f = new TempFile('weibao-test-', 'data', 'zh');
    f.writeAt(Buffer.from('world'), 5);
    f.writeAt(Buffer.from('hello'), 0);
    const back = Buffer.alloc(10);
    f.readAt(back, 0);
    expect(back.toString()).toBe('helloworld');
    f.close();
    expect(existsSync(f.dir)).toBe(false);
  });

  it('a file cut short under it is an output error (exit 74), never stale bytes', () => {
    const f = new TempFile('weibao-test-', 'data', 'zh');
    f.writeAt(Buffer.from('0123456789'), 0);
    truncateSync(join(f.dir, readdirSync(f.dir)[0]), 4);
    const back = Buffer.alloc(10, 0x78);
    let err: unknown;
    try {
      f.readAt(back, 0);
    } catch (e) {
      err = e;
    }
    f.close();
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).code).toBe(EXIT.output);
    expect((err as OutputError).id).toBe('io.temp.failed');
  });
});
