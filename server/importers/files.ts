/**
 * The uploaded file as the pipeline sees it: size, sha256 of the exact bytes, the first bytes
 * for format sniffing. The server never holds a file on disk in memory: the parse child
 * (source/isolated.ts) or DuckDB (Parquet) reads it from its path; bytes given in memory (tests,
 * small API calls) are passed on as they are.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type LoadedFile, READ_CHUNK_BYTES } from './source/table.ts';
import type { ImportFile } from './types.ts';

export interface FileFacts extends LoadedFile {
  sha256: string;
  head: Uint8Array;
}

const HEAD_BYTES = 64 * 1024;

export async function fileFacts(file: ImportFile): Promise<FileFacts> {
  if (file.bytes !== undefined) {
    const bytes = file.bytes;
    return {
      name: file.name,
      size: bytes.length,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      head: bytes.subarray(0, HEAD_BYTES),
    };
  }
  if (file.path === undefined) throw new Error('an import file needs bytes or a path');
  const path = file.path;
  const { size } = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) hash.update(chunk as Buffer);
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { name: file.name, size, path, sha256: hash.digest('hex'), head };
  } finally {
    await handle.close();
  }
}
