import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows } from '../../../server/contracts/column-table.ts';

const rows = [
  {
    id: 'Z-1',
    n: 212,
    value: 6.995829696876997,
    waves: ['2567-Q3'],
    byReason: { blank: 2, refused: 1 },
    ring: { after: 12, baseline: 9, meters: 500 },
    reading: null,
    status: 'met',
  },
  {
    id: 'Z-2',
    n: 0,
    value: null,
    waves: [],
    byReason: {},
    ring: null,
    reading: { zone: 'fell', warning: false },
    status: 'met',
  },
  {
    id: 'Z-3',
    n: 7,
    value: -0.1 + 0.2,
    waves: ['2567-Q3', '2567-Q4'],
    byReason: { dont_know: 1 },
    ring: { after: 0, baseline: 0, meters: 1500 },
    reading: { zone: 'rose', warning: true },
    status: 'met',
  },
];

describe('rows as columns', () => {
  it('gives back exactly the rows it was given: numbers to the last bit, nulls, nesting, arrays', () => {
    const table = encodeRows(rows, ['byReason']);
    const back = decodeRows(JSON.parse(JSON.stringify(table)) as typeof table);
    expect(back).toEqual(rows);
    expect(Object.is(back[2]?.value, rows[2]?.value)).toBe(true);
    // Null objects stay null, not objects of nulls.
    expect(back[1]?.ring).toBeNull();
    expect(back[0]?.reading).toBeNull();
  });

  it('names each field once and keeps a repeated value once (a dictionary and codes)', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...rows[i % 3], id: `Z-${i}` }));
    const table = encodeRows(many, ['byReason']);
    expect(table.count).toBe(300);
    expect(table.columns.status).toEqual({ dict: ['met'], codes: new Array(300).fill(0) });
    expect(table.columns.id).toHaveProperty('values');
    const text = JSON.stringify(table);
    expect(text.match(/"meters"|"ring\.meters"/g)).toHaveLength(1);
    expect(text.length).toBeLessThan(JSON.stringify(many).length / 2);
    expect(decodeRows(table)).toEqual(many);
  });

  it('refuses rows of different shapes instead of sending a wrong one', () => {
    expect(() => encodeRows([{ a: 1, b: 2 }, { a: 1 }])).toThrow(/row 1 has no 'b'/);
    expect(() => encodeRows([{ a: { x: 1 } }, { a: 3 }])).toThrow(/'a' is an object in some rows/);
    expect(() => encodeRows([{ a: {} }])).toThrow(/empty object/);
    expect(decodeRows(encodeRows([]))).toEqual([]);
  });
});
