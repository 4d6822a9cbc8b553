/**
 * Station, province and division names written several ways, matched without guessing.
 *
 * `normalizeName` reduces a name to a comparison key: Thai prefixes (สภ. / สน. / สถานีตำรวจภูธร /
 * สถานีตำรวจนครบาล / จังหวัด / จ. / ภ.จว.) and English fillers ("police station", "province") go,
 * "Mueang / Muang / Meuang" and Thai "เมือง" at the start go, spaces, dots and hyphens go, English
 * is lower-cased, the two ways of typing สระอำ are unified. So สภ.เมืองสงขลา, สภ. เมืองสงขลา,
 * สถานีตำรวจภูธรเมืองสงขลา, Mueang Songkhla and Muang Songkhla Police Station meet.
 *
 * Matching (`matchStation`, `matchProvince`) takes, in order: an exact code; a name equal after
 * light normalisation (prefixes gone, "Muang" spelt "Mueang", เมือง kept); a name equal under
 * `normalizeName`. Two or more stations at the first tier that hits = 'ambiguous'. Edit distance
 * is only used to suggest names when nothing matches: a fuzzy hit is never returned as a match.
 */

import { thaiDigitsToAscii } from './thai-digits.ts';

export interface NamedRef {
  readonly code: string;
  readonly name_th: string;
  readonly name_en?: string | null;
}

export interface NameSuggestion<T extends NamedRef = NamedRef> {
  readonly ref: T;
  readonly code: string;
  /** Edit distance between the normalised input and the closest normalised name (0 for containment). */
  readonly distance: number;
}

export type NameMatch<T extends NamedRef = NamedRef> =
  | { readonly kind: 'exact'; readonly code: string; readonly ref: T; readonly via: 'code' | 'name_th' | 'name_en' }
  | { readonly kind: 'ambiguous'; readonly candidates: T[] }
  | { readonly kind: 'none'; readonly suggestions: NameSuggestion<T>[] };

const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES_RE = /[\s\u00A0]+/g;
const THAI_PREFIX_RE =
  /^(?:สถานีตำรวจภูธร(?:อำเภอ|ตำบล|จังหวัด)?|สถานีตำรวจนครบาล|สถานีตำรวจ|ตำรวจภูธรจังหวัด|ตำรวจภูธร|สภ\s*\.\s*[อต]\s*\.|สภ\s*\.|สน\s*\.|(?:สภ|สน)\s|ภ\s*\.\s*จว\s*\.|จังหวัด|จ\s*\.|อำเภอ|อ\s*\.)\s*/;
const EN_FILLER_RE =
  /\b(?:(?:provincial|metropolitan)\s+)?police\s+station\b|\bpolice\b|\bstation\b|\bprovince\b|\bchangwat\b|^amphoe\b|\bdistrict\b/g;
const MUEANG_EN_RE = /\b(?:mueang|muang|meuang|muaeng|mueng|moeng)\b/g;
const PUNCT_RE = /[\s.\-_'’‘`,()[\]/ฯ]+/g;

const BANGKOK_KEYS = new Map<string, string>([
  ['กรุงเทพ', 'กรุงเทพมหานคร'],
  ['กทม', 'กรุงเทพมหานคร'],
  ['กรุงเทพมหานคร', 'กรุงเทพมหานคร'],
  ['bangkok', 'bangkok'],
  ['bkk', 'bangkok'],
  ['krungthep', 'bangkok'],
  ['krungthepmahanakhon', 'bangkok'],
  ['bangkokmetropolis', 'bangkok'],
]);

function base(s: string): string {
  return thaiDigitsToAscii(s.normalize('NFC'))
    .replace(ZERO_WIDTH_RE, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33') // นิคหิต + สระอา typed for สระอำ
    .replace(SPACES_RE, ' ')
    .trim()
    .toLowerCase();
}

interface Keys {
  /** Prefixes and fillers gone, "Muang" spelt "mueang", เมือง kept. */
  strict: string;
  /** `normalizeName`: also without a leading mueang / เมือง. */
  loose: string;
}

function keys(s: string): Keys {
  let t = base(s);
  // Thai prefixes may stack (สถานีตำรวจภูธร + อำเภอ...): strip a few times.
  for (let k = 0; k < 3; k++) {
    const next = t.replace(THAI_PREFIX_RE, '');
    if (next === t) break;
    t = next;
  }
  t = t.replace(EN_FILLER_RE, ' ').replace(MUEANG_EN_RE, 'mueang').replace(SPACES_RE, ' ').trim();
  const strictRaw = t.replace(PUNCT_RE, '');
  const looseRaw = t
    .replace(/^mueang\b\s*/, '')
    .replace(/^เมือง\s*/, '')
    .replace(PUNCT_RE, '');
  return {
    strict: BANGKOK_KEYS.get(strictRaw) ?? strictRaw,
    loose: BANGKOK_KEYS.get(looseRaw) ?? looseRaw,
  };
}

/** Comparison key of a station / province / division name (see the top of this file). */
export function normalizeName(s: string): string {
  return keys(s).loose;
}

/** Comparison key of a code: trimmed, upper case, without spaces / hyphens; digits without leading zeros. */
export function normalizeCode(code: string): string {
  const t = thaiDigitsToAscii(code.normalize('NFKC'))
    .toUpperCase()
    .replace(/[\s\-_.]+/g, '');
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

interface Entry<T> {
  ref: T;
  th: Keys;
  en: Keys | null;
}

export interface NameMatcherOptions {
  /** Suggestions returned when nothing matches (default 5). */
  maxSuggestions?: number;
}

/** Builds a matcher over a registry (indexes once; caches answers per distinct input). */
export function createNameMatcher<T extends NamedRef>(
  refs: readonly T[],
  options: NameMatcherOptions = {},
): (input: string) => NameMatch<T> {
  const maxSuggestions = options.maxSuggestions ?? 5;
  const entries: Entry<T>[] = refs.map((ref) => ({
    ref,
    th: keys(ref.name_th),
    en: ref.name_en === undefined || ref.name_en === null || ref.name_en.trim() === '' ? null : keys(ref.name_en),
  }));
  const byCode = new Map<string, T[]>();
  const strict = new Map<string, Map<T, 'name_th' | 'name_en'>>();
  const loose = new Map<string, Map<T, 'name_th' | 'name_en'>>();
  const add = (index: Map<string, Map<T, 'name_th' | 'name_en'>>, key: string, ref: T, via: 'name_th' | 'name_en') => {
    if (key === '') return;
    let m = index.get(key);
    if (m === undefined) {
      m = new Map();
      index.set(key, m);
    }
    if (!m.has(ref)) m.set(ref, via);
  };
  for (const e of entries) {
    const code = normalizeCode(e.ref.code);
    if (code !== '') byCode.set(code, [...(byCode.get(code) ?? []), e.ref]);
    add(strict, e.th.strict, e.ref, 'name_th');
    add(loose, e.th.loose, e.ref, 'name_th');
    if (e.en !== null) {
      add(strict, e.en.strict, e.ref, 'name_en');
      add(loose, e.en.loose, e.ref, 'name_en');
    }
  }

  const cache = new Map<string, NameMatch<T>>();

  const suggest = (k: Keys): NameSuggestion<T>[] => {
    if (k.loose === '') return [];
    const limit = Math.max(1, Math.floor(k.loose.length / 3));
    const out: NameSuggestion<T>[] = [];
    for (const e of entries) {
      let best = limit + 1;
      for (const nk of e.en === null ? [e.th] : [e.th, e.en]) {
        if (nk.loose === '') continue;
        const contains =
          Math.min(nk.loose.length, k.loose.length) >= 3 && (nk.loose.includes(k.loose) || k.loose.includes(nk.loose));
        const d = contains ? 0 : editDistance(k.loose, nk.loose, limit);
        if (d < best) best = d;
      }
      if (best <= limit) out.push({ ref: e.ref, code: e.ref.code, distance: best });
    }
    out.sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code));
    return out.slice(0, maxSuggestions);
  };

  const compute = (input: string): NameMatch<T> => {
    if (input.trim() === '') return { kind: 'none', suggestions: [] };
    const byCodeHit = byCode.get(normalizeCode(input));
    if (byCodeHit !== undefined) {
      const [only] = byCodeHit;
      if (byCodeHit.length === 1 && only !== undefined)
        return { kind: 'exact', code: only.code, ref: only, via: 'code' };
      return { kind: 'ambiguous', candidates: [...byCodeHit] };
    }
    const k = keys(input);
    for (const [index, key] of [
      [strict, k.strict],
      [loose, k.loose],
    ] as const) {
      const hit = key === '' ? undefined : index.get(key);
      if (hit === undefined) continue;
      if (hit.size === 1) {
        const [[ref, via]] = [...hit] as [[T, 'name_th' | 'name_en']];
        return { kind: 'exact', code: ref.code, ref, via };
      }
      return { kind: 'ambiguous', candidates: [...hit.keys()] };
    }
    return { kind: 'none', suggestions: suggest(k) };
  };

  return (input: string): NameMatch<T> => {
    const cached = cache.get(input);
    if (cached !== undefined) return cached;
    const result = compute(input);
    if (cache.size < 100_000) cache.set(input, result);
    return result;
  };
}

const MATCHERS = new WeakMap<readonly NamedRef[], (input: string) => NameMatch<NamedRef>>();

function cachedMatcher<T extends NamedRef>(refs: readonly T[]): (input: string) => NameMatch<T> {
  let m = MATCHERS.get(refs);
  if (m === undefined) {
    m = createNameMatcher<NamedRef>(refs);
    MATCHERS.set(refs, m);
  }
  return m as (input: string) => NameMatch<T>;
}

export type StationRef = NamedRef;

/**
 * A station by code or any spelling of its name. The index is built once per `stations` array
 * (keep the same array between calls); use `createNameMatcher` for explicit control.
 */
export function matchStation<T extends StationRef>(input: string, stations: readonly T[]): NameMatch<T> {
  return cachedMatcher(stations)(input);
}

/** A province by ISO 3166-2 code (TH-90, TH90) or Thai / English name (จ.สงขลา, Songkhla Province). */
export function matchProvince<T extends NamedRef>(input: string, provinces: readonly T[]): NameMatch<T> {
  return cachedMatcher(provinces)(input);
}
