/**
 * Offence types and groups, by the versioned reference mapping (data/reference/offence-types.csv,
 * newest mapping_version in the database), never by guessing:
 *
 * - A type label matches a reference type by its key (`theft`), its Thai name (`ลักทรัพย์`), the
 *   police.uk key (`Anti-social behaviour` -> `uk_anti_social_behaviour`) or its English name;
 *   then the labels users mapped before (offence_type_mappings); then this import's `offenceMap`.
 *   Anything else is unknown: listed for the user to map, and the import cannot commit.
 * - A group cell is a number of the file's scheme (1-4 current, 1-5 legacy when the import says
 *   so), "กลุ่มที่ 2", or a group's Thai / English name in either scheme.
 * - Storage is the current four-group scheme (domain.md); a legacy group is kept beside it. A
 *   legacy group alone converts only when every reference type of that legacy group falls in the
 *   same current group; otherwise the offence type must be known.
 */
import type { RegistryOffenceGroup, RegistryOffenceType, RegistryUserOffence } from '../queries/import-registry.ts';
import { toTypeKey } from '../reference/load.ts';
import { thaiDigitsToAscii } from './parse/thai-digits.ts';
import { labelKey } from './values.ts';

export type Scheme = 'current4' | 'legacy5';

export interface TypeMatch {
  /** What is stored in incidents.crime_type: the reference key, or the label as written for user-mapped types. */
  typeKey: string;
  group4: number;
  legacy5: number | null;
  via: 'reference' | 'saved' | 'option';
}

export type GroupMatch =
  | { ok: true; group4: number | null; legacy5: number | null }
  | { ok: false; reason: 'invalid' | 'ambiguous_legacy'; legacy?: number; current?: number[] };

export class OffenceResolver {
  readonly mappingVersion: string;
  readonly #byKey = new Map<string, RegistryOffenceType>();
  readonly #byTh = new Map<string, RegistryOffenceType>();
  readonly #byEn = new Map<string, RegistryOffenceType>();
  readonly #saved = new Map<string, RegistryUserOffence>();
  readonly #option = new Map<string, number>();
  readonly #groupNames = new Map<string, { scheme: Scheme; no: number }>();
  /** legacy group -> the current groups its reference types fall in. */
  readonly #legacyToCurrent = new Map<number, Set<number>>();
  readonly #cache = new Map<string, TypeMatch | null>();

  constructor(
    types: readonly RegistryOffenceType[],
    groups: readonly RegistryOffenceGroup[],
    saved: readonly RegistryUserOffence[],
    optionMap: Readonly<Record<string, number>> = {},
  ) {
    this.mappingVersion = types[0]?.mapping_version ?? '';
    for (const t of types) {
      this.#byKey.set(t.type_key, t);
      if (!this.#byTh.has(labelKey(t.name_th))) this.#byTh.set(labelKey(t.name_th), t);
      // English names: police.uk types first (their keys), the generic ones may share a name.
      const en = labelKey(t.name_en);
      const prev = this.#byEn.get(en);
      if (prev === undefined || (t.type_key.startsWith('uk_') && !prev.type_key.startsWith('uk_')))
        this.#byEn.set(en, t);
      const set = this.#legacyToCurrent.get(t.group_legacy5) ?? new Set<number>();
      set.add(t.group_current4);
      this.#legacyToCurrent.set(t.group_legacy5, set);
    }
    for (const s of saved) this.#saved.set(s.label_key, s);
    for (const [label, group] of Object.entries(optionMap)) this.#option.set(labelKey(label), group);
    for (const g of groups) {
      const scheme = g.scheme === 'legacy5' ? 'legacy5' : 'current4';
      for (const name of [g.name_th, g.name_en]) {
        const key = groupNameKey(name);
        // The current scheme wins a name both schemes share.
        if (!this.#groupNames.has(key) || scheme === 'current4') this.#groupNames.set(key, { scheme, no: g.group_no });
      }
    }
  }

  /** The reference / saved / option mapping of a type label, or null when unknown. */
  type(label: string): TypeMatch | null {
    const cached = this.#cache.get(label);
    if (cached !== undefined) return cached;
    const found = this.#findType(label);
    if (this.#cache.size < 50_000) this.#cache.set(label, found);
    return found;
  }

  #findType(label: string): TypeMatch | null {
    const raw = label.trim();
    const key = labelKey(raw);
    const ref =
      this.#byKey.get(raw) ??
      this.#byTh.get(key) ??
      this.#byKey.get(`uk_${toTypeKey(raw)}`) ??
      this.#byEn.get(key) ??
      this.#byKey.get(toTypeKey(raw));
    if (ref !== undefined) {
      return { typeKey: ref.type_key, group4: ref.group_current4, legacy5: ref.group_legacy5, via: 'reference' };
    }
    const option = this.#option.get(key);
    if (option !== undefined) return { typeKey: raw, group4: option, legacy5: null, via: 'option' };
    const saved = this.#saved.get(key);
    if (saved !== undefined)
      return { typeKey: raw, group4: saved.group_current4, legacy5: saved.group_legacy5, via: 'saved' };
    return null;
  }

  /** A group cell in the given scheme (numbers) or any scheme (names). */
  group(cell: string, scheme: Scheme): GroupMatch {
    const text = thaiDigitsToAscii(cell.normalize('NFKC')).trim();
    const num = /^(?:กลุ่ม(?:ที่)?|group|กลุ่มคดี(?:ที่)?)?\s*(\d+)(?:\.0+)?$/i.exec(text);
    let hit: { scheme: Scheme; no: number } | undefined;
    if (num !== null) hit = { scheme, no: Number(num[1]) };
    else hit = this.#groupNames.get(groupNameKey(text));
    if (hit === undefined) return { ok: false, reason: 'invalid' };
    const max = hit.scheme === 'legacy5' ? 5 : 4;
    if (!Number.isInteger(hit.no) || hit.no < 1 || hit.no > max) return { ok: false, reason: 'invalid' };
    if (hit.scheme === 'current4') return { ok: true, group4: hit.no, legacy5: null };
    return { ok: true, group4: null, legacy5: hit.no };
  }

  /** The current group a legacy group stands for when that is unambiguous. */
  currentOfLegacy(legacy: number): GroupMatch {
    const set = this.#legacyToCurrent.get(legacy);
    if (set === undefined || set.size === 0) return { ok: false, reason: 'invalid' };
    if (set.size === 1) return { ok: true, group4: [...set][0] ?? null, legacy5: legacy };
    return { ok: false, reason: 'ambiguous_legacy', legacy, current: [...set].sort() };
  }
}

/** A group's name without "คดี" / "กลุ่ม..." decorations, for comparison. */
function groupNameKey(name: string): string {
  return labelKey(name)
    .replace(/^(?:กลุ่ม(?:ที่)?\s*\d+\s*[:.-]?\s*)/, '')
    .replace(/^(?:คดี|กลุ่ม)\s*/, '')
    .replace(/\s+/g, '');
}
