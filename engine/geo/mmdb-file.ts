/**
 * Synchronous opening of MaxMind-format (.mmdb) files: the engine asks for locations from
 * inside flow hooks, so a database must be ready without awaiting. `maxmind.open()` is
 * async only, so the file is read with readFileSync and handed to mmdb-lib's Reader
 * (re-exported by `maxmind`). Opened files are kept in a small cache keyed by path, size
 * and modification time, so several runs share one Reader and an updated file is re-read.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Reader, type Response } from 'maxmind';

export class GeoDatabaseError extends Error {
  override readonly name = 'GeoDatabaseError';
  constructor(
    readonly file: string,
    problem: string,
    fix: string,
  ) {
    super(`${file}: ${problem}. ${fix}`);
  }
}

export interface MmdbFile {
  path: string;
  reader: Reader<Response>;
  /** 4: IPv4 only (must never be asked about IPv6 addresses); 6: IPv6, usually IPv4 too. */
  ipVersion: 4 | 6;
  databaseType: string;
  /** When the data was built (from the file's metadata). */
  buildDate: Date;
}

const MAX_OPEN = 8;
const opened = new Map<string, { stamp: string; file: MmdbFile }>();

/**
 * Opens an mmdb file, or throws a GeoDatabaseError naming the file, what is wrong and
 * how to fix it (`fix` is the advice for "point the setting at another file").
 */
export function openMmdb(path: string, fix: string): MmdbFile {
  const full = resolve(path);
  let stamp: string;
  try {
    const st = statSync(full);
    if (st.isDirectory()) throw new GeoDatabaseError(full, 'is a directory, not an .mmdb file', fix);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch (e) {
    if (e instanceof GeoDatabaseError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new GeoDatabaseError(full, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`, fix);
  }
  const hit = opened.get(full);
  if (hit && hit.stamp === stamp) {
    opened.delete(full); // most recently used last
    opened.set(full, hit);
    return hit.file;
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(full);
  } catch (e) {
    throw new GeoDatabaseError(full, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, fix);
  }
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(buffer);
  } catch (e) {
    throw new GeoDatabaseError(
      full,
      `is not a MaxMind-format (.mmdb) database (${e instanceof Error ? e.message : String(e)})`,
      fix,
    );
  }
  const m = reader.metadata;
  const file: MmdbFile = {
    path: full,
    reader,
    ipVersion: m.ipVersion === 4 ? 4 : 6,
    databaseType: m.databaseType,
    buildDate: m.buildEpoch,
  };
  opened.set(full, { stamp, file });
  while (opened.size > MAX_OPEN) opened.delete(opened.keys().next().value as string);
  return file;
}
