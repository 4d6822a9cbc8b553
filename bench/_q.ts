import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(process.argv[2]!);
const c = await i.connect();
for (const sql of process.argv.slice(3)) { const r = await c.runAndReadAll(sql); console.table(r.getRowObjectsJson()); }
