/**
 * The pure assembly step of GET /api/kpis on its own: the query rows computeKpis fetched (taken
 * from a recording) go into buildKpiItems, then JSON.stringify, each timed separately.
 */
import { readSettings } from '../../server/queries/settings.ts';
import type { ZoneCrimeWindowRow } from '../../server/queries/zone-crime-windows.ts';
import type { ZoneDirectoryRow } from '../../server/queries/zone-directory.ts';
import type { SurveyTallyRow } from '../../server/queries/zone-survey-tallies.ts';
import { buildKpiItems, type KpiInputs, type KpiLevel } from '../../server/services/kpi-items.ts';
import { computeKpis } from '../../server/services/kpis.ts';
import type { RecordingDatabase } from './recording-db.ts';

export interface KpiRequestLike {
  level: KpiLevel;
  unit?: string;
}

/** Runs computeKpis once on the recorder and keeps the rows each query returned. */
export async function assemblyInputs(recorder: RecordingDatabase, request: KpiRequestLike): Promise<KpiInputs> {
  await recorder.capture(() => computeKpis(recorder, null, request));
  const rowsOf = <T>(file: string): T[] => {
    const hit = recorder.results.find((r) => r.origin.includes(file));
    if (!hit)
      throw new Error(
        `no rows recorded from ${file}; computeKpis changed? origins: ${recorder.results.map((r) => r.origin).join(', ')}`,
      );
    return hit.rows as T[];
  };
  const settings = await readSettings(recorder);
  return {
    zones: rowsOf<ZoneDirectoryRow>('zone-directory.ts'),
    crime: rowsOf<ZoneCrimeWindowRow>('zone-crime-windows.ts'),
    tallies: rowsOf<SurveyTallyRow>('zone-survey-tallies.ts'),
    programme: settings.programme,
    zoneSettings: settings.zones,
    period: null,
  };
}

/** buildKpiItems and JSON.stringify of the same body computeKpis returns, as separate steps. */
export function assembleAndSerialize(inputs: KpiInputs, request: KpiRequestLike) {
  const build = () => buildKpiItems(inputs, request.level, request.unit);
  const body = { level: request.level, period: null, settings: inputs.programme, items: build() };
  const json = JSON.stringify(body);
  return { build, stringify: () => JSON.stringify(body), jsonBytes: Buffer.byteLength(json) };
}
