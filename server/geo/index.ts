/**
 * Spatial index of zones: which zone contains a point, and in which zones' buffer rings it lies.
 *
 * Rules (identical to contains.ts, which is the brute-force reference; tests check agreement):
 * - Inside = inside the polygon, boundary included (closed set), holes excluded; MultiPolygon =
 *   inside any part.
 * - Buffer ring of a zone = outside its polygon and within `bufferMeters` (inclusive) of its
 *   boundary (outer rings and holes), distance measured as `pointToSegmentM` does. A point inside
 *   zone A can be in B's ring. A point in a hole of A, near the hole's edge, is in A's ring.
 * - Overlapping zones: `zoneId` is the containing zone with the SMALLEST area (WGS84 km²); equal
 *   areas: the smallest id (UTF-16 order). Shared edges of adjacent zones count as inside both,
 *   so the same rule picks one. The other containing zones are neither the zone nor the ring.
 * - `ringZoneIds` are in the order the zones were given to `buildZoneIndex`.
 *
 * Structure: a uniform grid over the zones' boxes (each grown by its buffer) holds candidate zone
 * numbers per cell; then per candidate a box test, even-odd ray casting and exact point-to-edge
 * distances on flat Float64Arrays. Zones with many edges (> 64) also get latitude bands so that a
 * lookup touches only the edges near the point's latitude (a 5,000-vertex district costs about as
 * much as a 30-vertex zone).
 */
import { crosses, onSegment } from './contains.ts';
import { expandBBox, geometryAreaKm2, METRES_PER_DEGREE, metresPerDegreeLon, segmentDist2 } from './measure.ts';
import type { BBox, ReadonlyPosition, ReadonlyZoneGeometry } from './types.ts';

export interface ZoneIndexInput {
  readonly id: string;
  readonly stationCode: string;
  /** Validated geometry (see validateGeometry); an open ring is closed implicitly. */
  readonly geometry: ReadonlyZoneGeometry;
  /** Width of the buffer ring, metres (>= 0; the KPI default is 500). */
  readonly bufferMeters: number;
}

export interface ZoneLocation {
  /** The zone containing the point (smallest area when zones overlap), or null. */
  zoneId: string | null;
  /** Zones whose buffer ring contains the point, in input order. */
  ringZoneIds: string[];
}

export interface LocateOptions {
  /** Only consider this station's zones (an unknown code matches nothing). */
  readonly stationCode?: string;
}

export interface ZoneIndexStats {
  readonly zones: number;
  readonly vertices: number;
  readonly cellsX: number;
  readonly cellsY: number;
  /** Zone entries over all cells (a zone is listed in every cell its grown box touches). */
  readonly entries: number;
  /** Zones that got latitude bands (> 64 edges). */
  readonly bandedZones: number;
}

export interface ZoneIndex {
  /** Zone ids in input order; `locateInto` returns positions in this array. */
  readonly zoneIds: readonly string[];
  readonly stats: ZoneIndexStats;
  locate(lon: number, lat: number, options?: LocateOptions): ZoneLocation;
  /**
   * Allocation-free variant for hot loops: returns the containing zone's position in `zoneIds`
   * (or -1) and REPLACES the contents of `ringOut` with the positions of the ring zones.
   */
  locateInto(lon: number, lat: number, ringOut: number[], stationCode?: string): number;
  /** Area (km², WGS84) of a zone, as used for the overlap rule; undefined for an unknown id. */
  areaKm2(zoneId: string): number | undefined;
}

/** Zones with more edges than this get latitude bands. */
const BAND_THRESHOLD = 64;
/** Target edges per band. */
const EDGES_PER_BAND = 8;
const MAX_BANDS = 4096;
const MAX_CELLS = 1 << 21;
/** d² (m²) below which an edge is checked for exact contact (boundary = inside). */
const CONTACT_D2 = 1e-6;

/**
 * Builds the index. Throws on duplicate ids, a negative or non-finite buffer, or a non-finite
 * coordinate (validate geometry first). Cost is linear in vertices; 3,000 zones take a few ms.
 */
export function buildZoneIndex(zones: readonly ZoneIndexInput[]): ZoneIndex {
  return new GridZoneIndex(zones);
}

class GridZoneIndex implements ZoneIndex {
  readonly zoneIds: readonly string[];
  readonly stats: ZoneIndexStats;

  // Vertices, interleaved lon/lat; rings are closed and contiguous.
  private readonly coords: Float64Array;
  /** Ring r: vertices [ringStart[r], ringStart[r + 1]). */
  private readonly ringStart: Int32Array;
  /** Part p: rings [partRing[p], partRing[p + 1]). */
  private readonly partRing: Int32Array;
  /** Part boxes: minLon, minLat, maxLon, maxLat. */
  private readonly partBox: Float64Array;
  /** Zone z: parts [zonePart[z], zonePart[z + 1]). */
  private readonly zonePart: Int32Array;
  private readonly zoneBox: Float64Array;
  /** Boxes grown by the zone's buffer. */
  private readonly zoneBoxX: Float64Array;
  private readonly zoneBuf: Float64Array;
  /** Early-exit threshold: buffer² * (1 - 1e-9). */
  private readonly zoneBuf2: Float64Array;
  private readonly zoneRank: Int32Array;
  private readonly zoneStation: Int32Array;
  private readonly zoneArea: Float64Array;
  private readonly stationNumber = new Map<string, number>();
  private readonly zoneNumber = new Map<string, number>();

  // Latitude bands of large zones.
  /** -1, or the zone's band table number. */
  private readonly zoneBand: Int32Array;
  private readonly bandY0: Float64Array;
  private readonly bandInvH: Float64Array;
  private readonly bandCount: Int32Array;
  /** Band table t, band b: entries [bandStart[bandBase[t] + b], bandStart[bandBase[t] + b + 1]). */
  private readonly bandBase: Int32Array;
  private readonly bandStart: Int32Array;
  /** Edge = index of its first vertex. */
  private readonly bandEdge: Int32Array;
  /** Part of that edge, relative to the zone's first part. */
  private readonly bandEdgePart: Int32Array;
  private readonly parity: Uint8Array;

  // Grid.
  private readonly gx0: number;
  private readonly gy0: number;
  private readonly gx1: number;
  private readonly gy1: number;
  private readonly invW: number;
  private readonly invH: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;

  private readonly scratch: number[] = [];

  constructor(zones: readonly ZoneIndexInput[]) {
    const nz = zones.length;
    const ids: string[] = [];
    // ---- flatten geometry ----
    let nVert = 0;
    let nRing = 0;
    let nPart = 0;
    for (const z of zones) {
      const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
      for (const poly of polys) {
        nPart++;
        for (const ring of poly) {
          nRing++;
          nVert += ring.length + 1;
        }
      }
    }
    const coords = new Float64Array(2 * nVert);
    const ringStart = new Int32Array(nRing + 1);
    const partRing = new Int32Array(nPart + 1);
    const partBox = new Float64Array(4 * nPart);
    const zonePart = new Int32Array(nz + 1);
    const zoneBox = new Float64Array(4 * nz);
    const zoneBoxX = new Float64Array(4 * nz);
    const zoneBuf = new Float64Array(nz);
    const zoneBuf2 = new Float64Array(nz);
    const zoneStation = new Int32Array(nz);
    const zoneArea = new Float64Array(nz);
    let v = 0;
    let r = 0;
    let p = 0;
    let maxParts = 1;
    zones.forEach((z, zi) => {
      if (this.zoneNumber.has(z.id)) throw new Error(`buildZoneIndex: duplicate zone id ${JSON.stringify(z.id)}`);
      this.zoneNumber.set(z.id, zi);
      ids.push(z.id);
      if (!Number.isFinite(z.bufferMeters) || z.bufferMeters < 0) {
        throw new Error(`buildZoneIndex: zone ${z.id}: bufferMeters must be a finite number >= 0`);
      }
      let st = this.stationNumber.get(z.stationCode);
      if (st === undefined) {
        st = this.stationNumber.size;
        this.stationNumber.set(z.stationCode, st);
      }
      zoneStation[zi] = st;
      zoneBuf[zi] = z.bufferMeters;
      zoneBuf2[zi] = z.bufferMeters * z.bufferMeters * (1 - 1e-9);
      zoneArea[zi] = geometryAreaKm2(z.geometry);
      zonePart[zi] = p;
      const zb: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
      const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
      maxParts = Math.max(maxParts, polys.length);
      for (const poly of polys) {
        partRing[p] = r;
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const ring of poly) {
          ringStart[r++] = v;
          if (ring.length === 0) continue;
          for (const pos of ring) {
            const x = pos[0];
            const y = pos[1];
            if (!Number.isFinite(x) || !Number.isFinite(y)) {
              throw new Error(`buildZoneIndex: zone ${z.id}: non-finite coordinate (validate the geometry first)`);
            }
            coords[2 * v] = x;
            coords[2 * v + 1] = y;
            v++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
          const first = ring[0] as ReadonlyPosition;
          const last = ring[ring.length - 1] as ReadonlyPosition;
          if (first[0] !== last[0] || first[1] !== last[1]) {
            coords[2 * v] = first[0];
            coords[2 * v + 1] = first[1];
            v++;
          }
        }
        partBox[4 * p] = minX;
        partBox[4 * p + 1] = minY;
        partBox[4 * p + 2] = maxX;
        partBox[4 * p + 3] = maxY;
        zb.minLon = Math.min(zb.minLon, minX);
        zb.minLat = Math.min(zb.minLat, minY);
        zb.maxLon = Math.max(zb.maxLon, maxX);
        zb.maxLat = Math.max(zb.maxLat, maxY);
        p++;
      }
      zoneBox.set([zb.minLon, zb.minLat, zb.maxLon, zb.maxLat], 4 * zi);
      if (zb.minLon <= zb.maxLon) {
        const x = expandBBox(zb, z.bufferMeters);
        zoneBoxX.set([x.minLon, x.minLat, x.maxLon, x.maxLat], 4 * zi);
      } else {
        // No vertices: a box no point is in.
        zoneBoxX.set([Infinity, Infinity, -Infinity, -Infinity], 4 * zi);
      }
    });
    ringStart[r] = v;
    partRing[p] = r;
    zonePart[nz] = p;
    this.zoneIds = ids;
    this.coords = coords.subarray(0, 2 * v);
    this.ringStart = ringStart;
    this.partRing = partRing;
    this.partBox = partBox;
    this.zonePart = zonePart;
    this.zoneBox = zoneBox;
    this.zoneBoxX = zoneBoxX;
    this.zoneBuf = zoneBuf;
    this.zoneBuf2 = zoneBuf2;
    this.zoneStation = zoneStation;
    this.zoneArea = zoneArea;
    this.parity = new Uint8Array(maxParts);

    // ---- overlap rank: smallest area, then smallest id ----
    const order = ids.map((_, i) => i);
    order.sort((a, b) => {
      const da = (zoneArea[a] ?? 0) - (zoneArea[b] ?? 0);
      if (da !== 0) return da;
      const ia = ids[a] ?? '';
      const ib = ids[b] ?? '';
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    this.zoneRank = new Int32Array(nz);
    order.forEach((zi, rank) => {
      this.zoneRank[zi] = rank;
    });

    // ---- latitude bands for large zones ----
    const zoneBand = new Int32Array(nz).fill(-1);
    const bandY0: number[] = [];
    const bandInvH: number[] = [];
    const bandCount: number[] = [];
    const bandBase: number[] = [];
    const bandStartL: number[] = [];
    const bandEdgeL: number[] = [];
    const bandEdgePartL: number[] = [];
    for (let zi = 0; zi < nz; zi++) {
      const p0 = zonePart[zi] ?? 0;
      const p1 = zonePart[zi + 1] ?? 0;
      const v0 = ringStart[partRing[p0] ?? 0] ?? 0;
      const v1 = ringStart[partRing[p1] ?? 0] ?? 0;
      const edges = v1 - v0; // upper bound (one closing vertex per ring is not an edge start)
      if (edges <= BAND_THRESHOLD) continue;
      const y0 = zoneBox[4 * zi + 1] ?? 0;
      const y1 = zoneBox[4 * zi + 3] ?? 0;
      const nb = y1 > y0 ? Math.min(MAX_BANDS, Math.max(1, Math.ceil(edges / EDGES_PER_BAND))) : 1;
      const invH = y1 > y0 ? nb / (y1 - y0) : 0;
      const t = bandY0.length;
      zoneBand[zi] = t;
      bandY0.push(y0);
      bandInvH.push(invH);
      bandCount.push(nb);
      bandBase.push(bandStartL.length);
      const lists: number[][] = Array.from({ length: nb }, () => []);
      const listParts: number[][] = Array.from({ length: nb }, () => []);
      for (let pp = p0; pp < p1; pp++) {
        for (let rr = partRing[pp] ?? 0; rr < (partRing[pp + 1] ?? 0); rr++) {
          const e1 = (ringStart[rr + 1] ?? 0) - 1;
          for (let e = ringStart[rr] ?? 0; e < e1; e++) {
            const ay = coords[2 * e + 1] ?? 0;
            const by = coords[2 * e + 3] ?? 0;
            const b0 = bandOf(Math.min(ay, by), y0, invH, nb);
            const b1 = bandOf(Math.max(ay, by), y0, invH, nb);
            for (let b = b0; b <= b1; b++) {
              lists[b]?.push(e);
              listParts[b]?.push(pp - p0);
            }
          }
        }
      }
      for (let b = 0; b < nb; b++) {
        bandStartL.push(bandEdgeL.length);
        for (const e of lists[b] ?? []) bandEdgeL.push(e);
        for (const q of listParts[b] ?? []) bandEdgePartL.push(q);
      }
      bandStartL.push(bandEdgeL.length);
    }
    this.zoneBand = zoneBand;
    this.bandY0 = Float64Array.from(bandY0);
    this.bandInvH = Float64Array.from(bandInvH);
    this.bandCount = Int32Array.from(bandCount);
    this.bandBase = Int32Array.from(bandBase);
    this.bandStart = Int32Array.from(bandStartL);
    this.bandEdge = Int32Array.from(bandEdgeL);
    this.bandEdgePart = Int32Array.from(bandEdgePartL);

    // ---- grid over the grown boxes ----
    let gx0 = Infinity;
    let gy0 = Infinity;
    let gx1 = -Infinity;
    let gy1 = -Infinity;
    const widths: number[] = [];
    const heights: number[] = [];
    for (let zi = 0; zi < nz; zi++) {
      const a = zoneBoxX[4 * zi] ?? 0;
      const b = zoneBoxX[4 * zi + 1] ?? 0;
      const c = zoneBoxX[4 * zi + 2] ?? 0;
      const d = zoneBoxX[4 * zi + 3] ?? 0;
      if (!(a <= c)) continue;
      gx0 = Math.min(gx0, a);
      gy0 = Math.min(gy0, b);
      gx1 = Math.max(gx1, c);
      gy1 = Math.max(gy1, d);
      widths.push(c - a);
      heights.push(d - b);
    }
    if (widths.length === 0) {
      gx0 = gy0 = 0;
      gx1 = gy1 = -1; // empty: nothing is inside
    }
    let cellW = Math.max(median(widths), 1e-7);
    let cellH = Math.max(median(heights), 1e-7);
    let nx = 1;
    let ny = 1;
    let entries = 0;
    for (;;) {
      nx = widths.length === 0 ? 1 : Math.floor((gx1 - gx0) / cellW) + 1;
      ny = widths.length === 0 ? 1 : Math.floor((gy1 - gy0) / cellH) + 1;
      if (nx * ny > MAX_CELLS) {
        cellW *= 2;
        cellH *= 2;
        continue;
      }
      entries = 0;
      for (let zi = 0; zi < nz; zi++) {
        const a = zoneBoxX[4 * zi] ?? 0;
        const c = zoneBoxX[4 * zi + 2] ?? 0;
        if (!(a <= c)) continue;
        const sx = cellOf(c, gx0, 1 / cellW, nx) - cellOf(a, gx0, 1 / cellW, nx) + 1;
        const sy =
          cellOf(zoneBoxX[4 * zi + 3] ?? 0, gy0, 1 / cellH, ny) -
          cellOf(zoneBoxX[4 * zi + 1] ?? 0, gy0, 1 / cellH, ny) +
          1;
        entries += sx * sy;
      }
      if (entries > Math.max(8 * nz, 1 << 22)) {
        cellW *= 2;
        cellH *= 2;
        continue;
      }
      break;
    }
    const invW = 1 / cellW;
    const invH = 1 / cellH;
    const cellStart = new Int32Array(nx * ny + 1);
    const spans: number[] = [];
    for (let zi = 0; zi < nz; zi++) {
      const a = zoneBoxX[4 * zi] ?? 0;
      const c = zoneBoxX[4 * zi + 2] ?? 0;
      if (!(a <= c)) {
        spans.push(0, -1, 0, -1);
        continue;
      }
      const cx0 = cellOf(a, gx0, invW, nx);
      const cx1 = cellOf(c, gx0, invW, nx);
      const cy0 = cellOf(zoneBoxX[4 * zi + 1] ?? 0, gy0, invH, ny);
      const cy1 = cellOf(zoneBoxX[4 * zi + 3] ?? 0, gy0, invH, ny);
      spans.push(cx0, cx1, cy0, cy1);
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) cellStart[cy * nx + cx + 1] = (cellStart[cy * nx + cx + 1] ?? 0) + 1;
      }
    }
    for (let i = 0; i < nx * ny; i++) cellStart[i + 1] = (cellStart[i + 1] ?? 0) + (cellStart[i] ?? 0);
    const fill = cellStart.slice(0, nx * ny);
    const cellItems = new Int32Array(entries);
    // Zones in input order within each cell (ring ids come out in input order).
    for (let zi = 0; zi < nz; zi++) {
      const cx0 = spans[4 * zi] ?? 0;
      const cx1 = spans[4 * zi + 1] ?? -1;
      const cy0 = spans[4 * zi + 2] ?? 0;
      const cy1 = spans[4 * zi + 3] ?? -1;
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const cell = cy * nx + cx;
          cellItems[fill[cell] ?? 0] = zi;
          fill[cell] = (fill[cell] ?? 0) + 1;
        }
      }
    }
    this.gx0 = gx0;
    this.gy0 = gy0;
    this.gx1 = gx1;
    this.gy1 = gy1;
    this.invW = invW;
    this.invH = invH;
    this.nx = nx;
    this.ny = ny;
    this.cellStart = cellStart;
    this.cellItems = cellItems;
    this.stats = {
      zones: nz,
      vertices: v,
      cellsX: nx,
      cellsY: ny,
      entries,
      bandedZones: bandY0.length,
    };
  }

  areaKm2(zoneId: string): number | undefined {
    const zi = this.zoneNumber.get(zoneId);
    return zi === undefined ? undefined : this.zoneArea[zi];
  }

  locate(lon: number, lat: number, options?: LocateOptions): ZoneLocation {
    const ring = this.scratch;
    const zi = this.locateInto(lon, lat, ring, options?.stationCode);
    const ringZoneIds: string[] = [];
    for (const k of ring) ringZoneIds.push(this.zoneIds[k] as string);
    return { zoneId: zi < 0 ? null : (this.zoneIds[zi] as string), ringZoneIds };
  }

  locateInto(lon: number, lat: number, ringOut: number[], stationCode?: string): number {
    ringOut.length = 0;
    // NaN fails every comparison, so it lands here too.
    if (!(lon >= this.gx0 && lon <= this.gx1 && lat >= this.gy0 && lat <= this.gy1)) return -1;
    let station = -1;
    if (stationCode !== undefined) {
      const s = this.stationNumber.get(stationCode);
      if (s === undefined) return -1;
      station = s;
    }
    let cx = Math.floor((lon - this.gx0) * this.invW);
    if (cx >= this.nx) cx = this.nx - 1;
    let cy = Math.floor((lat - this.gy0) * this.invH);
    if (cy >= this.ny) cy = this.ny - 1;
    const cell = cy * this.nx + cx;
    const k1 = this.cellStart[cell + 1] as number;
    const boxX = this.zoneBoxX;
    const box = this.zoneBox;
    let best = -1;
    let bestRank = 0x7fffffff;
    let kx = Number.NaN;
    for (let k = this.cellStart[cell] as number; k < k1; k++) {
      const z = this.cellItems[k] as number;
      const b = 4 * z;
      if (
        lon < (boxX[b] as number) ||
        lat < (boxX[b + 1] as number) ||
        lon > (boxX[b + 2] as number) ||
        lat > (boxX[b + 3] as number)
      ) {
        continue;
      }
      if (station >= 0 && this.zoneStation[z] !== station) continue;
      const inBox =
        lon >= (box[b] as number) &&
        lat >= (box[b + 1] as number) &&
        lon <= (box[b + 2] as number) &&
        lat <= (box[b + 3] as number);
      if (inBox && this.contains(z, lon, lat)) {
        const rank = this.zoneRank[z] as number;
        if (rank < bestRank) {
          bestRank = rank;
          best = z;
        }
        continue;
      }
      if (Number.isNaN(kx)) kx = metresPerDegreeLon(lat);
      const status = this.ringStatus(z, lon, lat, kx, inBox);
      if (status === 2) {
        const rank = this.zoneRank[z] as number;
        if (rank < bestRank) {
          bestRank = rank;
          best = z;
        }
      } else if (status === 1) {
        ringOut.push(z);
      }
    }
    return best;
  }

  /** Even-odd ray casting per part (boundary not decided here). */
  private contains(z: number, lon: number, lat: number): boolean {
    const coords = this.coords;
    const p0 = this.zonePart[z] as number;
    const p1 = this.zonePart[z + 1] as number;
    const t = this.zoneBand[z] as number;
    if (t >= 0) return this.containsBanded(t, p0, p1, lon, lat);
    const pb = this.partBox;
    for (let p = p0; p < p1; p++) {
      const b = 4 * p;
      if (
        lon < (pb[b] as number) ||
        lat < (pb[b + 1] as number) ||
        lon > (pb[b + 2] as number) ||
        lat > (pb[b + 3] as number)
      ) {
        continue;
      }
      let inside = false;
      const r1 = this.partRing[p + 1] as number;
      for (let r = this.partRing[p] as number; r < r1; r++) {
        const e1 = (this.ringStart[r + 1] as number) - 1;
        for (let e = this.ringStart[r] as number; e < e1; e++) {
          const i = 2 * e;
          if (
            crosses(
              lon,
              lat,
              coords[i] as number,
              coords[i + 1] as number,
              coords[i + 2] as number,
              coords[i + 3] as number,
            )
          ) {
            inside = !inside;
          }
        }
      }
      if (inside) return true;
    }
    return false;
  }

  private containsBanded(t: number, p0: number, p1: number, lon: number, lat: number): boolean {
    const coords = this.coords;
    const parity = this.parity;
    const np = p1 - p0;
    parity.fill(0, 0, np);
    const nb = this.bandCount[t] as number;
    const band = bandOf(lat, this.bandY0[t] as number, this.bandInvH[t] as number, nb);
    const s = (this.bandBase[t] as number) + band;
    const k1 = this.bandStart[s + 1] as number;
    for (let k = this.bandStart[s] as number; k < k1; k++) {
      const i = 2 * (this.bandEdge[k] as number);
      if (
        crosses(
          lon,
          lat,
          coords[i] as number,
          coords[i + 1] as number,
          coords[i + 2] as number,
          coords[i + 3] as number,
        )
      ) {
        const q = this.bandEdgePart[k] as number;
        parity[q] = (parity[q] as number) ^ 1;
      }
    }
    for (let q = 0; q < np; q++) if (parity[q] === 1) return true;
    return false;
  }

  /**
   * 0 = not in the ring, 1 = in the ring, 2 = on the boundary (inside). Called only when ray
   * casting said outside (or the point is outside the zone's box).
   */
  private ringStatus(z: number, lon: number, lat: number, kx: number, inBox: boolean): 0 | 1 | 2 {
    const coords = this.coords;
    const early = this.zoneBuf2[z] as number;
    let best = Infinity;
    const t = this.zoneBand[z] as number;
    if (t < 0) {
      const r0 = this.partRing[this.zonePart[z] as number] as number;
      const r1 = this.partRing[this.zonePart[z + 1] as number] as number;
      for (let r = r0; r < r1; r++) {
        const e1 = (this.ringStart[r + 1] as number) - 1;
        for (let e = this.ringStart[r] as number; e < e1; e++) {
          const d2 = edgeDist2(coords, 2 * e, lon, lat, kx);
          if (d2 < best) {
            best = d2;
            const hit = edgeHit(coords, 2 * e, d2, lon, lat, inBox, early);
            if (hit !== 0) return hit;
          }
        }
      }
    } else {
      const nb = this.bandCount[t] as number;
      const y0 = this.bandY0[t] as number;
      const invH = this.bandInvH[t] as number;
      const dLat = ((this.zoneBuf[z] as number) / METRES_PER_DEGREE) * (1 + 1e-9);
      const b0 = bandOf(lat - dLat, y0, invH, nb);
      const b1 = bandOf(lat + dLat, y0, invH, nb);
      const base = this.bandBase[t] as number;
      const k1 = this.bandStart[base + b1 + 1] as number;
      for (let k = this.bandStart[base + b0] as number; k < k1; k++) {
        const i = 2 * (this.bandEdge[k] as number);
        const d2 = edgeDist2(coords, i, lon, lat, kx);
        if (d2 < best) {
          best = d2;
          const hit = edgeHit(coords, i, d2, lon, lat, inBox, early);
          if (hit !== 0) return hit;
        }
      }
    }
    return Math.sqrt(best) <= (this.zoneBuf[z] as number) ? 1 : 0;
  }
}

/** Squared distance (scaled degrees) from the point to the edge starting at coords[i]. */
function edgeDist2(coords: Float64Array, i: number, lon: number, lat: number, kx: number): number {
  return segmentDist2(
    lon,
    lat,
    kx,
    coords[i] as number,
    coords[i + 1] as number,
    coords[i + 2] as number,
    coords[i + 3] as number,
  );
}

/**
 * What a new nearest edge decides at once: 2 = the point lies on it (only asked inside the zone's
 * box), 1 = the point is within the early-exit distance of the ring, 0 = keep looking.
 */
function edgeHit(
  coords: Float64Array,
  i: number,
  d2: number,
  lon: number,
  lat: number,
  inBox: boolean,
  early: number,
): 0 | 1 | 2 {
  if (inBox) {
    const hit =
      d2 < CONTACT_D2 &&
      onSegment(
        lon,
        lat,
        coords[i] as number,
        coords[i + 1] as number,
        coords[i + 2] as number,
        coords[i + 3] as number,
      );
    return hit ? 2 : 0;
  }
  return d2 < early ? 1 : 0;
}

function bandOf(y: number, y0: number, invH: number, nb: number): number {
  const b = Math.floor((y - y0) * invH);
  return b < 0 ? 0 : b >= nb ? nb - 1 : b;
}

function cellOf(x: number, x0: number, inv: number, n: number): number {
  const c = Math.floor((x - x0) * inv);
  return c < 0 ? 0 : c >= n ? n - 1 : c;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 1;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}
