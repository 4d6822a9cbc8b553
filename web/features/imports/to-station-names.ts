/**
 * Station codes of the import history as names ("สภ.หาดใหญ่" / "Hat Yai"), looked up in the zone
 * directory (/api/zones: stationCode with its names). A station without a pilot zone is not in
 * the directory and keeps its code. Pure.
 */
import type { ZoneSummary } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { pickName } from '../overview/to-zone-rows.ts';

export interface StationName {
  code: string;
  name: string;
}

export function stationNames(codes: readonly string[], zones: readonly ZoneSummary[], lang: Lang): StationName[] {
  const names = new Map<string, string>();
  for (const zone of zones) {
    if (!names.has(zone.stationCode)) {
      names.set(zone.stationCode, pickName({ nameTh: zone.stationNameTh, nameEn: zone.stationNameEn }, lang));
    }
  }
  return codes.map((code) => ({ code, name: names.get(code) ?? code }));
}
