/**
 * Mutations of whole files, shared by the in-process fuzz test (fuzz.test.ts) and the one that
 * sends files to a real server (fuzz-http.test.ts): byte flips, truncation, damaged rows, wrong
 * types, huge fields, wrong and mixed delimiters, stray quotes, NUL bytes, header damage, repeated
 * rows, Windows-874 bytes in UTF-8. Each takes the bytes and a seeded random source.
 */
import { enc } from './db.ts';

export type Mutation = (bytes: Uint8Array, rnd: () => number) => Uint8Array;

export const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)] as T;

export const MUTATIONS: Record<string, Mutation> = {
  byteFlips: (b, rnd) => {
    const out = b.slice();
    const n = 1 + Math.floor(rnd() * 8);
    for (let k = 0; k < n; k++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  },
  truncate: (b, rnd) => b.slice(0, Math.floor(rnd() * b.length)),
  truncateRow: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    const i = 1 + Math.floor(rnd() * (text.length - 2));
    text[i] = (text[i] ?? '').slice(0, Math.floor(rnd() * (text[i] ?? '').length));
    return enc.encode(text.join('\n'));
  },
  wrongTypes: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    const i = 1 + Math.floor(rnd() * (text.length - 2));
    const cells = (text[i] ?? '').split(',');
    const c = Math.floor(rnd() * cells.length);
    cells[c] = pick(['abc', '-999', '1e400', 'NaN', '๑๒๓', '2565-13-45', '', '   ', '0x1F', '∞', 'null', '#REF!'], rnd);
    text[i] = cells.join(',');
    return enc.encode(text.join('\n'));
  },
  hugeField: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    const i = 1 + Math.floor(rnd() * (text.length - 2));
    const cells = (text[i] ?? '').split(',');
    cells[Math.floor(rnd() * cells.length)] = 'ก'.repeat(5_000 + Math.floor(rnd() * 50_000));
    text[i] = cells.join(',');
    return enc.encode(text.join('\n'));
  },
  wrongDelimiter: (b, rnd) => enc.encode(new TextDecoder().decode(b).replaceAll(',', pick([';', '\t', '|', ' '], rnd))),
  mixedDelimiters: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    for (let i = 1; i < text.length; i++) if (rnd() < 0.2) text[i] = (text[i] ?? '').replaceAll(',', ';');
    return enc.encode(text.join('\n'));
  },
  strayQuotes: (b, rnd) => {
    const text = new TextDecoder().decode(b);
    const at = Math.floor(rnd() * text.length);
    return enc.encode(`${text.slice(0, at)}"${text.slice(at)}`);
  },
  nulBytes: (b, rnd) => {
    const out = b.slice();
    out[Math.floor(rnd() * out.length)] = 0;
    return out;
  },
  headerDamage: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    const cells = (text[0] ?? '').split(',');
    const i = Math.floor(rnd() * cells.length);
    cells[i] = pick(['', 'x', 'วันที่เกิดเหตุ', 'สถานี', cells[(i + 1) % cells.length] ?? ''], rnd);
    text[0] = cells.join(',');
    return enc.encode(text.join('\n'));
  },
  duplicateRows: (b, rnd) => {
    const text = new TextDecoder().decode(b).split('\n');
    const i = 1 + Math.floor(rnd() * (text.length - 2));
    text.splice(i, 0, text[i] ?? '');
    return enc.encode(text.join('\n'));
  },
  windows874Bytes: (b, rnd) => {
    const out = b.slice();
    for (let k = 0; k < 4; k++) out[Math.floor(rnd() * out.length)] = 0xa1 + Math.floor(rnd() * 80);
    return out;
  },
};
