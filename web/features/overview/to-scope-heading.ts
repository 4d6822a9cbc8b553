/**
 * The heading over the overview's summary tiles, named after what the user sees (their scope from
 * /api/auth/me): the whole country, one unit ("ภาพรวม สภ.หาดใหญ่ (3 พื้นที่)"), one zone, or
 * "your zones (n)". Pure; names come from the zone directory, which holds only the user's zones.
 */
import type { Scope, ZoneSummary } from '../../api/types.ts';
import { formatNumber, type Lang } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/use-t.tsx';
import { pickName } from './to-zone-rows.ts';

type UnitKind = 'station' | 'division' | 'bureau';

function unitOf(zone: ZoneSummary, kind: UnitKind): { code: string; nameTh: string; nameEn: string } {
  switch (kind) {
    case 'station':
      return { code: zone.stationCode, nameTh: zone.stationNameTh, nameEn: zone.stationNameEn };
    case 'division':
      return { code: zone.divisionCode, nameTh: zone.divisionNameTh, nameEn: zone.divisionNameEn };
    case 'bureau':
      return { code: zone.bureauCode, nameTh: zone.bureauNameTh, nameEn: zone.bureauNameEn };
  }
}

export function scopeHeading(scope: Scope, zones: readonly ZoneSummary[], lang: Lang, t: Translate): string {
  if (scope.kind === 'national') return t('overview.national');
  const n = formatNumber(zones.length, lang);
  const [only] = zones;
  if (zones.length === 0 || !only) return t('overview.scopeMine');
  if (scope.kind === 'zones') {
    return zones.length === 1
      ? t('overview.scopeZone', { name: pickName(only, lang) })
      : t('overview.scopeZones', { n });
  }
  const kind = scope.kind;
  const units = new Set(zones.map((zone) => unitOf(zone, kind).code));
  if (scope.codes.length !== 1 || units.size !== 1) return t('overview.scopeZones', { n });
  const name = pickName(unitOf(only, kind), lang);
  // English station names are bare ("Hat Yai"): say it is a police station, unless the name does.
  const key = kind === 'station' && !/station/i.test(name) ? 'overview.scopeStation' : 'overview.scopeUnit';
  return t(key, { name, n });
}
