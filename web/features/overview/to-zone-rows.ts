/**
 * The overview's zone rows: KPI items joined to the zone directory (station, province), filtered
 * by a search text and sorted. Pure.
 */
import type { KpiItem, TrafficLight, ZoneSummary } from '../../api/types.ts';
import { type Lang, localeOf } from '../../i18n/format.ts';

export type ZoneSort = 'hierarchy' | 'status' | 'name';
export const ZONE_SORTS: readonly ZoneSort[] = ['hierarchy', 'status', 'name'];

export interface ZoneRow {
  id: string;
  name: string;
  station: string;
  province: string;
  light: TrafficLight;
  item: KpiItem;
}

/** Worst first, for meetings that start with the zones in trouble; grey (unknown) before green. */
const LIGHT_ORDER: Record<TrafficLight, number> = {
  red: 0,
  amber: 1,
  grey: 2,
  green: 3,
};

export function pickName(names: { nameTh: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && names.nameEn ? names.nameEn : names.nameTh;
}

function searchText(item: KpiItem, zone: ZoneSummary | undefined): string {
  const parts = [item.id, item.nameTh, item.nameEn];
  if (zone)
    parts.push(
      zone.stationNameTh,
      zone.stationNameEn,
      zone.provinceNameTh,
      zone.provinceNameEn,
      zone.municipality ?? '',
    );
  return parts.join(' ').toLowerCase();
}

export function toZoneRows(
  items: readonly KpiItem[],
  zones: readonly ZoneSummary[],
  lang: Lang,
  options: { query?: string; sort?: ZoneSort } = {},
): ZoneRow[] {
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const needle = (options.query ?? '').trim().toLowerCase();
  const rows = items
    .filter((item) => item.level === 'zone')
    .filter((item) => !needle || searchText(item, zoneById.get(item.id)).includes(needle))
    .map((item): ZoneRow => {
      const zone = zoneById.get(item.id);
      return {
        id: item.id,
        name: pickName(item, lang),
        station: zone
          ? pickName({ nameTh: zone.stationNameTh, nameEn: zone.stationNameEn }, lang)
          : (item.parentId ?? ''),
        province: zone ? pickName({ nameTh: zone.provinceNameTh, nameEn: zone.provinceNameEn }, lang) : '',
        light: item.overall,
        item,
      };
    });
  const collator = new Intl.Collator(localeOf(lang));
  switch (options.sort ?? 'hierarchy') {
    case 'hierarchy':
      return rows; // the API already orders zones bureau > division > station > zone
    case 'status':
      return rows.sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || collator.compare(a.name, b.name));
    case 'name':
      return rows.sort((a, b) => collator.compare(a.name, b.name));
  }
}

/** How many zones show each light: the legend's counts. */
export function countLights(items: readonly KpiItem[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = {
    green: 0,
    amber: 0,
    red: 0,
    grey: 0,
  };
  for (const item of items) counts[item.overall] += 1;
  return counts;
}
