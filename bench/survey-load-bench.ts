/**
 * [9] The resident survey under load (issue #20 item 6): 1,000 answers a minute spread over 100
 * zones, each as a resident's phone does it (GET the form for its signed token, POST the answer,
 * each from its own address behind a trusted proxy), while a dashboard reader keeps asking for the
 * national overview and zone pages. The server is the real app on loopback HTTP, on a throw-away
 * database with the demo programme and 75 more zones (100 in all); answers are counted into the
 * figures in batches every 30 s, as SSZ_SURVEY_COUNT_SECONDS does by default. Afterwards: every
 * accepted answer stored, and every one counted into the zone's opt-in figures (no loss).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.ts';
import { authSettings } from '../server/auth/settings.ts';
import { issueApiToken } from '../server/auth/tokens.ts';
import type { AppDeps } from '../server/env.ts';
import { Rng } from '../server/random.ts';
import { countWaitingFormAnswers } from '../server/services/survey-form.ts';
import { prepareDatabase } from '../server/startup.ts';
import { ms, stopwatch, summarise } from './lib/stats.ts';

export interface SurveyLoadResult {
  minutes: number;
  perMinute: number;
  zones: number;
  sent: number;
  accepted: number;
  refusedByStatus: Record<string, number>;
  failed: number;
  stored: number;
  countedInFigures: number;
  validFearAccepted: number;
  answerP50: number;
  answerP95: number;
  dashboard: { n: number; p50: number; p95: number; errors: number };
  achievedPerMinute: number;
}

const FORM_TOKEN = /name="token" value="([^"]+)"/;

export async function surveyLoad(
  log: (line: string) => void,
  options: { minutes: number; perMinute?: number; zones?: number },
): Promise<SurveyLoadResult> {
  const perMinute = options.perMinute ?? 1000;
  const zoneCount = options.zones ?? 100;
  const dir = mkdtempSync(join(tmpdir(), 'ssz-survey-load-'));
  const db = await prepareDatabase({ dbPath: join(dir, 'load.duckdb'), demo: true, adminUser: 'admin', log: () => {} });
  try {
    // The demo's 25 zones and copies of them to make 100 (copies have no survey yet: the form fills them).
    await db.all(
      `INSERT INTO zones SELECT z.* REPLACE (z.id || '-L' || t.n::VARCHAR AS id, z.name_th || ' (' || t.n::VARCHAR || ')' AS name_th)
         FROM zones z, range(1, 4) t(n)`,
    );
    const zones = (await db.all<{ id: string }>('SELECT id FROM zones ORDER BY id'))
      .map((z) => z.id)
      .slice(0, zoneCount);
    const deps: AppDeps = {
      db,
      version: 'bench',
      secureCookies: false,
      maxUploadBytes: 1024 * 1024,
      auth: { trustProxy: true },
      survey: { countEveryMs: 30_000 },
    };
    const { secret } = await issueApiToken(db, authSettings(deps), {
      name: 'bench-survey-load',
      role: 'analyst',
      scope: { kind: 'national' },
      createdBy: 'bench',
      expiresAt: null,
    });
    const app = createApp(deps);
    const server = await new Promise<{ base: string; close: () => Promise<void> }>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve({ base: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => s.close(() => done())) }),
      );
    });
    log(`${zones.length} zones, ${perMinute} answers a minute for ${options.minutes} min; server ${server.base}`);
    // The overview once before the load, so the reader's first figure is not the cold start.
    await fetch(`${server.base}/api/kpis?level=zone`, { headers: { authorization: `Bearer ${secret}` } });

    const rng = new Rng(20);
    const answerMs: number[] = [];
    const refusedByStatus: Record<string, number> = {};
    let sent = 0;
    let accepted = 0;
    let failed = 0;
    let validFear = 0;
    const resident = async (i: number) => {
      const zone = zones[i % zones.length] as string;
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const fear = rng.chance(0.05) ? 'dont_know' : rng.int(1, 5);
      const took = stopwatch();
      try {
        const form = await fetch(`${server.base}/s/${zone}`, { headers: { 'x-forwarded-for': address } });
        const token = FORM_TOKEN.exec(await form.text())?.[1];
        const res = await fetch(`${server.base}/api/public/survey/${zone}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ token, fear, trust: rng.int(1, 5) }),
        });
        await res.arrayBuffer();
        answerMs.push(took());
        if (res.status === 201) {
          accepted++;
          if (fear !== 'dont_know') validFear++;
        } else refusedByStatus[res.status] = (refusedByStatus[res.status] ?? 0) + 1;
      } catch {
        failed++;
      }
    };

    const dashboardMs: number[] = [];
    let dashboardErrors = 0;
    let loading = true;
    const reader = (async () => {
      for (let k = 0; loading; k++) {
        const path = k % 2 === 0 ? '/api/kpis?level=zone' : `/api/zones/${zones[k % 25]}`;
        const took = stopwatch();
        try {
          const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${secret}` } });
          await res.arrayBuffer();
          if (res.status !== 200) dashboardErrors++;
          dashboardMs.push(took());
        } catch {
          dashboardErrors++;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })();

    const gapMs = 60_000 / perMinute;
    const total = Math.round(options.minutes * perMinute);
    const started = stopwatch();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < total; i++) {
      const due = i * gapMs - started();
      if (due > 0) await new Promise((r) => setTimeout(r, due));
      sent++;
      const p = resident(i).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (i > 0 && i % perMinute === 0)
        log(`  minute ${i / perMinute}: ${accepted} accepted, ${inFlight.size} in flight`);
    }
    await Promise.all(inFlight);
    const elapsedMs = started();
    loading = false;
    await reader;
    await countWaitingFormAnswers(deps);
    const [stored] = await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM survey_form_answers');
    const [counted] = await db.all<{ n: number }>(
      `SELECT coalesce(sum(n), 0)::INTEGER AS n FROM survey_agg
        WHERE sample_type = 'opt_in' AND item = 'fear' AND status = 'valid' AND wave LIKE 'QR %'`,
    );
    await server.close();
    const answers = summarise(answerMs);
    const dashboard = summarise(dashboardMs);
    log(
      `answer (form + post) p50 ${ms(answers.p50)} ms, p95 ${ms(answers.p95)} ms; dashboard p50 ${ms(dashboard.p50)} ms, p95 ${ms(dashboard.p95)} ms (${dashboard.n} reads)`,
    );
    return {
      minutes: options.minutes,
      perMinute,
      zones: zones.length,
      sent,
      accepted,
      refusedByStatus,
      failed,
      stored: stored?.n ?? 0,
      countedInFigures: counted?.n ?? 0,
      validFearAccepted: validFear,
      answerP50: answers.p50,
      answerP95: answers.p95,
      dashboard: { n: dashboard.n, p50: dashboard.p50, p95: dashboard.p95, errors: dashboardErrors },
      achievedPerMinute: (accepted / elapsedMs) * 60_000,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
