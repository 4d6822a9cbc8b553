/**
 * The pure assembly step of GET /api/kpis on its own: the query rows computeKpis assembles from go
 * into buildKpiItems, then JSON.stringify, each timed separately.
 */
import { buildKpiItems, type KpiInputs, type KpiLevel } from '../../server/services/kpi-items.ts';
import { queryKpiInputs } from '../../server/services/kpis.ts';
import type { RecordingDatabase } from './recording-db.ts';

export interface KpiRequestLike {
  level: KpiLevel;
  unit?: string;
}

/** The query rows computeKpis assembles from, fetched as it fetches them (national scope, no period). */
export async function assemblyInputs(recorder: RecordingDatabase, _request: KpiRequestLike): Promise<KpiInputs> {
  return queryKpiInputs(recorder, null, null, new Date());
}

/** buildKpiItems and JSON.stringify of the same body computeKpis returns, as separate steps. */
export function assembleAndSerialize(inputs: KpiInputs, request: KpiRequestLike) {
  const build = () => buildKpiItems(inputs, request.level, request.unit);
  const body = { level: request.level, period: null, settings: inputs.programme, items: build() };
  const json = JSON.stringify(body);
  return { build, stringify: () => JSON.stringify(body), jsonBytes: Buffer.byteLength(json) };
}
