/**
 * Stronger Together through the real app: a station commander records a problem and escalates it
 * to the division; the division's users see it then (not before) and it is counted once in the
 * division's rollup; the bureau sees it only when it reaches the bureau; viewers read; only the
 * station's own users change it; every change is in the audit log with before and after; the
 * rollup's children add up to the unit's total. Fixture: tests/server/auth/helpers.ts (the
 * analyst has division DV-ALPHA, the commander station ST-ALPHA, the viewer bureau BU-ALPHA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemSummary } from '../../../server/services/problems.ts';
import { type Credentials, call, FX, openTestApp, quickSession, type TestApp, USERS } from '../auth/helpers.ts';

let t: TestApp;
let commander: Credentials;
let division: Credentials;
let bureauViewer: Credentials;
let executive: Credentials;
let admin: Credentials;

/** Fresh sessions for every role (after the clock moves by days, the old ones have expired). */
async function signInAll(): Promise<void> {
  commander = await quickSession(t, USERS.commander.username);
  division = await quickSession(t, USERS.analyst.username);
  bureauViewer = await quickSession(t, USERS.viewer.username);
  executive = await quickSession(t, USERS.executive.username);
  admin = await quickSession(t, USERS.admin.username);
}
beforeAll(async () => {
  t = await openTestApp();
  await signInAll();
});
afterAll(() => t.db.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
};
const list = async (as: Credentials, query = '') =>
  (await json<{ items: Problem[] }>(await call(t, `/api/problems${query}`, { as }))).items;
const summary = async (as: Credentials, unit: string, query = '') =>
  json<ProblemSummary>(await call(t, `/api/problems/summary?unit=${unit}${query}`, { as }));

const newProblem = {
  category: 'dark_spots',
  raisedOn: '2025-12-01',
  zoneId: FX.zoneIn,
  description: 'ซอยหลังตลาดไม่มีไฟส่องสว่าง',
  raisedBy: 'เครือข่ายชุมชนตำบลคอหงส์',
  point: [100.405, 7.005] as [number, number],
};

describe('the category list', () => {
  it('is the current version, Thai and English names', async () => {
    const body = await json<{ version: number; items: { code: string; nameTh: string; nameEn: string }[] }>(
      await call(t, '/api/problems/categories', { as: bureauViewer }),
    );
    expect(body.version).toBe(1);
    expect(body.items.map((c) => c.code)).toEqual(
      expect.arrayContaining(['drugs', 'gambling', 'dark_spots', 'road_danger', 'stray_dogs', 'noise']),
    );
    expect(body.items.find((c) => c.code === 'drugs')).toEqual({ code: 'drugs', nameTh: 'ยาเสพติด', nameEn: 'Drugs' });
  });
});

describe('a problem escalated from the station to the division', () => {
  let id: number;

  it('is recorded by the station commander: level station, status open, 201 with its id', async () => {
    const created = await json<Problem>(
      await call(t, '/api/problems', { method: 'POST', as: commander, body: newProblem }),
      201,
    );
    id = created.id;
    expect(created).toMatchObject({
      level: 'station',
      status: 'open',
      stationCode: FX.stationIn,
      zoneId: FX.zoneIn,
      point: [100.405, 7.005],
      categoryNameTh: 'จุดมืด จุดเสี่ยง',
      escalated: false,
      editable: true,
    });
    expect(created.history).toEqual([
      { on: '2025-12-01', level: 'station', status: 'open', note: null, by: 'fx-commander' },
    ]);
  });

  it('is not yet seen by the division, the bureau; the zone executive and the admin see it', async () => {
    expect(await list(division)).toEqual([]);
    expect(await list(bureauViewer)).toEqual([]);
    expect((await list(executive)).map((p) => p.id)).toEqual([id]);
    expect((await list(admin)).map((p) => p.id)).toEqual([id]);
    expect((await summary(division, FX.divisionIn)).total.raised).toBe(0);
  });

  it('only the station may escalate it: the division reads nothing to change, the executive may not edit', async () => {
    const change = { level: 'division', note: 'เกินกำลังสถานี ขอไฟฟ้าส่องสว่างจากจังหวัด' };
    expect((await call(t, `/api/problems/${id}`, { method: 'PATCH', as: division, body: change })).status).toBe(404);
    expect((await call(t, `/api/problems/${id}`, { method: 'PATCH', as: executive, body: change })).status).toBe(403);
    const after = await json<Problem>(
      await call(t, `/api/problems/${id}`, { method: 'PATCH', as: commander, body: change }),
    );
    expect(after).toMatchObject({ level: 'division', status: 'open', escalated: true });
    expect(after.history.at(-1)).toEqual({
      on: '2026-01-05', // the test clock's day in Bangkok
      level: 'division',
      status: 'open',
      note: change.note,
      by: 'fx-commander',
    });
  });

  it('is then seen by the division users, who may read but not change it', async () => {
    const seen = await list(division);
    expect(seen.map((p) => p.id)).toEqual([id]);
    expect(seen[0]?.editable).toBe(false);
    const res = await call(t, `/api/problems/${id}`, {
      method: 'PATCH',
      as: division,
      body: { status: 'solved', note: 'x' },
    });
    expect(res.status).toBe(403);
    expect(await list(bureauViewer)).toEqual([]);
  });

  it("counts once in the division's rollup, in its station, and the children add up to the total", async () => {
    const s = await summary(division, FX.divisionIn);
    expect(s.unit).toMatchObject({ code: FX.divisionIn, level: 'division' });
    expect(s.total).toMatchObject({ raised: 1, open: 1, escalated: 1, solved: 0, openOver30: 1, openOver90: 0 });
    expect(s.childLevel).toBe('station');
    expect(s.children.map((c) => [c.code, c.figures.raised])).toEqual([[FX.stationIn, 1]]);
    expect(s.byCategory.map((c) => [c.code, c.figures.raised])).toEqual([['dark_spots', 1]]);
    expect(s.byFiscalYear.map((y) => [y.fiscalYear, y.figures.raised])).toEqual([[2569, 1]]);
    const national = await summary(division, 'national');
    expect(national.total.raised).toBe(1);
    expect(national.children.map((c) => c.code)).toEqual([FX.bureauIn]);
  });

  it('reaches the bureau viewer when escalated to the bureau; solved, it stays counted once', async () => {
    await json(
      await call(t, `/api/problems/${id}`, {
        method: 'PATCH',
        as: commander,
        body: { level: 'bureau', note: 'ส่งต่อ ภ.ก' },
      }),
    );
    expect((await list(bureauViewer)).map((p) => p.id)).toEqual([id]);
    // A change dated before the last one is refused; three days later it is solved.
    const early = { status: 'solved', note: 'x', on: '2026-01-04' };
    expect((await call(t, `/api/problems/${id}`, { method: 'PATCH', as: commander, body: early })).status).toBe(400);
    t.clock.advance(3 * 86_400_000);
    await signInAll();
    const solved = await json<Problem>(
      await call(t, `/api/problems/${id}`, {
        method: 'PATCH',
        as: commander,
        body: { status: 'solved', note: 'ติดตั้งไฟส่องสว่าง 6 จุด' },
      }),
    );
    expect(solved).toMatchObject({ status: 'solved', resolvedOn: '2026-01-08', resolutionNote: 'ติดตั้งไฟส่องสว่าง 6 จุด' });
    expect(solved.ageDays).toBe(38); // 1 Dec 2025 -> 8 Jan 2026: 31 + 7
    const s = await summary(bureauViewer, FX.bureauIn);
    expect(s.total).toMatchObject({ raised: 1, solved: 1, open: 0, medianDaysToSolve: 38, escalated: 1 });
    expect(s.children.reduce((n, c) => n + c.figures.raised, 0)).toBe(1);
  });

  it('every change is in the audit log with before and after', async () => {
    const rows = await t.db.all<{ action: string; target: string; detail: string; username: string }>(
      `SELECT action, target, detail::VARCHAR AS detail, username FROM audit_log
        WHERE action LIKE 'problem_%' ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['problem_create', 'problem_update', 'problem_update', 'problem_update']);
    expect(rows.every((r) => r.target === String(id) && r.username === 'fx-commander')).toBe(true);
    const first = JSON.parse(rows[1]?.detail ?? '{}') as { before: Problem; after: Problem };
    expect(first.before.level).toBe('station');
    expect(first.after.level).toBe('division');
  });
});

describe('what is refused', () => {
  it('an unknown category, a future day, a point outside Thailand (400, Thai and English)', async () => {
    for (const body of [
      { ...newProblem, category: 'aliens' },
      { ...newProblem, raisedOn: '2026-02-01' },
      { ...newProblem, point: [2.35, 48.85] },
    ]) {
      const res = await call(t, '/api/problems', { method: 'POST', as: commander, body });
      const answer = await json<{ error: { th: string; en: string } }>(res, 400);
      expect(answer.error.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(answer.error.en).toBeTruthy();
    }
  });

  it('a station out of scope answers 404; the viewer may not record (403)', async () => {
    const other = { ...newProblem, zoneId: undefined, stationCode: FX.stationOut };
    expect((await call(t, '/api/problems', { method: 'POST', as: commander, body: other })).status).toBe(404);
    expect((await call(t, '/api/problems', { method: 'POST', as: bureauViewer, body: newProblem })).status).toBe(403);
    expect((await call(t, '/api/problems/summary?unit=DV-BRAVO', { as: division })).status).toBe(404);
  });
});

describe('the rollup', () => {
  it("sums the zones' and stations' figures exactly, at every level", async () => {
    // Three more: one at the zone, one for the station without a zone, one in the other branch.
    const made = [
      { ...newProblem, category: 'noise', raisedOn: '2025-10-03' },
      { ...newProblem, category: 'drugs', zoneId: undefined, stationCode: FX.stationIn, raisedOn: '2025-11-20' },
      { ...newProblem, category: 'stray_dogs', zoneId: FX.zoneOut, raisedOn: '2025-09-15' },
    ];
    for (const body of made) await json(await call(t, '/api/problems', { method: 'POST', as: admin, body }), 201);
    const station = await summary(admin, FX.stationIn);
    expect(station.children.map((c) => [c.code, c.level, c.figures.raised])).toEqual([
      [FX.stationIn, 'station', 1], // no zone given
      [FX.zoneIn, 'zone', 2],
    ]);
    const zone = await summary(admin, FX.zoneIn);
    expect(zone.total.raised).toBe(2);
    expect(zone.childLevel).toBeNull();
    for (const unit of ['national', FX.bureauIn, FX.divisionIn, FX.stationIn]) {
      const s = await summary(admin, unit);
      for (const key of ['raised', 'solved', 'open', 'openOver30', 'openOver90', 'escalated'] as const)
        expect(
          s.children.reduce((n, c) => n + c.figures[key], 0),
          `${unit} ${key}`,
        ).toBe(s.total[key]);
      expect(s.byCategory.reduce((n, c) => n + c.figures.raised, 0)).toBe(s.total.raised);
      expect(s.byFiscalYear.reduce((n, y) => n + y.figures.raised, 0)).toBe(s.total.raised);
    }
    expect((await summary(admin, 'national')).total.raised).toBe(4);
    expect((await summary(admin, 'national', '&from=2025-10&to=2025-12')).total.raised).toBe(3);
  });
});

describe('the table as a spreadsheet', () => {
  it('CSV: BOM, Thai headers with English, one row per problem the caller sees, BE dates; XLSX; viewers refused', async () => {
    const res = await call(t, `/api/exports/problems.csv?unit=${FX.divisionIn}`, { as: division });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('วันที่แจ้ง (พ.ศ.) (raised on (BE))');
    // The division sees the one problem that rose to it (the others stayed at the station).
    const seen = await list(division, `?unit=${FX.divisionIn}`);
    expect(lines).toHaveLength(1 + seen.length);
    expect(lines[1]).toContain('01/12/2568');
    expect(text).not.toContain(FX.stationOut);
    const xlsx = await call(t, `/api/exports/problems.xlsx?unit=${FX.divisionIn}`, { as: division });
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await call(t, '/api/exports/problems.csv', { as: bureauViewer })).status).toBe(403);
  });
});
