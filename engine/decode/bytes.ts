/**
 * Big-endian reads straight from the packet bytes. Callers check bounds first: these
 * helpers never do (they run several times per packet), and a DataView per packet
 * would cost an allocation.
 */

export function u16(data: Uint8Array, offset: number): number {
  return (data[offset] << 8) | data[offset + 1];
}

/** Unsigned 32-bit value (>>> 0 keeps it positive: sequence numbers exceed 2^31). */
export function u32(data: Uint8Array, offset: number): number {
  return ((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]) >>> 0;
}

/** Same value as a little-endian read (BSD loopback headers are in the writer's byte order). */
export function u32le(data: Uint8Array, offset: number): number {
  return ((data[offset + 3] << 24) | (data[offset + 2] << 16) | (data[offset + 1] << 8) | data[offset]) >>> 0;
}
