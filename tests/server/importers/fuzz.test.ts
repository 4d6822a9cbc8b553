/**
 * Fuzzing: a few hundred mutated files (byte flips, truncation, dropped and doubled delimiters,
 * wrong types, huge fields, wrong delimiters, stray quotes, NUL bytes, shuffled headers, broken
 * XLSX and GeoJSON) go through the real pipeline in commit mode. Every one must end in a
 * structured result: either committed (and exactly its counted rows are in the database) or
 * refused with errors (and the database is exactly as before). Nothing throws, nothing half-writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../server/random.ts';
import type { ImportKind } from '../../../server/importers/types.ts';
import { enc, featureCollection, importText, rect, type TestDb, tableCounts, tempDb } from './helpers/db.ts';
import { MUTATIONS, type Mutation, pick } from './helpers/mutations.ts';
import { buildXlsx } from './helpers/xlsx.ts';

const ROWS = 40;

function baseCsv(rnd: () => number): string {
  const lines = ['เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด'];
  const types = ['ลักทรัพย์', 'ชิงทรัพย์', 'ทำร้ายร่างกาย', 'ยาเสพติด', 'ฉ้อโกง'];
  for (let i = 0; i < ROWS; i++) {
    const id = `F${Math.floor(rnd() * 1e9)}`;
    lines.push(
      `${id},${1 + (i % 28)}/${1 + (i % 12)}/2565 ${i % 24}:${String(i % 60).padStart(2, '0')},${types[i % 5]},สภ.เมืองสงขลา,${(7.2 + rnd() * 0.002).toFixed(6)},${(100.595 + rnd() * 0.002).toFixed(6)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Case {
  name: string;
  kind: ImportKind;
  bytes: Uint8Array;
}

function cases(): Case[] {
  const rnd = mulberry32(20_240_401);
  const out: Case[] = [];
  const names = Object.keys(MUTATIONS);
  // CSV incidents: 220 files.
  for (let k = 0; k < 220; k++) {
    const m = names[k % names.length] as string;
    const mutate = MUTATIONS[m] as Mutation;
    out.push({ name: `fuzz-${k}-${m}.csv`, kind: 'incidents', bytes: mutate(enc.encode(baseCsv(rnd)), rnd) });
  }
  // XLSX: flipped and truncated workbooks.
  for (let k = 0; k < 40; k++) {
    const rows = baseCsv(rnd)
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const x = buildXlsx([{ name: 'Sheet1', rows }]);
    const m = k % 2 === 0 ? MUTATIONS.byteFlips : MUTATIONS.truncate;
    out.push({ name: `fuzz-${k}.xlsx`, kind: 'incidents', bytes: (m as Mutation)(x, rnd) });
  }
  // GeoJSON zones: flipped and truncated.
  for (let k = 0; k < 40; k++) {
    const g = featureCollection([
      {
        properties: { code: `Z-F${k}`, name_th: `ฟัซ ${k}`, station: 'ST-MUEANG-SONGKHLA', start_date: '2022-01-01' },
        ring: rect(100.59, 7.19, 100.6 + rnd() * 0.01, 7.2 + rnd() * 0.01),
      },
    ]);
    const m = pick([MUTATIONS.byteFlips, MUTATIONS.truncate, MUTATIONS.strayQuotes], rnd) as Mutation;
    out.push({ name: `fuzz-${k}.geojson`, kind: 'zones', bytes: m(enc.encode(g), rnd) });
  }
  return out;
}

describe('fuzzed files', () => {
  let t: TestDb;
  beforeAll(async () => {
    // In memory: the same transactions, without a disk sync per commit (a few hundred imports).
    t = await tempDb({ memory: true });
  });
  afterAll(() => t?.close());

  it('each ends in a structured error or a clean import, never a partial write', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(300);
    let committed = 0;
    let refused = 0;
    for (const c of all) {
      const before = await tableCounts(t.db);
      const r = await importText(t.db, c.kind, c.name, c.bytes);
      const after = await tableCounts(t.db);
      expect(typeof r.ok, c.name).toBe('boolean');
      for (const e of r.errors) {
        expect(e.file, c.name).toBe(c.name);
        expect(e.th.length, c.name).toBeGreaterThan(0);
        expect(e.en.length, c.name).toBeGreaterThan(0);
      }
      if (r.ok) {
        committed++;
        expect(r.importId, c.name).not.toBeNull();
        expect(r.errorCount, c.name).toBe(0);
        for (const [table, n] of Object.entries(r.counts.write)) {
          expect((after[table] ?? 0) - (before[table] ?? 0), `${c.name} ${table}`).toBe(n);
        }
        expect((after.imports ?? 0) - (before.imports ?? 0)).toBe(1);
      } else {
        refused++;
        expect(r.importId, c.name).toBeNull();
        expect(r.errorCount, c.name).toBeGreaterThan(0);
        expect(r.errors.length, c.name).toBeGreaterThan(0);
        expect(after, c.name).toEqual(before);
      }
    }
    // The mix must exercise both outcomes.
    expect(committed).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  }, 300_000);
});
