/**
 * "Data up to": the last whole month with crime data and the latest survey wave among the zones
 * a screen shows (a unit's, a zone's, or the caller's whole scope). Once per data state, zones and
 * Bangkok month.
 */
import { addMonths, bangkokMonth, monthStartDate } from '../contracts/calendar.ts';
import type { Database } from '../db/database.ts';
import { type DataDatesRow, dataDates } from '../queries/data-dates.ts';
import { cachedByDataState } from './data-state-cache.ts';

export type DataDates = DataDatesRow;

export function dataDatesOf(db: Database, zoneIds: string[] | null, now: Date): Promise<DataDates> {
  const month = bangkokMonth(now);
  const sorted = zoneIds === null ? null : [...zoneIds].sort();
  return cachedByDataState(db, ['data-dates', sorted, month], () =>
    dataDates(db, sorted, monthStartDate(addMonths(month, -1))),
  );
}
