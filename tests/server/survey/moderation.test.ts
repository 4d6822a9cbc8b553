/**
 * The resident form's moderation (issue #20 item 4 and its "done when"): a burst of 500 scripted
 * answers never reaches a figure, whether from one address or from 500; analysts see the bursts by
 * zone and hour, void one with a reason (kept, listed, audited, out of every figure) or release a
 * held one; nobody else may.
 */
import { describe, expect, it } from 'vitest';
import { countWaitingFormAnswers } from '../../../server/services/survey-form.ts';
import { kpiAnswer } from '../kpi-answer.ts';
import { formAppsForFile, postAnswer } from './form-app.ts';

const demo = formAppsForFile();

/** Every figure of one zone, to 9 decimals (a rebuilt aggregate sums the same weights in another order). */
async function figuresOf(session: (path: string) => Response | Promise<Response>, zoneId: string) {
  const body = await kpiAnswer(await session('/api/kpis?level=zone'));
  const item = body.items.find((i) => i.id === zoneId);
  if (!item) throw new Error(`no ${zoneId}`);
  return JSON.parse(JSON.stringify(item, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
}

interface Burst {
  zoneId: string;
  hour: string;
  answers: number;
  inFigures: number;
  held: number;
  voided: number;
  holdReasons: string[];
  voids: { by: string; reason: string; at: string }[];
}

describe('a burst of 500 scripted answers', () => {
  it('from one address, or from 500 addresses to one zone, never reaches a figure', async () => {
    // Answers are counted in batches (as the server does: SSZ_SURVEY_COUNT_SECONDS), default limits.
    const { app, deps, as } = demo.app({ countEveryMs: 60_000 }, true);
    const analyst = await as('demo-analyst');
    for (const [zone, addressOf] of [
      ['Z-UDN-01', () => '203.0.113.7'],
      ['Z-UDN-02', (i: number) => `198.51.${Math.floor(i / 250)}.${i % 250}`],
    ] as const) {
      const before = await figuresOf(analyst, zone);
      const statuses = new Map<number, number>();
      for (let i = 0; i < 500; i++) {
        const res = await postAnswer(app, zone, { fear: 1, trust: 5 }, { 'x-forwarded-for': addressOf(i) });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
      // One address: its 10 in the window, then 429; 500 addresses: the zone's 150, then 429.
      const accepted = zone === 'Z-UDN-01' ? 10 : 150;
      expect(Object.fromEntries(statuses)).toEqual({ 201: accepted, 429: 500 - accepted });
      await countWaitingFormAnswers(deps);
      expect(await figuresOf(analyst, zone)).toEqual(before);
      const [stored] = await demo.db.all<{ n: number; held: number; counted: number }>(
        `SELECT count(*)::INTEGER AS n, count(held_reason)::INTEGER AS held, count(*) FILTER (WHERE counted)::INTEGER AS counted
           FROM survey_form_answers WHERE zone_id = $zone`,
        { zone },
      );
      expect(stored).toEqual({ n: accepted, held: accepted, counted: 0 });
    }
  });
});

describe('GET /api/survey/moderation and POST /api/survey/moderation/void', () => {
  it('lists the burst by zone and hour; a void keeps the answers with who and why, leaves every figure, stays listed, is audited', async () => {
    const { app, as } = demo.app({ limits: { perAddress: 1000, perZone: 1000 } });
    const analyst = await as('demo-analyst');
    const zone = 'Z-PLK-01';
    const before = await figuresOf(analyst, zone);
    for (let i = 0; i < 25; i++) expect((await postAnswer(app, zone, { fear: 5, trust: 1 })).status).toBe(201);
    const during = await figuresOf(analyst, zone);
    expect(during.fear.optIn.n).toBe((before.fear.optIn?.n ?? 0) + 25);

    const listed = (await (await analyst('/api/survey/moderation')).json()) as { bursts: Burst[] };
    const burst = listed.bursts.find((b) => b.zoneId === zone);
    expect(burst).toMatchObject({ answers: 25, inFigures: 25, held: 0, voided: 0, voids: [] });
    expect(burst?.hour).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:00$/);
    if (!burst) return;

    const reason = 'ส่งซ้ำจากสคริปต์ภายใน 1 นาที';
    const voiding = await analyst('/api/survey/moderation/void', {
      method: 'POST',
      body: JSON.stringify({ zoneId: zone, hour: burst.hour, reason }),
    });
    expect(voiding.status).toBe(200);
    expect(await voiding.json()).toEqual({ voided: 25 });
    expect(await figuresOf(analyst, zone)).toEqual(before);
    const after = (await (await analyst('/api/survey/moderation')).json()) as { bursts: Burst[] };
    expect(after.bursts.find((b) => b.zoneId === zone)).toMatchObject({
      answers: 25,
      inFigures: 0,
      voided: 25,
      voids: [{ by: 'demo-analyst', reason }],
    });
    const kept = await demo.db.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM survey_form_answers WHERE zone_id = $zone AND void_reason = $reason',
      { zone, reason },
    );
    expect(kept).toEqual([{ n: 25 }]);
    const audited = await demo.db.all<{ username: string; target: string }>(
      "SELECT username, target FROM audit_log WHERE action = 'survey_void'",
    );
    expect(audited).toEqual([{ username: 'demo-analyst', target: zone }]);
    // Voiding again voids nothing more.
    const again = await analyst('/api/survey/moderation/void', {
      method: 'POST',
      body: JSON.stringify({ zoneId: zone, hour: burst.hour, reason }),
    });
    expect(await again.json()).toEqual({ voided: 0 });
  });

  it('a held burst released comes into the figures', async () => {
    const { app, as } = demo.app({ limits: { perAddress: 3 } });
    const analyst = await as('demo-analyst');
    const zone = 'Z-RBR-01';
    const before = await figuresOf(analyst, zone);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postAnswer(app, zone, { fear: 2, trust: 4 })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await figuresOf(analyst, zone)).toEqual(before);
    const { bursts } = (await (await analyst('/api/survey/moderation')).json()) as { bursts: Burst[] };
    const held = bursts.find((b) => b.zoneId === zone);
    expect(held).toMatchObject({ answers: 3, held: 3, inFigures: 0, holdReasons: ['address_burst'] });
    const release = await analyst('/api/survey/moderation/release', {
      method: 'POST',
      body: JSON.stringify({ zoneId: zone, hour: held?.hour }),
    });
    expect(await release.json()).toEqual({ released: 3 });
    expect((await figuresOf(analyst, zone)).fear.optIn.n).toBe((before.fear.optIn?.n ?? 0) + 3);
  });

  it('is for analysts and administrators, within their zones; a void needs a reason', async () => {
    const { as } = demo.app();
    for (const user of ['demo-commander', 'demo-executive', 'demo-viewer']) {
      const session = await as(user);
      expect((await session('/api/survey/moderation')).status).toBe(403);
      const voiding = await session('/api/survey/moderation/void', {
        method: 'POST',
        body: JSON.stringify({ zoneId: 'Z-HDY-01', hour: '2026-01-01 10:00', reason: 'not mine to void' }),
      });
      expect(voiding.status).toBe(403);
    }
    const analyst = await as('demo-analyst');
    const noReason = await analyst('/api/survey/moderation/void', {
      method: 'POST',
      body: JSON.stringify({ zoneId: 'Z-HDY-01', hour: '2026-01-01 10:00', reason: '' }),
    });
    expect(noReason.status).toBe(400);
    const unknown = await analyst('/api/survey/moderation/void', {
      method: 'POST',
      body: JSON.stringify({ zoneId: 'Z-NOWHERE', hour: '2026-01-01 10:00', reason: 'no such zone' }),
    });
    expect(unknown.status).toBe(404);
  });
});
