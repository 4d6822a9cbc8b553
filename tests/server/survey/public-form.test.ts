/**
 * The resident form's answer path (issue #20 items 1-4): the public page, an answer landing as
 * opt-in for its zone and never in the probability figures, the errors that write nothing, the
 * same token once, and the rate limit that trips, holds its burst and recovers.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signFormToken } from '../../../server/survey/form-token.ts';
import { kpiAnswer } from '../kpi-answer.ts';
import { type FormApp, formAppsForFile, formTokenOf, postAnswer } from './form-app.ts';

const demo = formAppsForFile();
const ZONE = 'Z-HDY-01';

async function zoneFigures(session: Awaited<ReturnType<FormApp['as']>>, zoneId: string) {
  const body = await kpiAnswer(await session('/api/kpis?level=zone'));
  const item = body.items.find((i) => i.id === zoneId);
  if (!item) throw new Error(`no ${zoneId}`);
  return item;
}

/** Figures to 9 decimals: a rebuilt aggregate sums the same weights in another order. */
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));

const stored = async (zoneId: string) =>
  (
    await demo.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM survey_form_answers WHERE zone_id = $zoneId', {
      zoneId,
    })
  )[0]?.n ?? 0;

describe('GET /s/:zoneId, the form', () => {
  it('is a small Thai page with a signed token, an English switch and nothing from elsewhere', async () => {
    const { app } = demo.app();
    const res = await app.request(`/s/${ZONE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toMatch(/<form method="post" action="\/api\/public\/survey\/Z-HDY-01">/);
    expect(html).toMatch(/<input type="hidden" name="token" value="[\w-]+\.[\w-]+">/);
    expect(html).toContain('กลัวมากที่สุด');
    expect(html).toContain('เชื่อมั่นมากที่สุด');
    expect(html).toContain('ไม่เก็บชื่อ ไม่เก็บเบอร์โทรศัพท์');
    expect(html).toContain('href="?lang=en"');
    expect(html).not.toMatch(/<script|https?:\/\/|@font-face|url\(/);
    expect(gzipSync(html).byteLength).toBeLessThanOrEqual(30 * 1024);
    const en = await (await app.request(`/s/${ZONE}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('How much do you fear crime in this area?');
  });

  it('answers 404 for a zone that does not exist', async () => {
    const { app } = demo.app();
    expect((await app.request('/s/Z-NOWHERE')).status).toBe(404);
  });
});

describe('POST /api/public/survey/:zoneId', () => {
  it('raises the zone opt-in n by one and leaves its probability figures as they were', async () => {
    const { app, as } = demo.app();
    const analyst = await as('demo-analyst');
    const before = await zoneFigures(analyst, ZONE);
    const res = await postAnswer(app, ZONE, { fear: 4, trust: 'dont_know', sex: 'female', ageBand: '25-34' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ counted: true, duplicate: false });
    const after = await zoneFigures(analyst, ZONE);
    expect(after.fear.optIn?.n).toBe((before.fear.optIn?.n ?? 0) + 1);
    expect(after.fear.optIn?.label).toBe('opt_in_not_probability_sample');
    // "don't know" is counted as a respondent, never as a valid answer.
    expect(after.trust.optIn?.respondents).toBe((before.trust.optIn?.respondents ?? 0) + 1);
    expect(after.trust.optIn?.n ?? 0).toBe(before.trust.optIn?.n ?? 0);
    for (const item of ['fear', 'trust'] as const) {
      const { optIn: _a, ...probabilityBefore } = before[item];
      const { optIn: _b, ...probabilityAfter } = after[item];
      expect(rounded(probabilityAfter)).toEqual(rounded(probabilityBefore));
    }
    const [row] = await demo.db.all<Record<string, unknown>>(
      `SELECT fear_level, fear_status, trust_level, trust_status, sex, age_band, counted FROM survey_form_answers
        WHERE zone_id = $zone`,
      { zone: ZONE },
    );
    expect(row).toEqual({
      fear_level: 4,
      fear_status: 'valid',
      trust_level: null,
      trust_status: 'dont_know',
      sex: 'female',
      age_band: '25-34',
      counted: true,
    });
  });

  it('a form post (no JavaScript) redirects to a thank-you page with the zone figures in words', async () => {
    const { app } = demo.app();
    const token = await formTokenOf(app, 'Z-HDY-02');
    const res = await app.request('/api/public/survey/Z-HDY-02', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, lang: 'th', fear: '2', trust: '5', sex: '', ageBand: '' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/s/Z-HDY-02/thanks');
    const thanks = await (await app.request('/s/Z-HDY-02/thanks')).text();
    expect(thanks).toContain('ขอบคุณที่ตอบแบบสอบถาม');
    expect(thanks).toMatch(/ร้อยละ \d+ ของผู้ตอบ [\d,]+ คน รู้สึกหวาดกลัวภัยอาชญากรรมในพื้นที่นี้ \(สำรวจ/);
    expect(thanks).toMatch(/ร้อยละ \d+ ของผู้ตอบ [\d,]+ คน เชื่อมั่นต่อการทำงานของตำรวจ/);
  });

  it('counts the same token once', async () => {
    const { app } = demo.app();
    const token = await formTokenOf(app, 'Z-HDY-03');
    const send = () =>
      app.request('/api/public/survey/Z-HDY-03', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, fear: 1, trust: 1 }),
      });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ counted: false, duplicate: true });
    expect(await stored('Z-HDY-03')).toBe(1);
  });

  it('refuses with a bilingual reason and writes nothing: unknown zone, token missing, bad, expired or of another zone, levels out of range, a body too large', async () => {
    const { app, deps, clock } = demo.app();
    const zone = 'Z-SKA-01';
    const token = await formTokenOf(app, zone);
    const post = (path: string, body: unknown, contentType = 'application/json') =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const cases: [string, Response, number, string][] = [
      ['unknown zone', await post('/api/public/survey/Z-NOWHERE', { token, fear: 3, trust: 3 }), 404, 'not_found'],
      ['no token', await post(`/api/public/survey/${zone}`, { fear: 3, trust: 3 }), 403, 'form_token_missing'],
      [
        'forged',
        await post(`/api/public/survey/${zone}`, { token: `${token}x`, fear: 3, trust: 3 }),
        403,
        'form_token_invalid',
      ],
      [
        "another zone's token",
        await post(`/api/public/survey/${zone}`, { token: await formTokenOf(app, 'Z-PKT-01'), fear: 3, trust: 3 }),
        403,
        'form_token_invalid',
      ],
      [
        'signed with another key',
        await post(`/api/public/survey/${zone}`, {
          token: signFormToken(Buffer.from('not the key'), zone, clock.now()),
          fear: 3,
          trust: 3,
        }),
        403,
        'form_token_invalid',
      ],
      ['level 6', await post(`/api/public/survey/${zone}`, { token, fear: 6, trust: 3 }), 400, 'form_invalid_answer'],
      ['level 0', await post(`/api/public/survey/${zone}`, { token, fear: 3, trust: '0' }), 400, 'form_invalid_answer'],
      ['no trust', await post(`/api/public/survey/${zone}`, { token, fear: 3 }), 400, 'form_invalid_answer'],
      [
        'odd sex',
        await post(`/api/public/survey/${zone}`, { token, fear: 3, trust: 3, sex: 'x' }),
        400,
        'form_invalid_answer',
      ],
      ['not JSON', await post(`/api/public/survey/${zone}`, '{"token":'), 400, 'form_invalid_answer'],
      [
        'too large',
        await post(`/api/public/survey/${zone}`, { token, fear: 3, trust: 3, pad: 'x'.repeat(5000) }),
        413,
        'payload_too_large',
      ],
    ];
    clock.advance(2 * 60 * 60_000 + 1000);
    cases.push([
      'expired',
      await post(`/api/public/survey/${zone}`, { token, fear: 3, trust: 3 }),
      403,
      'form_token_expired',
    ]);
    for (const [what, res, status, code] of cases) {
      expect({ what, status: res.status }).toEqual({ what, status });
      const body = (await res.json()) as { error: { code: string; th: string; en: string } };
      expect({ what, code: body.error.code }).toEqual({ what, code });
      expect(body.error.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(body.error.en).toMatch(/[a-z]/);
    }
    expect(await stored(zone)).toBe(0);
    expect(await stored('Z-NOWHERE')).toBe(0);
    expect(deps.survey).toEqual({});
  });

  it('a form post that fails shows the reason as a page in both languages', async () => {
    const { app } = demo.app();
    const res = await app.request('/api/public/survey/Z-SKA-01', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'fear=3&trust=3&lang=en',
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('The form&#39;s token is missing.');
    expect(html).toContain('ไม่พบรหัสของแบบสอบถาม');
  });

  it('trips per address and per zone with a Thai 429, holds the burst out of every figure, and recovers', async () => {
    const windowMs = 10 * 60_000;
    const { app, clock, as } = demo.app({ limits: { windowMs, perAddress: 3, perZone: 5 } }, true);
    const analyst = await as('demo-analyst');
    const zone = 'Z-PKT-02';
    const before = await zoneFigures(analyst, zone);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postAnswer(app, zone)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await postAnswer(app, zone);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await refused.json()) as { error: { code: string; th: string } };
    expect(body.error.code).toBe('form_rate_limited');
    expect(body.error.th).toMatch(/^มีการส่งคำตอบถี่เกินไป กรุณาลองใหม่ในอีก \d+ นาที$/);
    // The three that got in were a burst: held, kept, and in no figure.
    const held = await demo.db.all<{ held_reason: string }>(
      'SELECT held_reason FROM survey_form_answers WHERE zone_id = $zone',
      { zone },
    );
    expect(held.map((h) => h.held_reason)).toEqual(['address_burst', 'address_burst', 'address_burst']);
    expect(rounded(await zoneFigures(analyst, zone))).toEqual(rounded(before));

    // After the window the same address may answer again.
    clock.advance(windowMs + 1);
    expect((await postAnswer(app, zone)).status).toBe(201);
    const after = await zoneFigures(analyst, zone);
    expect(after.fear.optIn?.n).toBe((before.fear.optIn?.n ?? 0) + 1);

    // Per zone: five answers from five addresses fill it; then it is full whoever asks, and the
    // zone's window is held as a burst.
    clock.advance(windowMs + 1);
    const zoneStatuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      zoneStatuses.push(
        (await postAnswer(app, zone, { fear: 2, trust: 2 }, { 'x-forwarded-for': `10.0.0.${i}` })).status,
      );
    }
    expect(zoneStatuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const zoneHeld = await demo.db.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM survey_form_answers WHERE zone_id = $zone AND held_reason = 'zone_burst'",
      { zone },
    );
    expect(zoneHeld).toEqual([{ n: 5 }]);
    expect(rounded(await zoneFigures(analyst, zone))).toEqual(rounded(after));
  });
});
