import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../server/db/database.ts';
import { RecordingDatabase } from './lib/recording-db.ts';
import { assemblyInputs } from './lib/service-parts.ts';
import { buildKpiItems } from '../server/services/kpi-items.ts';
const db = await openDatabase('.bench-cache/national.duckdb');
const rec = new RecordingDatabase(db);
const inputs = await assemblyInputs(rec, { level: 'zone' });
db.close();
buildKpiItems(inputs, 'station');
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i = 0; i < 3; i++) { buildKpiItems(inputs, 'zone'); buildKpiItems(inputs, 'station'); }
const { profile } = await s.post('Profiler.stop');
// self time per function
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => { const n = byId.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(0).padStart(6), 'ms', ((100 * v) / total).toFixed(1).padStart(5), '%', k);
