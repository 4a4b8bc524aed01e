/**
 * Appends integers and bytes in a chosen byte order to a growing buffer. Used by the
 * capture writers only (not on the read path), so clarity wins over speed.
 */
export class ByteBuilder {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private length = 0;

  constructor(private readonly littleEndian: boolean) {}

  get size(): number {
    return this.length;
  }

  u8(value: number): this {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
    return this;
  }

  u16(value: number): this {
    this.reserve(2);
    this.view.setUint16(this.length, value, this.littleEndian);
    this.length += 2;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.view.setUint32(this.length, value >>> 0, this.littleEndian);
    this.length += 4;
    return this;
  }

  i64(value: bigint): this {
    this.reserve(8);
    this.view.setBigInt64(this.length, value, this.littleEndian);
    this.length += 8;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Zero bytes up to the next multiple of 4 (pcapng pads every field to 32 bits). */
  pad4(): this {
    while (this.length % 4 !== 0) this.u8(0);
    return this;
  }

  /** Overwrites a 32-bit value already written (block lengths known only at the end). */
  patchU32(at: number, value: number): void {
    this.view.setUint32(at, value >>> 0, this.littleEndian);
  }

  /** A copy of everything written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let capacity = this.buf.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }
}
