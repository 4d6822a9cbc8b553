/** Shared by the parse tests: paths, fixture reading, a Windows-874 encoder, a seeded PRNG. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../../server/importers/parse/csv.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const fixtureDir = path.join(repoRoot, 'tests/fixtures/parse');
/** Real public files copied into the repository (sources and licences: tests/fixtures/README.md). */
export const realData = path.join(repoRoot, 'tests/fixtures/real');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtureDir, name)));
}

/** A UTF-8 fixture table as objects keyed by its header (parsed with the parser under test). */
export function fixtureTable(name: string): Record<string, string>[] {
  const text = readFileSync(path.join(fixtureDir, name), 'utf8');
  const parsed = parseCsv(text, { file: name });
  if (parsed.header === null || parsed.issueCount > 0) {
    throw new Error(`fixture ${name} does not parse: ${JSON.stringify(parsed.issues)}`);
  }
  const header = parsed.header.fields;
  return parsed.rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

/**
 * Windows-874 encoder for test data: ASCII as is, Thai U+0E01..U+0E5B at 0xA1..0xFB,
 * and the 0x80-0x9F extras Windows-874 adds to TIS-620.
 */
const EXTRAS: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '\u00A0': 0xa0,
};
export function encodeWindows874(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x0e01 && cp <= 0x0e5b) out.push(cp - 0x0e00 + 0xa0);
    else if (EXTRAS[ch] !== undefined) out.push(EXTRAS[ch]);
    else throw new Error(`not encodable in Windows-874: U+${cp.toString(16)}`);
  }
  return Uint8Array.from(out);
}
