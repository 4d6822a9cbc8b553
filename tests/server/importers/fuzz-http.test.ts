/**
 * No file can stop the server (issue 22): a few hundred mutated files made from the fixtures of
 * every format the import screen accepts (CSV, XLSX, Parquet, GeoJSON, KML, KMZ), plus the hostile
 * workbook that used to end the process, are sent through `POST /api/imports/preview` of a REAL
 * server process started by this test. Each answer must be a 2xx or 4xx with a JSON body (a refused
 * file names its issue, in Thai and English), the connection is never dropped, the server answers
 * /api/health after every file, and nothing is written (the import history stays empty).
 *
 * Deterministic: the seed is fixed and printed; a failure names the case, so it reproduces.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../server/random.ts';
import { ADMIN_PASSWORD, ADMIN_USER, type RunningServer, startServer } from '../../e2e/server.ts';
import { enc, repoRoot } from './helpers/db.ts';
import { MUTATIONS, type Mutation, pick } from './helpers/mutations.ts';
import { buildXlsx, handWorkbook, zip } from './helpers/xlsx.ts';

const SEED = 20_261_207;
const fixture = (path: string) => new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures', path)));

interface Case {
  name: string;
  kind: 'incidents' | 'zones';
  bytes: Uint8Array;
}

/** Changes that target a format's structure, beside the generic byte mutations. */
const xmlText = (b: Uint8Array) => new TextDecoder().decode(b);
const XML_MUTATIONS: Record<string, Mutation> = {
  doctype: (b) => enc.encode(xmlText(b).replace(/<kml/, '<!DOCTYPE kml [<!ENTITY x "xxxxxxxx">]><kml')),
  deepNesting: (b, rnd) => {
    const t = xmlText(b);
    const at = t.indexOf('<Placemark');
    const depth = 200 + Math.floor(rnd() * 50_000);
    return enc.encode(`${t.slice(0, at)}${'<Folder>'.repeat(depth)}${'</Folder>'.repeat(depth)}${t.slice(at)}`);
  },
  hugeCoordinates: (b, rnd) => {
    const pairs = Array.from({ length: 20_000 + Math.floor(rnd() * 20_000) }, (_, i) => `100.${i},7.${i}`).join(' ');
    return enc.encode(xmlText(b).replace(/<coordinates>/, `<coordinates>${pairs} `));
  },
};
const JSON_MUTATIONS: Record<string, Mutation> = {
  deepNesting: (b, rnd) => {
    const depth = 100 + Math.floor(rnd() * 200_000);
    return enc.encode(xmlText(b).replace('"features": [', `"features": [${'['.repeat(depth)}${']'.repeat(depth)},`));
  },
  notFinite: (b) => enc.encode(xmlText(b).replace(/100\.4\d*/, '1e999')),
};
const IMPOSSIBLE_CELLS = [
  '<row r="1"><c r="XFE1"><v>1</v></c></row>',
  '<row r="1"><c r="A1048577"><v>1</v></c></row>',
  '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
  '<row r="1"><c r="B1"><v>-1e400</v></c></row>',
  '<row r="99999999999"><c><v>1</v></c></row>',
  '<row r="1"><c r="ZZZZZZZZZZZZ1"><v>1</v></c></row>',
];

async function parquetFixture(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'ssz-fuzz-pq-'));
  const path = join(dir, 'incidents.parquet');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(
    `COPY (SELECT 'PQ' || i AS "เลขคดี", TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i) HOUR AS "วันที่เกิดเหตุ",
                  'ลักทรัพย์' AS "ประเภทคดี", 'สภ.หาดใหญ่' AS "สถานี", 7.0 + i / 10000 AS lat, 100.47 AS lon
             FROM range(40) t(i)) TO '${path}' (FORMAT parquet)`,
  );
  c.closeSync();
  inst.closeSync();
  const bytes = new Uint8Array(readFileSync(path));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

function corpus(parquet: Uint8Array): Case[] {
  const rnd = mulberry32(SEED);
  const out: Case[] = [];
  const generic = Object.keys(MUTATIONS);
  const byteLevel = [MUTATIONS.byteFlips, MUTATIONS.truncate, MUTATIONS.nulBytes] as Mutation[];
  const mutateN = (bytes: Uint8Array, ms: readonly Mutation[]) => {
    let b = bytes;
    for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) b = pick(ms, rnd)(b, rnd);
    return b;
  };
  // CSV: every generic mutation over the UTF-8 and Windows-874 fixtures.
  const csvs = [fixture('imports/incidents-hat-yai.csv'), fixture('imports/incidents-thai.windows-874.csv')];
  for (let k = 0; k < 70; k++) {
    const m = generic[k % generic.length] as string;
    out.push({
      name: `fuzz-${k}-${m}.csv`,
      kind: 'incidents',
      bytes: (MUTATIONS[m] as Mutation)(pick(csvs, rnd), rnd),
    });
  }
  // XLSX: a workbook of the CSV fixture, damaged byte-wise; and hand-written impossible sheets.
  const rows = new TextDecoder()
    .decode(csvs[0])
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const workbook = buildXlsx([{ name: 'Sheet1', rows }]);
  for (let k = 0; k < 40; k++)
    out.push({ name: `fuzz-${k}.xlsx`, kind: 'incidents', bytes: mutateN(workbook, byteLevel) });
  for (const [k, cell] of IMPOSSIBLE_CELLS.entries())
    out.push({
      name: `impossible-${k}.xlsx`,
      kind: 'incidents',
      bytes: handWorkbook(`<sheetData>${cell}</sheetData>`),
    });
  // Parquet.
  for (let k = 0; k < 30; k++)
    out.push({ name: `fuzz-${k}.parquet`, kind: 'incidents', bytes: mutateN(parquet, byteLevel) });
  // GeoJSON.
  const geojson = fixture('geo/zones.geojson');
  const geoMutations = [...byteLevel, MUTATIONS.strayQuotes as Mutation, ...Object.values(JSON_MUTATIONS)];
  for (let k = 0; k < 30; k++)
    out.push({ name: `fuzz-${k}.geojson`, kind: 'zones', bytes: mutateN(geojson, geoMutations) });
  // KML, and KMZ (zipped KML, some with a directory that lies about the size).
  const kml = fixture('geo/my-maps-zones.kml');
  const kmlMutations = [...byteLevel, MUTATIONS.strayQuotes as Mutation, ...Object.values(XML_MUTATIONS)];
  for (let k = 0; k < 30; k++) out.push({ name: `fuzz-${k}.kml`, kind: 'zones', bytes: mutateN(kml, kmlMutations) });
  for (let k = 0; k < 20; k++) {
    const inner = mutateN(kml, kmlMutations);
    const lie = rnd() < 0.3 ? { declaredSize: Math.floor(rnd() * inner.length) } : {};
    const kmz = zip([{ name: 'doc.kml', data: inner, ...lie }]);
    out.push({ name: `fuzz-${k}.kmz`, kind: 'zones', bytes: rnd() < 0.5 ? mutateN(kmz, byteLevel) : kmz });
  }
  return out;
}

let server: RunningServer;
let cookie = '';
let csrf = '';

beforeAll(async () => {
  server = await startServer({ env: { SSZ_DEMO: '0' } });
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ');
  csrf = ((await res.json()) as { user: { csrfToken: string } }).user.csrfToken;
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

async function preview(c: Case): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.set('kind', c.kind);
  form.set('file', new Blob([new Uint8Array(c.bytes)]), c.name);
  const res = await fetch(`${server.baseUrl}/api/imports/preview`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf },
    body: form,
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${c.name}: HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body };
}

interface Issue {
  code: string;
  file: string;
  th: string;
  en: string;
}
interface PreviewBody {
  result?: { ok: boolean; errors: Issue[]; warnings: Issue[] };
  error?: string | { code?: string };
}

async function alive(): Promise<boolean> {
  const res = await fetch(`${server.baseUrl}/api/health`);
  return res.status === 200;
}

describe(`fuzz over HTTP: mutated files of every format sent to a real server (seed ${SEED})`, () => {
  it('the hostile workbook gets a clear bilingual refusal and the server answers on', async () => {
    console.log(`import fuzz over HTTP: seed ${SEED}`);
    const bytes = fixture('hostile/huge-cell-reference.xlsx');
    const { status, body } = await preview({ name: 'huge-cell-reference.xlsx', kind: 'incidents', bytes });
    expect(status).toBe(200);
    const result = (body as PreviewBody).result;
    expect(result?.ok).toBe(false);
    expect(result?.errors.map((e) => e.code)).toEqual(['shared_string_missing']);
    expect(result?.errors[0]).toMatchObject({ file: 'huge-cell-reference.xlsx' });
    expect(result?.errors[0]?.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(await alive()).toBe(true);
  });

  it('every mutated file: 2xx/4xx with JSON naming its issue, the server alive after each, nothing written', async () => {
    const cases = corpus(await parquetFixture());
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const outcomes: Record<string, number> = {};
    for (const c of cases) {
      let answer: { status: number; body: unknown };
      try {
        answer = await preview(c);
      } catch (error) {
        throw new Error(
          `${c.name} (seed ${SEED}): the connection failed: ${(error as Error).message}\n${server.output().slice(-2000)}`,
        );
      }
      const { status, body } = answer;
      expect(status < 500, `${c.name}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
      const b = body as PreviewBody;
      if (status >= 400) {
        expect(b.error, `${c.name}: a ${status} without an error code`).toBeDefined();
        outcomes[`http ${status}`] = (outcomes[`http ${status}`] ?? 0) + 1;
      } else {
        const result = b.result;
        expect(result, c.name).toBeDefined();
        if (result === undefined) continue;
        if (!result.ok) {
          expect(result.errors.length, c.name).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(e.file, c.name).toBe(c.name);
            expect(e.th.length, `${c.name} ${e.code}`).toBeGreaterThan(0);
            expect(e.en.length, `${c.name} ${e.code}`).toBeGreaterThan(0);
          }
          const code = result.errors[0]?.code ?? '';
          outcomes[code] = (outcomes[code] ?? 0) + 1;
        } else outcomes.ok = (outcomes.ok ?? 0) + 1;
      }
      expect(await alive(), `${c.name}: the server stopped answering\n${server.output().slice(-2000)}`).toBe(true);
    }
    console.log(`import fuzz over HTTP (seed ${SEED}): ${cases.length} files ->`, JSON.stringify(outcomes));
    // Previews write nothing: the import history is still empty.
    const history = await fetch(`${server.baseUrl}/api/imports`, { headers: { cookie } });
    expect(history.status).toBe(200);
    expect(((await history.json()) as { total: number }).total).toBe(0);
    // Both outcomes were exercised, and the structural refusals were reached.
    expect(outcomes.ok ?? 0).toBeGreaterThan(5);
    expect(Object.keys(outcomes).length).toBeGreaterThan(5);
  }, 600_000);
});
