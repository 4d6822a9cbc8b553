/**
 * Validation and normalisation of a zone geometry (GeoJSON Polygon / MultiPolygon, WGS84).
 *
 * Problems (code: what):
 * - not_an_object      the geometry is missing, null or not an object
 * - unsupported_type   type is not Polygon / MultiPolygon (Point, LineString, GeometryCollection...)
 * - bad_structure      `coordinates` is not nested arrays of the right depth, or a position is not
 *                      an array of 2-3 numbers
 * - empty              no polygon / no ring
 * - non_finite         NaN / Infinity (JSON such as 1e999)
 * - latlon_swapped     a ring whose "lon" values are all 4.5-21.5 and "lat" values 96.5-106.5
 *                      (Thailand written [lat, lon]); reported instead of out_of_range
 * - out_of_range       |lon| > 180 or |lat| > 90 (the message hints at projected metres such as UTM
 *                      47N when the numbers are large)
 * - open_ring          first position != last (reported unless `closeRings`, then a warning)
 * - too_few_positions  fewer than 4 positions (after closing and dropping repeated consecutive
 *                      positions)
 * - zero_area          a ring enclosing less than 1 m²
 * - self_intersection  two edges of one ring cross or touch (non-adjacent edges), or a ring doubles
 *                      back on itself (spike)
 * - rings_intersect    edges of two different rings cross or overlap (touching at a point is allowed)
 * - hole_outside       a hole not inside its outer ring, or inside another hole
 * - parts_overlap      MultiPolygon parts overlapping (one inside the other's area)
 *
 * Locations: `part` (MultiPolygon only), `ring` (0 = outer ring, 1.. = holes) and `vertex` are
 * 0-based indices into the input `coordinates` arrays (so a map can highlight them); the
 * messages count from 1 for people ("part 2, hole 1, vertex 5").
 *
 * Normalised output: rings closed, positions reduced to [lon, lat] (altitude dropped), repeated
 * consecutive positions removed, same type as the input. Winding is left as given.
 *
 * Self-intersection test: all pairs of edges when the geometry has at most 2,000 edges (O(n²),
 * ~2 M segment tests, a few ms); above that a uniform grid of edges, testing only pairs sharing a
 * cell (~linear for real outlines).
 */
import { inBBox, ringAreaKm2, ringBBox } from './measure.ts';
import { pointInRing, pointOnRing, segmentContact } from './contains.ts';
import type { BBox, GeoMessage, MultiPolygon, Polygon, Position, Ring, ZoneGeometry } from './types.ts';

export type GeometryProblemCode =
  | 'not_an_object'
  | 'unsupported_type'
  | 'bad_structure'
  | 'empty'
  | 'non_finite'
  | 'latlon_swapped'
  | 'out_of_range'
  | 'open_ring'
  | 'too_few_positions'
  | 'zero_area'
  | 'self_intersection'
  | 'rings_intersect'
  | 'hole_outside'
  | 'parts_overlap';

export interface GeometryProblem extends GeoMessage {
  readonly code: GeometryProblemCode;
  /** 0-based polygon index in a MultiPolygon (absent for a Polygon). */
  readonly part?: number;
  /** 0-based ring index in its polygon: 0 = outer ring, 1.. = holes. */
  readonly ring?: number;
  /** 0-based position index in the ring as given. */
  readonly vertex?: number;
}

export interface ValidateOptions {
  /** Close open rings (append the first position) and report them as warnings, not problems. */
  readonly closeRings?: boolean;
  /** Read every position as [lat, lon] (the fix for latlon_swapped). */
  readonly swapLatLon?: boolean;
  /** Stop collecting after this many problems (default 50). */
  readonly maxProblems?: number;
}

export type GeometryValidation =
  | {
      readonly ok: true;
      readonly geometry: ZoneGeometry;
      readonly bbox: BBox;
      /** Fixed problems (open rings closed with `closeRings`). */
      readonly warnings: readonly GeometryProblem[];
    }
  | { readonly ok: false; readonly problems: readonly GeometryProblem[] };

/** Pair-test threshold: at most this many edges are checked all-against-all. */
const BRUTE_FORCE_EDGES = 2000;
/** Rings enclosing less than this (km², i.e. 1 m²) have zero area. */
const ZERO_AREA_KM2 = 1e-6;
/** Thailand written as [lat, lon]. */
const SWAPPED = { minX: 4.5, maxX: 21.5, minY: 96.5, maxY: 106.5 };

interface Where {
  part?: number;
  ring?: number;
  vertex?: number;
}

function whereText(w: Where, multi: boolean): GeoMessage {
  const th: string[] = [];
  const en: string[] = [];
  if (multi && w.part !== undefined) {
    th.push(`ส่วนที่ ${w.part + 1}`);
    en.push(`part ${w.part + 1}`);
  }
  if (w.ring !== undefined) {
    th.push(w.ring === 0 ? 'ขอบนอก' : `ขอบรูที่ ${w.ring}`);
    en.push(w.ring === 0 ? 'outer ring' : `hole ${w.ring}`);
  }
  if (w.vertex !== undefined) {
    th.push(`จุดที่ ${w.vertex + 1}`);
    en.push(`vertex ${w.vertex + 1}`);
  }
  return { th: th.join(' '), en: en.join(', ') };
}

class Problems {
  readonly list: GeometryProblem[] = [];
  constructor(
    readonly multi: boolean,
    readonly max: number,
  ) {}
  get full(): boolean {
    return this.list.length >= this.max;
  }
  add(code: GeometryProblemCode, w: Where, msg: (where: GeoMessage) => GeoMessage): void {
    if (this.full) return;
    const m = msg(whereText(w, this.multi));
    const p: { -readonly [K in keyof GeometryProblem]: GeometryProblem[K] } = { code, th: m.th, en: m.en };
    if (this.multi && w.part !== undefined) p.part = w.part;
    if (w.ring !== undefined) p.ring = w.ring;
    if (w.vertex !== undefined) p.vertex = w.vertex;
    this.list.push(p);
  }
}

const pre = (w: GeoMessage, lang: 'th' | 'en') => (w[lang] === '' ? '' : lang === 'th' ? `${w.th}: ` : `${w.en}: `);

/** A ring being checked: its normalised positions and, per position, its index in the input. */
interface WorkRing {
  part: number;
  ring: number;
  positions: Position[];
  source: number[];
  /** Passed every per-ring check: takes part in the topology checks. */
  sound: boolean;
}

/**
 * Checks a geometry and returns it normalised, or every problem found (up to `maxProblems`).
 * Never throws.
 */
export function validateGeometry(geometry: unknown, options: ValidateOptions = {}): GeometryValidation {
  const maxProblems = options.maxProblems ?? 50;
  if (typeof geometry !== 'object' || geometry === null || Array.isArray(geometry)) {
    const P = new Problems(false, maxProblems);
    P.add('not_an_object', {}, () => ({
      th: 'ไม่มีข้อมูลรูปทรง (geometry) หรือรูปแบบไม่ถูกต้อง',
      en: 'The geometry is missing or is not an object',
    }));
    return { ok: false, problems: P.list };
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    const P = new Problems(false, maxProblems);
    const t = typeof g.type === 'string' ? g.type : String(g.type);
    P.add('unsupported_type', {}, () => ({
      th: `รูปทรงชนิด ${t} ใช้เป็นพื้นที่ไม่ได้ ต้องเป็น Polygon หรือ MultiPolygon`,
      en: `Geometry type ${t} cannot be a zone; it must be a Polygon or MultiPolygon`,
    }));
    return { ok: false, problems: P.list };
  }
  const multi = g.type === 'MultiPolygon';
  const P = new Problems(multi, maxProblems);
  const badStructure = (w: Where, what: GeoMessage) =>
    P.add('bad_structure', w, (at) => ({
      th: `${pre(at, 'th')}โครงสร้างพิกัดไม่ถูกต้อง: ${what.th}`,
      en: `${pre(at, 'en')}malformed coordinates: ${what.en}`,
    }));

  // ---- structure: polygons -> rings -> raw positions ----
  const rawPolys: unknown[] = [];
  if (!Array.isArray(g.coordinates)) {
    badStructure({}, { th: 'ไม่มีรายการ coordinates', en: '"coordinates" is not an array' });
    return { ok: false, problems: P.list };
  }
  if (multi) rawPolys.push(...g.coordinates);
  else rawPolys.push(g.coordinates);
  if (rawPolys.length === 0) {
    P.add('empty', {}, () => ({ th: 'รูปทรงว่าง ไม่มีรูปหลายเหลี่ยม', en: 'The geometry is empty: no polygon' }));
    return { ok: false, problems: P.list };
  }

  const work: WorkRing[] = [];
  const warnings = new Problems(multi, maxProblems);
  rawPolys.forEach((rawPoly, part) => {
    if (!Array.isArray(rawPoly)) {
      badStructure({ part }, { th: 'รูปหลายเหลี่ยมต้องเป็นรายการของเส้นขอบ', en: 'a polygon must be an array of rings' });
      return;
    }
    if (rawPoly.length === 0) {
      P.add('empty', { part }, (at) => ({
        th: `${pre(at, 'th')}รูปหลายเหลี่ยมว่าง ไม่มีเส้นขอบ`,
        en: `${pre(at, 'en')}empty polygon: no ring`,
      }));
      return;
    }
    rawPoly.forEach((rawRing, ring) => {
      const w = checkRing(rawRing, part, ring, P, warnings, options);
      if (w !== null) work.push(w);
    });
  });

  // ---- topology, on the rings that passed the per-ring checks ----
  const sound = work.filter((w) => w.sound);
  if (sound.length > 0 && !P.full) checkIntersections(sound, P);
  // A simple ring can still enclose (almost) nothing.
  if (P.list.length === 0) {
    for (const w of work) if (ringAreaKm2(w.positions) < ZERO_AREA_KM2) addZeroArea(P, { part: w.part, ring: w.ring });
  }
  if (P.list.length === 0) checkNesting(work, P);

  if (P.list.length > 0) return { ok: false, problems: P.list };

  // ---- normalised result ----
  const polys: Ring[][] = [];
  for (const w of work) {
    let poly = polys[w.part];
    if (!poly) {
      poly = [];
      polys[w.part] = poly;
    }
    poly[w.ring] = w.positions;
  }
  const out: ZoneGeometry = multi
    ? ({ type: 'MultiPolygon', coordinates: polys } satisfies MultiPolygon)
    : ({ type: 'Polygon', coordinates: polys[0] ?? [] } satisfies Polygon);
  const bbox: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const w of work) {
    const b = ringBBox(w.positions);
    bbox.minLon = Math.min(bbox.minLon, b.minLon);
    bbox.minLat = Math.min(bbox.minLat, b.minLat);
    bbox.maxLon = Math.max(bbox.maxLon, b.maxLon);
    bbox.maxLat = Math.max(bbox.maxLat, b.maxLat);
  }
  return { ok: true, geometry: out, bbox, warnings: warnings.list };
}

/** Per-ring checks; returns the normalised ring (or null when its structure is unusable). */
function checkRing(
  rawRing: unknown,
  part: number,
  ring: number,
  P: Problems,
  warnings: Problems,
  options: ValidateOptions,
): WorkRing | null {
  const w0: Where = { part, ring };
  if (!Array.isArray(rawRing)) {
    P.add('bad_structure', w0, (at) => ({
      th: `${pre(at, 'th')}โครงสร้างพิกัดไม่ถูกต้อง: เส้นขอบต้องเป็นรายการของจุด`,
      en: `${pre(at, 'en')}malformed coordinates: a ring must be an array of positions`,
    }));
    return null;
  }
  const raw: Position[] = [];
  for (let i = 0; i < rawRing.length; i++) {
    const pos: unknown = rawRing[i];
    if (!Array.isArray(pos) || pos.length < 2 || pos.length > 4 || !pos.every((c: unknown) => typeof c === 'number')) {
      P.add('bad_structure', { ...w0, vertex: i }, (at) => ({
        th: `${pre(at, 'th')}โครงสร้างพิกัดไม่ถูกต้อง: แต่ละจุดต้องเป็นตัวเลข [ลองจิจูด, ละติจูด]`,
        en: `${pre(at, 'en')}malformed coordinates: each position must be numbers [lon, lat]`,
      }));
      return null;
    }
    const a = pos[0] as number;
    const b = pos[1] as number;
    raw.push(options.swapLatLon ? [b, a] : [a, b]);
  }

  let sound = true;
  // Non-finite.
  const nonFinite = raw.flatMap((p, i) => (Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [] : [i]));
  if (nonFinite.length > 0) {
    const first = nonFinite[0] as number;
    P.add('non_finite', { ...w0, vertex: first }, (at) => ({
      th: `${pre(at, 'th')}พิกัดไม่ใช่ตัวเลขที่ใช้ได้ (NaN หรือไม่จำกัด)${nonFinite.length > 1 ? ` รวม ${nonFinite.length} จุด` : ''}`,
      en: `${pre(at, 'en')}coordinate is not a finite number${nonFinite.length > 1 ? ` (${nonFinite.length} positions)` : ''}`,
    }));
    return null;
  }
  // Swapped axes: the whole ring looks like Thailand written [lat, lon].
  if (
    raw.length > 0 &&
    raw.every(([x, y]) => x >= SWAPPED.minX && x <= SWAPPED.maxX && y >= SWAPPED.minY && y <= SWAPPED.maxY)
  ) {
    P.add('latlon_swapped', w0, (at) => ({
      th: `${pre(at, 'th')}ละติจูดกับลองจิจูดสลับกัน: พิกัดต้องเรียงเป็น [ลองจิจูด, ละติจูด] (ประเทศไทยมีลองจิจูดประมาณ 97-106 และละติจูดประมาณ 5-21)`,
      en: `${pre(at, 'en')}lat/lon swapped: positions must be [lon, lat] (Thailand is at lon ~97-106, lat ~5-21)`,
    }));
    return null;
  }
  const outside = raw.flatMap((p, i) => (Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90 ? [] : [i]));
  if (outside.length > 0) {
    const first = outside[0] as number;
    const fp = raw[first] as Position;
    const projected = Math.abs(fp[0]) > 1000 || Math.abs(fp[1]) > 1000;
    const extra =
      outside.length > 1
        ? { th: ` รวม ${outside.length} จุด`, en: ` (${outside.length} positions)` }
        : { th: '', en: '' };
    P.add('out_of_range', { ...w0, vertex: first }, (at) => ({
      th:
        `${pre(at, 'th')}พิกัด [${fp[0]}, ${fp[1]}] อยู่นอกช่วง WGS84 (ลองจิจูด -180 ถึง 180, ละติจูด -90 ถึง 90)${extra.th}` +
        (projected ? ' ดูเหมือนเป็นพิกัดหน่วยเมตร (เช่น UTM โซน 47N) กรุณาแปลงเป็น WGS84 องศา' : ''),
      en:
        `${pre(at, 'en')}position [${fp[0]}, ${fp[1]}] is outside WGS84 (lon -180..180, lat -90..90)${extra.en}` +
        (projected ? '; it looks like projected metres (e.g. UTM zone 47N): convert to WGS84 degrees' : ''),
    }));
    return null;
  }

  // Drop repeated consecutive positions, remembering where each kept one came from.
  const positions: Position[] = [];
  const source: number[] = [];
  raw.forEach((p, i) => {
    const last = positions[positions.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    positions.push(p);
    source.push(i);
  });
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first && last && positions.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    const openMsg = (at: GeoMessage): GeoMessage => ({
      th: `${pre(at, 'th')}เส้นขอบไม่ปิด: จุดแรกกับจุดสุดท้ายไม่ตรงกัน${options.closeRings ? ' (ระบบปิดให้โดยต่อกลับไปยังจุดแรกแล้ว)' : ''}`,
      en: `${pre(at, 'en')}open ring: the first and last positions differ${options.closeRings ? ' (closed by joining back to the first position)' : ''}`,
    });
    if (options.closeRings) warnings.add('open_ring', { ...w0, vertex: raw.length - 1 }, openMsg);
    else {
      P.add('open_ring', { ...w0, vertex: raw.length - 1 }, openMsg);
      sound = false;
    }
    positions.push([first[0], first[1]]);
    source.push(source[0] ?? 0);
  }
  if (positions.length < 4) {
    P.add('too_few_positions', w0, (at) => ({
      th: `${pre(at, 'th')}เส้นขอบมีจุดไม่พอ: ต้องมีอย่างน้อย 4 จุด (3 มุม และจุดปิดที่ซ้ำกับจุดแรก) แต่มี ${positions.length} จุด`,
      en: `${pre(at, 'en')}too few positions: a ring needs at least 4 (3 corners and the closing repeat of the first), it has ${positions.length}`,
    }));
    return { part, ring, positions, source, sound: false };
  }
  if (fanAreaKm2(positions) < ZERO_AREA_KM2) {
    // Every vertex on one line: report that rather than the spikes it makes.
    addZeroArea(P, w0);
    return { part, ring, positions, source, sound: false };
  }
  return { part, ring, positions, source, sound };
}

function addZeroArea(P: Problems, w: Where): void {
  P.add('zero_area', w, (at) => ({
    th: `${pre(at, 'th')}เส้นขอบมีพื้นที่เป็นศูนย์ (จุดทั้งหมดอยู่บนเส้นตรงเดียวกันหรือซ้อนกัน)`,
    en: `${pre(at, 'en')}the ring has zero area (its positions are collinear or coincide)`,
  }));
}

/**
 * Sum of the unsigned areas of the triangles fanning from the first vertex (km², local
 * equirectangular): 0 exactly when all vertices are on one line, unlike the signed area, which is
 * also 0 for a symmetric bow tie.
 */
function fanAreaKm2(ring: Position[]): number {
  const [x0, y0] = ring[0] as Position;
  const kx = Math.cos((y0 * Math.PI) / 180);
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += Math.abs((x1 - x0) * kx * (y2 - y0) - (x2 - x0) * kx * (y1 - y0));
  }
  return (sum / 2) * 111.195 * 111.195;
}

// ---------------------------------------------------------------------------------------------
// Segment intersections

interface Edge {
  w: number; // index into the ring list
  i: number; // edge i: positions i -> i + 1
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function checkIntersections(rings: WorkRing[], P: Problems): void {
  const edges: Edge[] = [];
  rings.forEach((r, w) => {
    for (let i = 0; i + 1 < r.positions.length; i++) {
      const a = r.positions[i] as Position;
      const b = r.positions[i + 1] as Position;
      edges.push({
        w,
        i,
        minX: Math.min(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxX: Math.max(a[0], b[0]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  const reported = new Set<number>(); // one self_intersection per ring, one rings_intersect per pair
  const test = (e: Edge, f: Edge): void => {
    if (e.maxX < f.minX || f.maxX < e.minX || e.maxY < f.minY || f.maxY < e.minY) return;
    const re = rings[e.w] as WorkRing;
    const rf = rings[f.w] as WorkRing;
    const a = re.positions[e.i] as Position;
    const b = re.positions[e.i + 1] as Position;
    const c = rf.positions[f.i] as Position;
    const d = rf.positions[f.i + 1] as Position;
    if (e.w === f.w) {
      const n = re.positions.length - 1; // edges in the ring
      const [i, j] = e.i < f.i ? [e.i, f.i] : [f.i, e.i];
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      let bad = false;
      if (adjacent) {
        // Adjacent edges share a vertex; only a spike (doubling back along the same line) is bad.
        bad = segmentContact(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]) === 'overlap';
      } else {
        bad = segmentContact(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]) !== 'none';
      }
      if (!bad || reported.has(-1 - e.w)) return;
      reported.add(-1 - e.w);
      const vi = re.source[i] ?? i;
      const vj = re.source[j] ?? j;
      const vj1 = re.source[j + 1] ?? j + 1;
      const vi1 = re.source[i + 1] ?? i + 1;
      P.add('self_intersection', { part: re.part, ring: re.ring, vertex: vi }, (at) => ({
        th: `${pre(at, 'th')}เส้นขอบตัดกันเอง: ด้านระหว่างจุดที่ ${vi + 1}-${vi1 + 1} ${adjacent ? 'ย้อนทับ' : 'ตัดหรือแตะ'}ด้านระหว่างจุดที่ ${vj + 1}-${vj1 + 1}`,
        en: `${pre(at, 'en')}self-intersection: the edge between vertices ${vi + 1}-${vi1 + 1} ${adjacent ? 'doubles back over' : 'crosses or touches'} the edge between vertices ${vj + 1}-${vj1 + 1}`,
      }));
      return;
    }
    const kind = segmentContact(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]);
    if (kind !== 'cross' && kind !== 'overlap') return;
    const [lo, hi] = e.w < f.w ? [e, f] : [f, e];
    const key = lo.w * rings.length + hi.w;
    if (reported.has(key)) return;
    reported.add(key);
    const r1 = rings[lo.w] as WorkRing;
    const r2 = rings[hi.w] as WorkRing;
    const v1 = r1.source[lo.i] ?? lo.i;
    const other = whereText({ part: r2.part, ring: r2.ring, vertex: r2.source[hi.i] ?? hi.i }, P.multi);
    P.add('rings_intersect', { part: r1.part, ring: r1.ring, vertex: v1 }, (at) => ({
      th: `${pre(at, 'th')}เส้นขอบ${kind === 'cross' ? 'ตัดกับ' : 'ซ้อนทับกับ'}เส้นขอบอื่น (${other.th})`,
      en: `${pre(at, 'en')}the ring ${kind === 'cross' ? 'crosses' : 'overlaps'} another ring (${other.en})`,
    }));
  };

  if (edges.length <= BRUTE_FORCE_EDGES) {
    for (let x = 0; x < edges.length && !P.full; x++) {
      for (let y = x + 1; y < edges.length; y++) test(edges[x] as Edge, edges[y] as Edge);
    }
    return;
  }
  // Grid of edges: ~1 edge per cell on average; a pair is tested only in the cell holding the
  // lower-left corner of the intersection of their boxes (so once).
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const e of edges) {
    minX = Math.min(minX, e.minX);
    minY = Math.min(minY, e.minY);
    maxX = Math.max(maxX, e.maxX);
    maxY = Math.max(maxY, e.maxY);
  }
  const g = Math.max(1, Math.ceil(Math.sqrt(edges.length)));
  const w = (maxX - minX) / g || 1;
  const h = (maxY - minY) / g || 1;
  const cx = (x: number) => Math.min(g - 1, Math.max(0, Math.floor((x - minX) / w)));
  const cy = (y: number) => Math.min(g - 1, Math.max(0, Math.floor((y - minY) / h)));
  const cells = new Map<number, number[]>();
  edges.forEach((e, k) => {
    for (let y = cy(e.minY); y <= cy(e.maxY); y++) {
      for (let x = cx(e.minX); x <= cx(e.maxX); x++) {
        const key = y * g + x;
        let list = cells.get(key);
        if (!list) {
          list = [];
          cells.set(key, list);
        }
        list.push(k);
      }
    }
  });
  for (const [key, list] of cells) {
    if (P.full) return;
    const x0 = key % g;
    const y0 = Math.floor(key / g);
    for (let s = 0; s < list.length; s++) {
      const e = edges[list[s] as number] as Edge;
      for (let t = s + 1; t < list.length; t++) {
        const f = edges[list[t] as number] as Edge;
        if (cx(Math.max(e.minX, f.minX)) !== x0 || cy(Math.max(e.minY, f.minY)) !== y0) continue;
        test(e, f);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Nesting (run only when no ring crosses another, so one vertex decides)

/** 1 = inside, -1 = outside, 0 = every vertex of `a` lies on `b`'s boundary. */
function ringInRing(a: Position[], b: Position[]): 1 | -1 | 0 {
  for (const [x, y] of a) {
    if (pointOnRing(x, y, b)) continue;
    return pointInRing(x, y, b) ? 1 : -1;
  }
  return 0;
}

function checkNesting(work: WorkRing[], P: Problems): void {
  const byPart = new Map<number, WorkRing[]>();
  for (const w of work) {
    const list = byPart.get(w.part) ?? [];
    list[w.ring] = w;
    byPart.set(w.part, list);
  }
  const boxes = new Map<WorkRing, BBox>(work.map((w) => [w, ringBBox(w.positions)]));
  const boxInside = (a: WorkRing, b: WorkRing) => {
    const x = boxes.get(a) as BBox;
    const y = boxes.get(b) as BBox;
    return inBBox(y, x.minLon, x.minLat) && inBBox(y, x.maxLon, x.maxLat);
  };
  for (const [, rings] of byPart) {
    const shell = rings[0];
    if (!shell) continue;
    for (let h = 1; h < rings.length; h++) {
      const hole = rings[h];
      if (!hole) continue;
      const inShell = boxInside(hole, shell) && ringInRing(hole.positions, shell.positions) === 1;
      let inHole = 0;
      for (let k = 1; k < rings.length && inShell; k++) {
        const other = rings[k];
        if (k === h || !other || !boxInside(hole, other)) continue;
        if (ringInRing(hole.positions, other.positions) !== -1) inHole = k;
      }
      if (!inShell || inHole > 0) {
        P.add('hole_outside', { part: hole.part, ring: hole.ring }, (at) => ({
          th: `${pre(at, 'th')}รูไม่ได้อยู่ภายในพื้นที่ของรูปหลายเหลี่ยม (${inShell ? `อยู่ในรูที่ ${inHole}` : 'อยู่นอกขอบนอก'})`,
          en: `${pre(at, 'en')}the hole is not inside the polygon's area (${inShell ? `it lies in hole ${inHole}` : 'it lies outside the outer ring'})`,
        }));
      }
    }
  }
  // MultiPolygon parts: a part's outer ring must not lie in another part's area (its shell
  // minus its holes); identical shells count as overlapping.
  const parts = [...byPart.entries()].filter(([, r]) => r[0] !== undefined);
  for (let i = 0; i < parts.length; i++) {
    for (let j = 0; j < parts.length; j++) {
      if (i === j) continue;
      const [pa, ra] = parts[i] as [number, WorkRing[]];
      const [pb, rb] = parts[j] as [number, WorkRing[]];
      const a = ra[0] as WorkRing;
      const b = rb[0] as WorkRing;
      if (!boxInside(a, b)) continue;
      const rel = ringInRing(a.positions, b.positions);
      if (rel === -1) continue;
      if (rel === 1) {
        // Inside b's shell: fine only when inside one of b's holes.
        const inAHole = rb.some(
          (hole, k) => k > 0 && hole !== undefined && ringInRing(a.positions, hole.positions) !== -1,
        );
        if (inAHole) continue;
      } else if (i > j) continue; // identical shells: report once
      P.add('parts_overlap', { part: pa }, (at) => ({
        th: `${pre(at, 'th')}ส่วนนี้ซ้อนทับกับส่วนที่ ${pb + 1} ของรูปทรงเดียวกัน`,
        en: `${pre(at, 'en')}this part overlaps part ${pb + 1} of the same geometry`,
      }));
    }
  }
}
