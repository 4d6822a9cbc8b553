/**
 * The rows of an incidents import held between reading and writing: columns of typed arrays
 * (IncidentChunk, server/queries/imports-incidents.ts) that grow when one source batch brings more
 * rows than a chunk, and dictionaries numbering the texts the columns index.
 */
import type { IncidentChunk } from '../../queries/imports-incidents.ts';

/** A growable chunk of incident rows (IncidentChunk plus the file row numbers, for issues). */
export class Chunk implements IncidentChunk {
  n = 0;
  rowNo: Int32Array;
  caseId: (string | null)[] = [];
  occurredUs: Float64Array;
  monthDays: Int32Array;
  type: Int32Array;
  group: Int32Array;
  legacy: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  station: Int32Array;
  zone: Int32Array;
  zoneFromFile: Int32Array;
  ringCount = 0;
  ringRow = new Int32Array(1024);
  ringZone = new Int32Array(1024);

  constructor(capacity: number) {
    this.rowNo = new Int32Array(capacity);
    this.occurredUs = new Float64Array(capacity);
    this.monthDays = new Int32Array(capacity);
    this.type = new Int32Array(capacity);
    this.group = new Int32Array(capacity);
    this.legacy = new Int32Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.station = new Int32Array(capacity);
    this.zone = new Int32Array(capacity);
    this.zoneFromFile = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.rowNo.length;
  }

  /** Doubles the capacity (one source batch may hold more rows than a chunk, e.g. a whole sheet). */
  grow(): void {
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.rowNo = more(this.rowNo);
    this.occurredUs = more(this.occurredUs);
    this.monthDays = more(this.monthDays);
    this.type = more(this.type);
    this.group = more(this.group);
    this.legacy = more(this.legacy);
    this.lat = more(this.lat);
    this.lon = more(this.lon);
    this.station = more(this.station);
    this.zone = more(this.zone);
    this.zoneFromFile = more(this.zoneFromFile);
  }

  /** Keeps the rows whose `keep` is 1, in order. */
  compact(keep: Uint8Array): void {
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      if (keep[i] === 0) continue;
      if (w !== i) {
        this.rowNo[w] = this.rowNo[i] as number;
        this.caseId[w] = this.caseId[i] ?? null;
        this.occurredUs[w] = this.occurredUs[i] as number;
        this.monthDays[w] = this.monthDays[i] as number;
        this.type[w] = this.type[i] as number;
        this.group[w] = this.group[i] as number;
        this.legacy[w] = this.legacy[i] as number;
        this.lat[w] = this.lat[i] as number;
        this.lon[w] = this.lon[i] as number;
        this.station[w] = this.station[i] as number;
        this.zone[w] = this.zone[i] as number;
        this.zoneFromFile[w] = this.zoneFromFile[i] as number;
      }
      w++;
    }
    this.n = w;
    this.caseId.length = w;
  }

  addRing(row: number, zone: number): void {
    if (this.ringCount === this.ringRow.length) {
      const r = new Int32Array(this.ringRow.length * 2);
      r.set(this.ringRow);
      this.ringRow = r;
      const z = new Int32Array(this.ringZone.length * 2);
      z.set(this.ringZone);
      this.ringZone = z;
    }
    this.ringRow[this.ringCount] = row;
    this.ringZone[this.ringCount] = zone;
    this.ringCount++;
  }

  clear(): void {
    this.n = 0;
    this.caseId.length = 0;
    this.ringCount = 0;
  }
}

/** Texts numbered in order of first sight (types, stations, zones of a file). */
export class Dict {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  id(v: string): number {
    let i = this.#index.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.#index.set(v, i);
    }
    return i;
  }
}
