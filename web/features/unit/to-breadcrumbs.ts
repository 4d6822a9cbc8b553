/**
 * The breadcrumb trail of a unit or zone page: ประเทศ > ภ.9 > ภ.จว.สงขลา > สภ.หาดใหญ่ > zone. Each
 * crumb is a real link keeping the period and language; the last is the current page. Pure.
 */
import type { UnitRef } from '../../../server/contracts/units.ts';
import type { Lang } from '../../i18n/format.ts';
import { type DashboardState, serializeDashboardState, updateDashboardState } from '../../state/dashboard-state.ts';

export interface Crumb {
  key: string;
  /** Short label shown in the trail. */
  label: string;
  /** Full name (tooltip), e.g. ตำรวจภูธรภาค 9 behind ภ.9. */
  title: string;
  href: string;
  current: boolean;
  /** What following the crumb changes: the unit shown (null = the country), or a zone. */
  target: { view: 'overview'; unit: string | null } | { view: 'zone'; zoneId: string };
}

/** Where a zone sits: the country, its bureau, division and station (from the zone directory row). */
export function zonePath(zone: {
  bureauCode: string;
  bureauNameTh: string;
  bureauNameEn: string;
  bureauAbbrTh: string;
  divisionCode: string;
  divisionNameTh: string;
  divisionNameEn: string;
  divisionAbbrTh: string;
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
}): UnitRef[] {
  return [
    { code: 'national', level: 'national', nameTh: 'ประเทศไทย', nameEn: 'Thailand', abbrTh: 'ประเทศ' },
    {
      code: zone.bureauCode,
      level: 'bureau',
      nameTh: zone.bureauNameTh,
      nameEn: zone.bureauNameEn,
      abbrTh: zone.bureauAbbrTh,
    },
    {
      code: zone.divisionCode,
      level: 'division',
      nameTh: zone.divisionNameTh,
      nameEn: zone.divisionNameEn,
      abbrTh: zone.divisionAbbrTh,
    },
    {
      code: zone.stationCode,
      level: 'station',
      nameTh: zone.stationNameTh,
      nameEn: zone.stationNameEn,
      abbrTh: zone.stationNameTh,
    },
  ];
}

/**
 * Crumbs for a path from the country down (the server's `path`, or zonePath), and optionally the
 * zone at its end. English uses full names, Thai the short forms police write (ภ.9, ภ.จว.สงขลา).
 */
export function toBreadcrumbs(
  path: readonly UnitRef[],
  state: DashboardState,
  lang: Lang,
  countryLabel: string,
  zone?: { id: string; name: string },
): Crumb[] {
  const crumbs: Crumb[] = path.map((unit) => {
    const national = unit.level === 'national';
    const target = { view: 'overview' as const, unit: national ? null : unit.code };
    const full = lang === 'th' ? unit.nameTh : unit.nameEn;
    return {
      key: unit.code,
      label: national ? countryLabel : lang === 'th' ? unit.abbrTh : unit.nameEn,
      title: national ? countryLabel : full,
      href: serializeDashboardState(updateDashboardState(state, target)),
      current: false,
      target,
    };
  });
  if (zone) {
    const target = { view: 'zone' as const, zoneId: zone.id };
    crumbs.push({
      key: `zone:${zone.id}`,
      label: zone.name,
      title: zone.name,
      href: serializeDashboardState(updateDashboardState(state, target)),
      current: false,
      target,
    });
  }
  const last = crumbs.at(-1);
  if (last) last.current = true;
  return crumbs;
}
