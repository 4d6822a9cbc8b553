/**
 * A unit's page (national, bureau, division or station): where it sits in the hierarchy (for the
 * breadcrumbs), its pooled figures, the level below it and its zones, in one answer. The caller's
 * scope is checked here, once: a unit none of whose zones are in scope answers as not found, the
 * same as an unknown code, and figures pool in-scope zones only.
 */
import type { UnitLevel, UnitRef } from '../contracts/units.ts';
import type { Database } from '../db/database.ts';
import { type DataDates, dataDatesOf } from './data-dates.ts';
import type { KpiLevel } from './kpi-items.ts';
import { computeUnitKpis, type UnitKpis } from './kpis.ts';
import { unitPath } from '../queries/unit-path.ts';
import { type ChildLevel, unitZoneCounts } from '../queries/unit-zone-counts.ts';

export type { UnitLevel, UnitRef } from '../contracts/units.ts';

export interface UnitChild {
  item: UnitKpis['children'][number];
  /** Every zone of this child unit, in the caller's scope or not. */
  zonesInUnit: number;
}

export interface UnitPage extends Omit<UnitKpis, 'children'> {
  unit: UnitRef;
  /** From the country down to the unit itself. */
  path: UnitRef[];
  childLevel: ChildLevel;
  /** k of n: the caller's zones in this unit, and all its zones. */
  zonesInScope: number;
  zonesInUnit: number;
  children: UnitChild[];
  /** How recent the data of the caller's zones in this unit is ("data up to"). */
  dataDates: DataDates;
}

const NATIONAL: UnitRef = {
  code: 'national',
  level: 'national',
  nameTh: 'สำนักงานตำรวจแห่งชาติ',
  nameEn: 'Royal Thai Police',
  abbrTh: 'ประเทศ',
};

const CHILD_OF: Record<Exclude<UnitLevel, 'national'>, ChildLevel> = {
  bureau: 'division',
  division: 'station',
  station: 'zone',
};

async function resolvePath(db: Database, code: string): Promise<UnitRef[] | null> {
  if (code === 'national') return [NATIONAL];
  const row = await unitPath(db, code);
  if (!row) return null;
  const path: UnitRef[] = [
    NATIONAL,
    {
      code: row.bureauCode,
      level: 'bureau',
      nameTh: row.bureauNameTh,
      nameEn: row.bureauNameEn,
      abbrTh: row.bureauAbbrTh,
    },
  ];
  if (row.divisionCode)
    path.push({
      code: row.divisionCode,
      level: 'division',
      nameTh: row.divisionNameTh ?? row.divisionCode,
      nameEn: row.divisionNameEn ?? row.divisionCode,
      abbrTh: row.divisionAbbrTh ?? row.divisionNameTh ?? row.divisionCode,
    });
  if (row.stationCode)
    path.push({
      code: row.stationCode,
      level: 'station',
      nameTh: row.stationNameTh ?? row.stationCode,
      nameEn: row.stationNameEn ?? row.stationCode,
      abbrTh: row.stationNameTh ?? row.stationCode,
    });
  return path;
}

export interface UnitPageRequest {
  from?: string | undefined;
  to?: string | undefined;
  /**
   * Which level the page lists: any level below the unit (the meeting mode asks for 'zone' to get
   * every zone of a bureau). Default: the national page lists bureaus, others the level just below.
   */
  level?: ChildLevel | undefined;
}

const DEPTH: Record<UnitLevel | ChildLevel, number> = { national: 0, bureau: 1, division: 2, station: 3, zone: 4 };

/** The level a unit's page lists: the one asked for when it lies below the unit, else the default. */
export function listedLevel(unit: UnitLevel, asked: ChildLevel | undefined): ChildLevel {
  if (asked !== undefined && DEPTH[asked] > DEPTH[unit]) return asked;
  return unit === 'national' ? 'bureau' : CHILD_OF[unit];
}

/** The page of a unit, or null when it does not exist or none of its zones is in scope. */
export async function unitPage(
  db: Database,
  zoneIds: string[] | null,
  code: string,
  request: UnitPageRequest,
  now = new Date(),
): Promise<UnitPage | null> {
  const path = await resolvePath(db, code);
  const unit = path?.at(-1);
  if (!path || !unit) return null;
  const childLevel = listedLevel(unit.level, request.level);
  const [counts, kpis] = await Promise.all([
    unitZoneCounts(db, unit.code, childLevel),
    computeUnitKpis(
      db,
      zoneIds,
      {
        unit: unit.code,
        unitLevel: unit.level,
        childLevel: childLevel as KpiLevel,
        from: request.from,
        to: request.to,
      },
      now,
    ),
  ]);
  if (zoneIds !== null && kpis.zones.length === 0) return null;
  const dates = await dataDatesOf(
    db,
    kpis.zones.map((z) => z.id),
    now,
  );
  const totals = new Map(counts.map((c) => [c.code, c.zones]));
  return {
    ...kpis,
    unit,
    path,
    childLevel,
    zonesInScope: kpis.zones.length,
    zonesInUnit: counts.reduce((sum, c) => sum + c.zones, 0),
    children: kpis.children.map((item) => ({ item, zonesInUnit: totals.get(item.id) ?? item.zoneCount })),
    dataDates: dates,
  };
}
