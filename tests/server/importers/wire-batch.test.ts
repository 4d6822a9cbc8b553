import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../../server/importers/source/wire-batch.ts';
import { ExcelDate } from '../../../server/importers/source/xlsx.ts';
import type { Cell } from '../../../server/importers/values.ts';

/** Through the child's channel exactly as it goes: a structured clone (serialization: 'advanced'). */
const acrossTheBoundary = (rows: Cell[][]): Cell[][] => unpackRows(deserialize(serialize(packRows(rows))));

describe('rows across the parse child boundary (wire-batch)', () => {
  it('gives back every cell of a CSV batch, repeated and unique values alike', () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 1000; i++)
      rows.push([`C-${i}`, '12/3/2566', i % 3 === 0 ? 'ลักทรัพย์' : 'ชิงทรัพย์', String(7 + i / 1000), 'สภ.หาดใหญ่', '']);
    const back = acrossTheBoundary(rows);
    expect(back).toEqual(rows);
  });

  it('sends a column of few values once, as a dictionary, and a column of many values plainly', () => {
    const rows: Cell[][] = Array.from({ length: 80 }, (_, i) => [`id-${i}`, i % 2 === 0 ? 'ก' : 'ข']);
    const wire = packRows(rows);
    expect(wire.columns[0]?.index).toBeNull();
    expect(wire.columns[0]?.values).toHaveLength(80);
    expect(wire.columns[1]?.values).toEqual(['ก', 'ข']);
    expect(Array.from(wire.columns[1]?.index ?? [])).toEqual(rows.map((r) => (r[1] === 'ก' ? 0 : 1)));
  });

  it('keeps ragged rows ragged (a CSV row with fewer or more fields than the header)', () => {
    const rows: Cell[][] = [['a', 'b', 'c'], ['d'], ['e', 'f', 'g', 'h'], []];
    const back = acrossTheBoundary(rows);
    expect(back).toEqual(rows);
    expect(back.map((r) => r.length)).toEqual([3, 1, 4, 0]);
  });

  it('keeps sheet cells typed: numbers, blanks and Excel dates come back as they were', () => {
    const rows: Cell[][] = [
      [1.5, null, new ExcelDate(45292), 'x'],
      [2, 'y', new ExcelDate(45293.5), 'x'],
      [Number.MAX_SAFE_INTEGER, null, null, 'x'],
    ];
    const back = acrossTheBoundary(rows);
    expect(back).toEqual(rows);
    expect(back[0]?.[2]).toBeInstanceOf(ExcelDate);
    expect(back[1]?.[2]).toEqual(new ExcelDate(45293.5));
  });

  it('sends an empty batch as nothing', () => {
    expect(acrossTheBoundary([])).toEqual([]);
  });
});
