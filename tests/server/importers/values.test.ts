/**
 * server/importers/values.ts fast paths. DateReader answers for a cell exactly what parse/dates.ts answers
 * for its text: its caches (whole texts, date and time parts, and the numbers of the commonest
 * shapes) only save work. Checked over every shape the fast path reads and its near misses, each
 * seen twice (the second answer comes from a cache), with both date orders.
 */
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../../server/importers/parse/dates.ts';
import { fixtureTable } from './parse/helpers.ts';
import { DateReader, plainDecimalValue } from '../../../server/importers/values.ts';

function texts(): string[] {
  const dates = [
    '6/5/2564',
    '7/5/2564',
    '06/05/2564',
    '6/6/2564',
    '6/5/2565',
    '6/05/2021',
    '31/12/2566',
    '29/2/2567',
    '29/2/2566',
    '31/4/2564',
    '0/1/2564',
    '13/13/2564',
    '1/1/1999',
    '1/1/2700',
    '2021-05-06',
    '2021-05-07',
    '2021-06-06',
    '2021-5-06',
    '2021-13-01',
    '2024-02-29',
    '2023-02-29',
    '6/5/64',
    '6-5-2564',
    '๖/๕/๒๕๖๔',
    '12/31/2021',
    '2/3/2564',
  ];
  const times = [
    '',
    ' 21:30',
    ' 21.30',
    ' 9:05',
    ' 09:05',
    ' 0:00',
    ' 23:59:59',
    ' 24:00',
    ' 21:60',
    ' 21:30:60',
    ' 7:5',
    ' 21:30 น.',
    ' 21.30:15',
    '  21:30',
    ' 21:30 ',
  ];
  const out: string[] = [];
  for (const d of dates) for (const t of times) out.push(`${d}${t}`);
  out.push(
    '',
    ' ',
    '2564',
    'พ.ค. 2564',
    '6 พฤษภาคม 2564 21:30',
    '2021-05-06T21:30',
    '6/5/2564T21:30',
    '6/5/2564 21:30:15.5',
  );
  return out;
}

describe('DateReader', () => {
  for (const dateOrder of ['dmy', 'mdy'] as const) {
    it(`reads every text as parseDateTime does (${dateOrder}), first time and cached`, () => {
      const reader = new DateReader({ dateOrder });
      const all = [...texts(), ...fixtureTable('dates-valid.csv').map((c) => c.input ?? '')];
      for (const pass of [1, 2]) {
        for (const text of all) {
          const expected = text.trim() === '' ? null : parseDateTime(text, { dateOrder });
          expect({ text, pass, got: reader.read(text) }).toEqual({ text, pass, got: expected });
        }
      }
    });
  }
});

describe('plainDecimalValue', () => {
  it('reads plain decimals of up to 15 digits exactly as Number() does; NaN (use the general parser) otherwise', () => {
    let seed = 2588;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples: string[] = [
      '0',
      '-0',
      '0.0',
      '100',
      '-4.5',
      '13.712345',
      '100.123456789012',
      '007.50',
      '900719925474099',
    ];
    for (let k = 0; k < 20_000; k++) {
      const whole = Math.floor(next() * 10 ** Math.floor(next() * 4));
      const places = Math.floor(next() * 12);
      const frac = places === 0 ? '' : `.${String(Math.floor(next() * 10 ** places)).padStart(places, '0')}`;
      samples.push(`${next() < 0.3 ? '-' : ''}${whole}${frac}`);
    }
    for (const s of samples) {
      const expected = Number(s);
      expect({ s, v: plainDecimalValue(s) }).toEqual({ s, v: Object.is(expected, -0) ? -0 : expected });
    }
    for (const s of [
      '',
      '-',
      '.5',
      '5.',
      '1e5',
      '1,000',
      ' 1',
      '1 ',
      '0x10',
      '1.2.3',
      '--1',
      '9007199254740991',
      '12345678901234567',
    ])
      expect({ s, v: plainDecimalValue(s) }).toEqual({ s, v: Number.NaN });
  });
});
