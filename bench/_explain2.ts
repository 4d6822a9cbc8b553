import { openDatabase } from '../server/db/database.ts';
import { computeKpis } from '../server/services/kpis.ts';
import { RecordingDatabase } from './lib/recording-db.ts';
const db = await openDatabase('.bench-cache/national.duckdb');
const rec = new RecordingDatabase(db);
const stmts = await rec.capture(() => computeKpis(rec, null, { level: 'zone' }));
const s = stmts.find((x) => x.origin.includes(process.argv[2] ?? 'crime'))!;
await db.withConnection(async (c) => {
  const r = await c.runAndReadAll('EXPLAIN (ANALYZE, FORMAT JSON) ' + s.sql, s.values, s.types);
  const j = JSON.parse(String(r.getRows()[0]?.[1]));
  const ops: [number, string, number][] = [];
  const walk = (n: any, d: number) => { ops.push([n.operator_timing ?? 0, '  '.repeat(d) + (n.operator_name ?? n.operator_type) + ' ' + JSON.stringify(n.extra_info ?? {}).slice(0, 150), n.operator_cardinality ?? 0]); for (const ch of n.children ?? []) walk(ch, d + 1); };
  walk(j, 0);
  console.log('total', j.latency ?? j.operator_timing);
  for (const o of ops.filter((o) => o[0] > 0.01)) console.log(o[0].toFixed(3), o[2], o[1]);
});
db.close();
