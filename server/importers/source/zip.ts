/**
 * A small ZIP reader for what imports need from archives (XLSX workbooks, KMZ): the central
 * directory, checked for zip bombs BEFORE anything is inflated, and entries inflated with a hard
 * output cap (so a directory that lies about sizes cannot blow up memory either).
 *
 * Refused: more than `maxEntries` entries, a declared total over `maxTotalBytes`, an entry whose
 * declared size is over `maxEntryBytes` or whose compression ratio is absurd, nested archives
 * inside an XLSX, encrypted entries, unknown compression methods, and an entry that inflates to
 * more than it declared.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed / compressed, checked for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
};

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

/** A problem with the archive; `bomb` = refused for safety, otherwise damaged / not a zip. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly bomb: boolean,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const u64 = (dv: DataView, at: number): number => {
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('a size in the ZIP directory is impossibly large', true);
  return Number(v);
};

/** Reads and checks the central directory. Throws ZipError. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const dv = view(bytes);
  const n = bytes.length;
  if (n < 22) throw new ZipError('the file is too short to be a ZIP archive', false);
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('the end of the ZIP directory is missing (the file may be truncated)', false);
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== EOCD64_LOCATOR)
      throw new ZipError('a ZIP64 directory locator is missing', false);
    const at = u64(dv, loc + 8);
    if (at + 56 > n || dv.getUint32(at, true) !== EOCD64) throw new ZipError('the ZIP64 directory is damaged', false);
    count = u64(dv, at + 32);
    cdSize = u64(dv, at + 40);
    cdOffset = u64(dv, at + 48);
  }
  if (count > limits.maxEntries)
    throw new ZipError(`the archive has ${count} entries (at most ${limits.maxEntries})`, true);
  if (cdOffset + cdSize > n)
    throw new ZipError('the ZIP directory points outside the file (the file may be truncated)', false);
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || dv.getUint32(p, true) !== CENTRAL) throw new ZipError('the ZIP directory is damaged', false);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > n) throw new ZipError('the ZIP directory is damaged', false);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field: the 64-bit values of the fields that are 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(dv, q);
      }
      e += 4 + len;
    }
    if (size > limits.maxEntryBytes) {
      throw new ZipError(
        `entry "${name}" would unpack to ${mb(size)} (at most ${mb(limits.maxEntryBytes)} per entry)`,
        true,
      );
    }
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ZipError(
        `entry "${name}" is compressed ${Math.round(size / Math.max(1, compressedSize))} times (a zip bomb?)`,
        true,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError(`the archive would unpack to more than ${mb(limits.maxTotalBytes)}`, true);
    }
    entries.push({ name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Inflates one entry; never more than it declared (plus nothing). Throws ZipError. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL)
    throw new ZipError(`entry "${entry.name}" is damaged`, false);
  if (entry.encrypted) throw new ZipError(`entry "${entry.name}" is encrypted (the file is password-protected)`, false);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`entry "${entry.name}" runs past the end of the file (truncated?)`, false);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipError(`entry "${entry.name}" has the wrong size`, false);
    return data;
  }
  if (entry.method !== 8)
    throw new ZipError(`entry "${entry.name}" uses an unsupported compression method (${entry.method})`, false);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipError(
        `entry "${entry.name}" unpacks to more than the ${entry.size} bytes it declares (a zip bomb?)`,
        true,
      );
    }
    throw new ZipError(`entry "${entry.name}" cannot be unpacked: ${(error as Error).message}`, false);
  }
  if (out.length !== entry.size) {
    throw new ZipError(
      `entry "${entry.name}" unpacks to ${out.length} bytes but declares ${entry.size}`,
      out.length > entry.size,
    );
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
