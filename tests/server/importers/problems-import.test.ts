/**
 * The `problems` import kind (Stronger Together): Thai headers and Buddhist-Era dates, each row a
 * problem with its dated history; a bad category or an unknown station refuses the whole file and
 * names the row; only the station's own users (or national scope) may import its problems; undo
 * removes the problems with their history. Figures on the imported rows are checked against
 * hand-worked days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../server/auth/principal.ts';
import { undoImport } from '../../../server/importers/undo.ts';
import { problemSummary } from '../../../server/services/problems.ts';
import { ADMIN, commander, importText, type TestDb, tempDb } from './helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await tempDb({ memory: true });
});
afterAll(() => t.close());

const HEADER = 'หมวดปัญหา,วันที่แจ้ง,สถานี,รายละเอียด,ผู้แจ้ง,ระดับ,สถานะ,วันที่ส่งต่อ,วันที่แก้ไขเสร็จ,หมายเหตุ,ละติจูด,ลองจิจูด';
const GOOD = [
  HEADER,
  'ยาเสพติด,15/01/2567,สภ.หาดใหญ่,มั่วสุมในสวนสาธารณะ,เครือข่ายตำบลคอหงส์,กองบังคับการ,กำลังดำเนินการ,20/01/2567,,,7.0061,100.4702',
  'การพนัน,2 ต.ค. 2566,ST-HAT-YAI,บ่อนไก่ชน,กลุ่มแม่บ้านชุมชน,สถานี,แก้ไขแล้ว,,1 ธ.ค. 2566,ปิดบ่อนแล้ว,,',
  'noise,1/3/2567,สภ.เมืองสงขลา,เสียงดังจากร้านเหล้า,อาสาสมัครชุมชน,,,,,,,',
].join('\n');

const problemCount = async () =>
  (await t.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM problems'))[0]?.n ?? 0;

describe('importing problems', () => {
  it('reads Thai headers and BE dates into problems with their history', async () => {
    const r = await importText(t.db, 'problems', 'problems-2567.csv', GOOD);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts.write).toEqual({ problems: 3 });
    const rows = await t.db.all<{
      category: string;
      raised: string;
      level: string;
      status: string;
      resolved: string | null;
      events: string;
    }>(
      `SELECT category, strftime(raised_on, '%Y-%m-%d') AS raised, level, status, strftime(resolved_on, '%Y-%m-%d') AS resolved,
              (SELECT string_agg(strftime(on_date, '%Y-%m-%d') || ' ' || level || ' ' || status, '; ' ORDER BY seq)
                 FROM problem_events e WHERE e.problem_id = p.id) AS events
         FROM problems p ORDER BY raised_on`,
    );
    expect(rows).toEqual([
      {
        category: 'gambling',
        raised: '2023-10-02',
        level: 'station',
        status: 'solved',
        resolved: '2023-12-01',
        events: '2023-10-02 station open; 2023-12-01 station solved',
      },
      {
        category: 'drugs',
        raised: '2024-01-15',
        level: 'division',
        status: 'in_progress',
        resolved: null,
        events: '2024-01-15 station open; 2024-01-20 division in_progress',
      },
      {
        category: 'noise',
        raised: '2024-03-01',
        level: 'station',
        status: 'open',
        resolved: null,
        events: '2024-03-01 station open',
      },
    ]);
  });

  it("gives the division's figures as worked by hand, as of 30 June 2024", async () => {
    const s = await problemSummary(t.db, ADMIN, { unit: 'PPC-TH-90', from: '2023-10', to: '2024-06' }, '2026-01-05');
    expect(s?.asOf).toBe('2024-06-30');
    expect(s?.total).toEqual({
      raised: 3,
      solved: 1,
      open: 2,
      closedWithoutAction: 0,
      medianDaysToSolve: 60, // 2 Oct -> 1 Dec 2023
      openOver30: 2,
      openOver90: 2, // 15 Jan -> 30 Jun 2024 = 167 days; 1 Mar -> 30 Jun = 121 days
      escalated: 1,
    });
    expect(s?.children.map((c) => [c.code, c.figures.raised])).toEqual([
      ['ST-HAT-YAI', 2],
      ['ST-MUEANG-SONGKHLA', 1],
    ]);
    expect(s?.byFiscalYear.map((y) => [y.fiscalYear, y.figures.raised])).toEqual([[2567, 3]]);
  });

  it('refuses the whole file for a bad category, naming the row, column and value in Thai and English', async () => {
    const before = await problemCount();
    const bad = `${GOOD.replace('noise,1/3/2567', 'มนุษย์ต่างดาว,2/3/2567')}\n`;
    const r = await importText(t.db, 'problems', 'problems-bad-category.csv', bad);
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 4, column: 'หมวดปัญหา', value: 'มนุษย์ต่างดาว', code: 'invalid_value' });
    expect(r.errors[0]?.th).toContain('ไม่มีหมวดปัญหานี้');
    expect(r.errors[0]?.en).toContain('no such problem category');
    expect(await problemCount()).toBe(before);
  });

  it('refuses the whole file for an unknown station, naming the row', async () => {
    const before = await problemCount();
    const bad = GOOD.replace('ST-HAT-YAI,บ่อนไก่ชน', 'สภ.ไม่มีจริง,บ่อนไก่ชน');
    const r = await importText(t.db, 'problems', 'problems-bad-station.csv', bad);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.code, e.value])).toEqual([[3, 'unknown_station', 'สภ.ไม่มีจริง']]);
    expect(await problemCount()).toBe(before);
  });

  it("lets only the station's own users import its problems", async () => {
    const division: Principal = { ...commander([]), scope: { kind: 'division', codes: ['PPC-TH-90'] } };
    const own = await importText(
      t.db,
      'problems',
      'own.csv',
      GOOD.replace(/\n.*เมืองสงขลา.*$/, ''),
      {},
      { principal: commander(['ST-HAT-YAI']) },
    );
    expect(own.errors).toEqual([]);
    expect(own.counts.write).toEqual({ problems: 2 });
    const above = await importText(t.db, 'problems', 'above.csv', `${GOOD}\n`, {}, { principal: division });
    expect(above.ok).toBe(false);
    expect(new Set(above.errors.map((e) => e.code))).toEqual(new Set(['station_out_of_scope']));
    // Undo removes the problems and their history.
    const undone = await undoImport({ db: t.db, principal: ADMIN, importId: own.importId as number });
    expect(undone).toMatchObject({ ok: true, removed: { problems: 2, problem_events: 4 } });
    expect(await problemCount()).toBe(3);
  });
});
