/**
 * ZIP archives for what imports need from them (XLSX workbooks, KMZ), read by `yauzl` (central
 * directory, ZIP64, encryption flags, inflating; it also fails a stream that inflates past its
 * stated size). On top of it, the size checks that make a zip bomb a refusal instead of an
 * allocation:
 *
 * - stated (central directory, BEFORE anything is inflated): more than `maxEntries` entries, a
 *   declared total over `maxTotalBytes`, an entry declaring more than `maxEntryBytes`, an absurd
 *   compression ratio;
 * - actual (while inflating): bytes are counted as they come out, and an entry that gives more than
 *   it declared is stopped at that byte (a directory that lies cannot blow up memory either).
 *
 * Encrypted entries and unknown compression methods are refused as damaged / unreadable.
 */
import yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared (and actual) uncompressed size of any one entry. */
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
  readonly compressedSize: number;
  readonly size: number;
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

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/** An archive whose directory passed the stated-size checks. */
export class ZipArchive {
  readonly #zip: yauzl.ZipFile;
  readonly #entries: Map<string, yauzl.Entry>;
  readonly entries: readonly ZipEntryInfo[];

  private constructor(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) {
    this.#zip = zip;
    this.#entries = entries;
    this.entries = [...entries.values()].map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      size: e.uncompressedSize,
      encrypted: e.isEncrypted(),
    }));
  }

  /** Reads and checks the central directory. Rejects with ZipError. */
  static async open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
        (error, z) =>
          error ? reject(new ZipError(`not a readable ZIP archive: ${firstLine(error)}`, false)) : resolve(z),
      ),
    );
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw new ZipError(`the archive has ${zip.entryCount} entries (at most ${limits.maxEntries})`, true);
    }
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: ZipError) => {
        zip.close();
        reject(error);
      };
      zip.on('error', (error: unknown) =>
        fail(new ZipError(`the ZIP directory is damaged: ${firstLine(error)}`, false)),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (e: yauzl.Entry) => {
        const name = e.fileName;
        const size = e.uncompressedSize;
        if (size > limits.maxEntryBytes) {
          fail(
            new ZipError(
              `entry "${name}" would unpack to ${mb(size)} (at most ${mb(limits.maxEntryBytes)} per entry)`,
              true,
            ),
          );
          return;
        }
        const ratio = size / Math.max(1, e.compressedSize);
        if (size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          fail(new ZipError(`entry "${name}" is compressed ${Math.round(ratio)} times (a zip bomb?)`, true));
          return;
        }
        total += size;
        if (total > limits.maxTotalBytes) {
          fail(new ZipError(`the archive would unpack to more than ${mb(limits.maxTotalBytes)}`, true));
          return;
        }
        if (!entries.has(name)) entries.set(name, e);
        zip.readEntry();
      });
      zip.readEntry();
    });
    return new ZipArchive(zip, entries);
  }

  /** Inflates one entry, never past the size it declared. Rejects with ZipError. */
  async read(name: string): Promise<Uint8Array> {
    const entry = this.#entries.get(name);
    if (entry === undefined) throw new ZipError(`entry "${name}" is not in the archive`, false);
    if (entry.isEncrypted()) throw new ZipError(`entry "${name}" is encrypted (the file is password-protected)`, false);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw new ZipError(`entry "${name}" uses an unsupported compression method (${entry.compressionMethod})`, false);
    const declared = entry.uncompressedSize;
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.#zip.openReadStream(entry, (error, s) =>
        error ? reject(new ZipError(`entry "${name}" is damaged: ${firstLine(error)}`, false)) : resolve(s),
      ),
    );
    const out = Buffer.allocUnsafe(declared);
    let got = 0;
    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const fail = (error: ZipError) => {
        if (settled) return;
        settled = true;
        (stream as unknown as { destroy(): void }).destroy();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        if (got + chunk.length > declared) {
          fail(
            new ZipError(`entry "${name}" unpacks to more than the ${declared} bytes it declares (a zip bomb?)`, true),
          );
          return;
        }
        chunk.copy(out, got);
        got += chunk.length;
      });
      stream.on('error', (error: unknown) => {
        const message = firstLine(error);
        fail(
          /too many bytes/.test(message)
            ? new ZipError(`entry "${name}" unpacks to more than the ${declared} bytes it declares (a zip bomb?)`, true)
            : new ZipError(`entry "${name}" cannot be unpacked: ${message}`, false),
        );
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        if (got !== declared)
          reject(new ZipError(`entry "${name}" unpacks to ${got} bytes but declares ${declared}`, false));
        else resolve(new Uint8Array(out.buffer, out.byteOffset, got));
      });
    });
  }

  close(): void {
    this.#zip.close();
  }
}
