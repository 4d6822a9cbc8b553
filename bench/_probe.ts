import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/database.ts';
import { computeKpis } from '../server/services/kpis.ts';
import { RecordingDatabase } from './lib/recording-db.ts';
import { assemblyInputs } from './lib/service-parts.ts';
import { buildKpiItems } from '../server/services/kpi-items.ts';
const db = await openDatabase('.bench-cache/national.duckdb');
const rec = new RecordingDatabase(db);
const t = async (label: string, fn: () => Promise<unknown> | unknown) => { const t0 = performance.now(); await fn(); console.log(label, (performance.now() - t0).toFixed(0), 'ms'); };
await t('computeKpis zone (cold)', () => computeKpis(db, null, { level: 'zone' }));
await t('computeKpis zone', () => computeKpis(db, null, { level: 'zone' }));
const stmts = await rec.capture(() => computeKpis(rec, null, { level: 'zone' }));
for (const s of stmts) console.log(s.origin, s.rows, (s.end - s.start).toFixed(0), 'ms (in parallel)');
await db.withConnection(async (c) => {
  for (const s of stmts) {
    const t0 = performance.now(); const r = await c.runAndReadAll(s.sql, s.values, s.types); const t1 = performance.now(); r.getRowObjectsJson(); const t2 = performance.now();
    console.log('alone', s.origin, (t1 - t0).toFixed(0), 'ms sql', (t2 - t1).toFixed(0), 'ms convert');
  }
});
const inputs = await assemblyInputs(rec, { level: 'zone' });
for (const level of ['zone', 'station', 'national'] as const) {
  let items: unknown;
  await t(`assembly ${level}`, () => { items = buildKpiItems(inputs, level); });
  await t(`stringify ${level}`, () => console.log('  bytes', JSON.stringify(items).length));
}
db.close();
