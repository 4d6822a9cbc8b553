import { openDatabase } from '../server/db/database.ts';
import { computeKpis } from '../server/services/kpis.ts';
const db = await openDatabase('.bench-cache/national.duckdb');
const a = (await computeKpis(db, ['BZ-01000'], { level: 'zone', unit: 'BZ-01000' })).items[0] as Record<string, unknown>;
const c = (await computeKpis(db, null, { level: 'zone', unit: 'BZ-01000' })).items[0] as Record<string, unknown>;
const diff = (x: unknown, y: unknown, path: string) => {
  if (JSON.stringify(x) === JSON.stringify(y)) return;
  if (x && y && typeof x === 'object' && typeof y === 'object') { for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diff((x as any)[k], (y as any)[k], `${path}.${k}`); return; }
  console.log(path, JSON.stringify(x), '!=', JSON.stringify(y));
};
diff(a, c, '');
db.close();
