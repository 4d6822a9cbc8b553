/**
 * The HTTP way in (what the SPA and the command line use): multipart upload -> preview -> commit
 * -> history -> undo; saved mappings; the upload limit; permissions and scope; and the command
 * line sending a file to the running server, or importing directly, and saying which.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { authSettings } from '../../../server/auth/settings.ts';
import { issueApiToken } from '../../../server/auth/tokens.ts';
import type { AppDeps } from '../../../server/env.ts';
import { EXIT_DATA, EXIT_OK, EXIT_USAGE, isLockError, runCli } from '../../../server/importers/cli.ts';
import { repoRoot, type TestDb, tempDb } from './helpers/db.ts';

const CSV =
  'เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด\nH1,6/5/2564 21:30,ลักทรัพย์,สภ.เมืองสงขลา,7.2,100.59\nH2,7/5/2564,ชิงทรัพย์,Mueang Songkhla,,\n';

let t: TestDb;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;
let adminToken: string;
let commanderToken: string;
let executiveToken: string;

beforeAll(async () => {
  t = await tempDb();
  deps = { db: t.db, version: 'test', secureCookies: false, maxUploadBytes: 64 * 1024 };
  app = createApp(deps);
  const settings = authSettings(deps);
  const mk = async (name: string, role: 'admin' | 'commander' | 'executive', scope: object) =>
    (await issueApiToken(t.db, settings, { name, role, scope: scope as never, createdBy: 'test', expiresAt: null }))
      .secret;
  adminToken = await mk('import-cli', 'admin', { kind: 'national' });
  commanderToken = await mk('hat-yai', 'commander', { kind: 'station', codes: ['ST-HAT-YAI'] });
  executiveToken = await mk('exec', 'executive', { kind: 'national' });
});
afterAll(() => t?.close());

function form(fields: Record<string, string>, file?: { name: string; text: string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (file) f.set('file', new Blob([file.text]), file.name);
  return f;
}

const post = (path: string, body: FormData | object, token = adminToken) =>
  app.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : JSON.stringify(body),
  });
const get = (path: string, token = adminToken) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

describe('upload, preview, commit, history, undo', () => {
  let previewId: string;
  let importId: number;

  it('previews an upload: rows as parsed, dates in both eras, counts, nothing written', async () => {
    const res = await post(
      '/api/imports/preview',
      form({ kind: 'incidents' }, { name: 'สภ.เมืองสงขลา-พ.ค.64.csv', text: CSV }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      previewId: string;
      result: {
        ok: boolean;
        preview: { file: { name: string }; rows: { cells: Record<string, { be?: string }> }[] };
        counts: { write: Record<string, number> };
        warnings: { code: string }[];
      };
    };
    expect(body.result.ok).toBe(true);
    expect(body.result.preview.file.name).toBe('สภ.เมืองสงขลา-พ.ค.64.csv');
    expect(body.result.preview.rows[0]?.cells.occurred_at?.be).toBe('6/5/2564 21:30');
    expect(body.result.counts.write.incidents).toBe(2);
    expect(body.result.warnings.map((w) => w.code)).toContain('no_coordinates');
    previewId = body.previewId;
    const [n] = await t.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents');
    expect(n?.n).toBe(0);
  });

  it('previews the kept upload again with a new mapping, then commits it', async () => {
    const again = await post('/api/imports/preview', { previewId, options: { mapping: { case_id: null } } });
    expect(again.status).toBe(200);
    const a = (await again.json()) as { result: { preview: { mapping: Record<string, string> } } };
    expect(a.result.preview.mapping.case_id).toBeUndefined();
    const res = await post('/api/imports/commit', { previewId, options: {} });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { result: { importId: number; counts: { write: Record<string, number> } } };
    importId = body.result.importId;
    expect(body.result.counts.write.incidents).toBe(2);
    // The kept upload is gone once committed.
    expect((await post('/api/imports/commit', { previewId })).status).toBe(404);
  });

  it('lists the import in the history, and audits it', async () => {
    const res = await get('/api/imports?kind=incidents');
    const body = (await res.json()) as {
      items: { id: number; fileName: string; rowCounts: Record<string, number>; status: string; username: string }[];
      total: number;
    };
    expect(body.items[0]).toMatchObject({
      id: importId,
      fileName: 'สภ.เมืองสงขลา-พ.ค.64.csv',
      status: 'committed',
      username: 'token:import-cli',
    });
    expect(body.items[0]?.rowCounts.incidents).toBe(2);
    const [audit] = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'import' AND target = $id`,
      { id: String(importId) },
    );
    expect(audit?.n).toBe(1);
  });

  it('refuses the same file again unless forced', async () => {
    const again = await post('/api/imports/commit', form({ kind: 'incidents' }, { name: 'again.csv', text: CSV }));
    expect(again.status).toBe(422);
    const body = (await again.json()) as { result: { errors: { code: string; th: string; en: string }[] } };
    expect(body.result.errors.map((e) => e.code)).toEqual(['file_already_imported']);
    // When, in the reader's calendar: Buddhist Era in Thai, CE in English (Bangkok time both).
    expect(body.result.errors[0]?.th).toMatch(/เมื่อ \d{1,2}\/\d{1,2}\/25\d\d \d\d:\d\d น\./);
    expect(body.result.errors[0]?.en).toMatch(/at 20\d\d-\d\d-\d\d \d\d:\d\d by/);
  });

  it('keeps a commander out of another station: the import is not found', async () => {
    expect((await post(`/api/imports/${importId}/undo`, {}, commanderToken)).status).toBe(404);
    expect((await get(`/api/imports/${importId}`, commanderToken)).status).toBe(404);
    // An import that touched no station (a demo load, a registry update) is national business.
    const [stationless] = await t.db.all<{ id: number }>(
      `INSERT INTO imports (kind, file_name, sha256, username, row_counts, station_codes)
       VALUES ('stations', 'registry.csv', 'no-stations', 'test', '{}', []::VARCHAR[]) RETURNING id`,
    );
    expect((await get(`/api/imports/${stationless?.id}`, commanderToken)).status).toBe(404);
    expect((await post(`/api/imports/${stationless?.id}/undo`, {}, commanderToken)).status).toBe(404);
    expect((await get(`/api/imports/${stationless?.id}`)).status).toBe(200);
    await t.db.all('DELETE FROM imports WHERE id = $id', { id: stationless?.id ?? -1 });
    const list = (await (await get('/api/imports', commanderToken)).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it('lets only roles that may import use the import routes', async () => {
    expect(
      (await post('/api/imports/preview', form({ kind: 'incidents' }, { name: 'x.csv', text: CSV }), executiveToken))
        .status,
    ).toBe(403);
  });

  it('undoes the import', async () => {
    const res = await post(`/api/imports/${importId}/undo`, {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { removed: Record<string, number> } };
    expect(body.result.removed.incidents).toBe(2);
    const again = await post(`/api/imports/${importId}/undo`, {});
    expect(again.status).toBe(409);
    const item = (await (await get(`/api/imports/${importId}`)).json()) as {
      item: { status: string; undoneBy: string };
    };
    expect(item.item).toMatchObject({ status: 'undone', undoneBy: 'token:import-cli' });
  });

  it('refuses an upload over the limit with a bilingual error naming it', async () => {
    const res = await post(
      '/api/imports/preview',
      form({ kind: 'incidents' }, { name: 'big.csv', text: CSV.repeat(1000) }),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; th: string; en: string } };
    expect(body.error.code).toBe('payload_too_large');
  });

  it('answers 400 to a form without a kind', async () => {
    const res = await post('/api/imports/preview', form({}, { name: 'x.csv', text: CSV }));
    expect(res.status).toBe(400);
  });
});

describe('saved mappings', () => {
  it('saves, lists, uses and deletes a mapping by name', async () => {
    const save = await post('/api/imports/mappings', {
      name: 'ฟอร์ม สภ.เมืองสงขลา',
      kind: 'incidents',
      columns: { case_id: 'Ref', occurred_at: 'When', crime_type: 'What', lat: 'Y', lon: 'X' },
      options: { station: 'ST-MUEANG-SONGKHLA' },
    });
    expect(save.status).toBe(201);
    const list = (await (await get('/api/imports/mappings?kind=incidents')).json()) as { items: { name: string }[] };
    expect(list.items.map((m) => m.name)).toContain('ฟอร์ม สภ.เมืองสงขลา');
    const csv = 'Ref,When,What,Y,X,Notes\nM1,2022-03-01,ลักทรัพย์,7.2,100.59,x\n';
    const res = await post(
      '/api/imports/preview',
      form({ kind: 'incidents', mapping: 'ฟอร์ม สภ.เมืองสงขลา' }, { name: 'm.csv', text: csv }),
    );
    const body = (await res.json()) as {
      result: { ok: boolean; preview: { extraColumns: string[]; stations: string[] } };
    };
    expect(body.result.ok).toBe(true);
    expect(body.result.preview.extraColumns).toEqual(['Notes']);
    expect(body.result.preview.stations).toEqual(['ST-MUEANG-SONGKHLA']);
    expect(
      (
        await app.request(`/api/imports/mappings/${encodeURIComponent('ฟอร์ม สภ.เมืองสงขลา')}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${adminToken}` },
        })
      ).status,
    ).toBe(200);
  });

  it('gives the mapping screen the kinds, their columns and the offence reference', async () => {
    const ref = (await (await get('/api/imports/reference')).json()) as {
      kinds: { kind: string }[];
      offenceTypes: unknown[];
    };
    expect(ref.kinds.map((k) => k.kind)).toContain('survey');
    expect(ref.offenceTypes.length).toBeGreaterThan(40);
  });
});

describe('command line', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ssz-cli-'));
    file = join(dir, 'cases.csv');
    writeFileSync(file, CSV.replace(/H/g, 'CLI'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports directly into SSZ_DB and says so; exit 0', async () => {
    const c = io();
    const db = join(dir, 'direct.duckdb');
    const code = await runCli(['incidents', file, '--station', 'ST-MUEANG-SONGKHLA'], { SSZ_DB: db }, c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(EXIT_OK);
    expect(c.out[0]).toBe(`นำเข้าโดยตรงลงใน / Imported directly into ${db}`);
    const again = io();
    expect(await runCli(['incidents', file, '--json'], { SSZ_DB: db }, again.io)).toBe(EXIT_DATA);
    const json = JSON.parse(again.out.join('\n')) as { via: string; result: { errors: { code: string }[] } };
    expect(json.via).toBe('direct');
    expect(json.result.errors.map((e) => e.code)).toEqual(['file_already_imported']);
  });

  it('prints usage and exits 2 on a bad command', async () => {
    const c = io();
    expect(await runCli(['nonsense', file], {}, c.io)).toBe(EXIT_USAGE);
    expect(c.err.join('\n')).toContain('Usage');
  });

  it('sends the file to the running server when the database is locked, and says so', async () => {
    const db = join(dir, 'locked.duckdb');
    // Another process (standing in for the server) holds the database file.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const {DuckDBInstance}=require('@duckdb/node-api');DuckDBInstance.create(${JSON.stringify(db)}).then(()=>{console.log('held');setInterval(()=>{},1000)})`,
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
    try {
      const noToken = io();
      expect(await runCli(['incidents', file], { SSZ_DB: db }, noToken.io)).toBe(EXIT_USAGE);
      expect(noToken.err.join('\n')).toContain('SSZ_TOKEN');
      const c = io();
      const fetchIntoApp = ((url: URL | string, init?: RequestInit) => app.request(String(url), init)) as typeof fetch;
      const code = await runCli(
        ['incidents', file, '--dry-run'],
        { SSZ_DB: db, SSZ_URL: 'http://localhost:8787', SSZ_TOKEN: adminToken },
        { ...c.io, fetch: fetchIntoApp },
      );
      expect(c.err).toEqual([]);
      expect(code).toBe(EXIT_OK);
      expect(c.out[0]).toBe('ส่งไปยังเซิร์ฟเวอร์ที่กำลังทำงานที่ / Sent to the running server at http://localhost:8787');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('recognises DuckDB lock errors', () => {
    expect(
      isLockError(
        new Error('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in node (PID 1)'),
      ),
    ).toBe(true);
    expect(isLockError(new Error('Catalog Error'))).toBe(false);
  });
});
