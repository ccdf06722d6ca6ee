/**
 * A document built as UTF-8 rather than as a string encoded afterwards: an area's report in a
 * batch is ~80 KB, most of it the standard's own words (each item's text, each fact's description)
 * that are the same in every area. Those are encoded once (`utf8`, kept beside the escaped text)
 * and copied in; only what differs per area is encoded as it is written. A batch of 2,000 areas
 * so encodes its 160 MB once rather than concatenating, flattening and encoding it again.
 */
export class Utf8Builder {
  private buf = Buffer.allocUnsafeSlow(1 << 17);
  private at = 0;

  /** Text, encoded here (lone surrogates as U+FFFD, as Buffer.from writes them). */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (s.length * 3 > this.buf.length - this.at) this.grow(s.length * 3);
    this.at += this.buf.write(s, this.at);
  }

  /** Text encoded already (utf8()). */
  bytes(b: Uint8Array): void {
    if (b.length > this.buf.length - this.at) this.grow(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** What was built, in a buffer of its own (not a slice of a pool: it may be moved to another thread); the builder is empty again. */
  take(): Uint8Array {
    const out = Buffer.allocUnsafeSlow(this.at);
    this.buf.copy(out, 0, 0, this.at);
    this.at = 0;
    return out;
  }

  /** What was built, as text; the builder is empty again. */
  takeText(): string {
    const text = this.buf.toString('utf8', 0, this.at);
    this.at = 0;
    return text;
  }

  private grow(need: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + need));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/** Text encoded once, to be copied in (Utf8Builder.bytes) wherever it recurs. */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}
