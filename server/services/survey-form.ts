import { randomBytes } from 'node:crypto';
import { bangkokDate, bangkokDateTime } from '../contracts/calendar.ts';
import {
  AGE_BAND_CHOICES,
  DEFAULT_FORM_LIMITS,
  FORM_TOKEN_TTL_MS,
  type FormAnswer,
  type HoldReason,
  parseFormAnswer,
  SEX_CHOICES,
} from '../contracts/resident-survey.ts';
import type { Database } from '../db/database.ts';
import type { AppDeps } from '../env.ts';
import { appSecret } from '../queries/app-secrets.ts';
import { countWaitingAnswers, holdAnswers, insertFormAnswer } from '../queries/survey-form-write.ts';
import { formZoneRow } from '../queries/form-zone.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import type { PosterZone } from '../reports/posters.ts';
import { zoneVisible } from '../auth/principal.ts';
import { checkFormToken, signFormToken } from '../survey/form-token.ts';
import { FormRateLimit } from '../survey/rate-limit.ts';
import { authSettings } from '../auth/settings.ts';
import { computeKpis } from './kpis.ts';

/**
 * The resident survey form's server side (issue #20): tokens for the form page, answers in, the
 * rate limit and its bursts, and counting answers into the figures. Every write of form answers
 * goes through one queue per app (an answer, a batch counted, a burst held, a void), so two
 * never race in DuckDB and a limit check and its insert are one step.
 */
export type SubmitOutcome =
  | { kind: 'accepted'; id: number }
  | { kind: 'duplicate' }
  | { kind: 'not_found' }
  | { kind: 'token'; reason: 'missing' | 'invalid' | 'expired' }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

export interface FormSubmission {
  token?: unknown;
  fear?: unknown;
  trust?: unknown;
  sex?: unknown;
  ageBand?: unknown;
  lang?: unknown;
}

interface Intake {
  limit: FormRateLimit;
  countEveryMs: number;
  tail: Promise<unknown>;
  timer: NodeJS.Timeout | null;
  secret: Promise<Buffer>;
}

/** One per app (its deps): tests open apps with different limits on one database. */
const intakes = new WeakMap<AppDeps, Intake>();

function intakeOf(deps: AppDeps): Intake {
  let intake = intakes.get(deps);
  if (!intake) {
    const given = deps.survey?.secret;
    intake = {
      limit: new FormRateLimit({ ...DEFAULT_FORM_LIMITS, ...deps.survey?.limits }),
      countEveryMs: deps.survey?.countEveryMs ?? 0,
      tail: Promise.resolve(),
      timer: null,
      secret: given
        ? Promise.resolve(Buffer.from(given, 'utf8'))
        : appSecret(deps.db, 'survey_form_token', () => randomBytes(32).toString('base64url')).then((s) =>
            Buffer.from(s, 'utf8'),
          ),
    };
    intakes.set(deps, intake);
  }
  return intake;
}

/** Runs one write of form answers after the ones before it. */
function serially<T>(intake: Intake, work: () => Promise<T>): Promise<T> {
  const run = intake.tail.then(work, work);
  intake.tail = run.catch(() => undefined);
  return run;
}

/** Any write of form answers (moderation's void and release too) goes through the queue. */
export function formWrite<T>(deps: AppDeps, work: () => Promise<T>): Promise<T> {
  return serially(intakeOf(deps), work);
}

/** The zone the form is for, if it exists (the form is public: any zone of the programme). */
export function formZone(db: Database, zoneId: string) {
  return formZoneRow(db, zoneId);
}

/** A fresh signed token for a zone's form. */
export async function formToken(deps: AppDeps, zoneId: string): Promise<string> {
  return signFormToken(await intakeOf(deps).secret, zoneId, authSettings(deps).now());
}

function answerOf(value: unknown): FormAnswer | null {
  return parseFormAnswer(value);
}

function optionalChoice<T extends string>(value: unknown, choices: readonly T[]): T | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * One answer posted for a zone from a client address. Checks, in order: the zone, the token, the
 * answers, the rate limit; writes only when all pass. A tripped limit holds the burst's answers.
 */
export async function submitFormAnswer(
  deps: AppDeps,
  zoneId: string,
  body: FormSubmission,
  address: string,
): Promise<SubmitOutcome> {
  const intake = intakeOf(deps);
  const now = authSettings(deps).now();
  if (!(await formZone(deps.db, zoneId))) return { kind: 'not_found' };
  const token = checkFormToken(await intake.secret, body.token, zoneId, now, FORM_TOKEN_TTL_MS);
  if (!token.ok) return { kind: 'token', reason: token.reason };

  const fear = answerOf(body.fear);
  const trust = answerOf(body.trust);
  const sex = optionalChoice(body.sex, SEX_CHOICES);
  const ageBand = optionalChoice(body.ageBand, AGE_BAND_CHOICES);
  const wrong = [
    fear === null ? 'fear' : null,
    trust === null ? 'trust' : null,
    sex === undefined ? 'sex' : null,
    ageBand === undefined ? 'ageBand' : null,
  ].filter((f): f is string => f !== null);
  if (fear === null || trust === null || sex === undefined || ageBand === undefined) {
    return { kind: 'invalid', fields: wrong };
  }

  const outcome = await serially(intake, async (): Promise<SubmitOutcome> => {
    const take = intake.limit.check(address, zoneId, now);
    if (!take.ok) {
      const reason: HoldReason = take.scope === 'address' ? 'address_burst' : 'zone_burst';
      if (take.burstIds.length > 0) await deps.db.transaction((conn) => holdAnswers(conn, take.burstIds, reason));
      return { kind: 'rate_limited', retryAfterSeconds: Math.ceil(take.retryAfterMs / 1000) };
    }
    const at = new Date(now);
    const id = await deps.db.withConnection((conn) =>
      insertFormAnswer(conn, {
        zoneId,
        receivedAtMs: now,
        receivedHour: `${bangkokDateTime(at).slice(0, 13)}:00`,
        surveyedOn: bangkokDate(at),
        tokenId: token.tokenId,
        fearLevel: fear === 'dont_know' ? null : fear,
        fearStatus: fear === 'dont_know' ? 'dont_know' : 'valid',
        trustLevel: trust === 'dont_know' ? null : trust,
        trustStatus: trust === 'dont_know' ? 'dont_know' : 'valid',
        sex,
        ageBand,
        lang: body.lang === 'en' ? 'en' : 'th',
      }),
    );
    if (id === null) return { kind: 'duplicate' };
    intake.limit.record(address, zoneId, id, now);
    return { kind: 'accepted', id };
  });
  if (outcome.kind === 'accepted') await countAnswers(deps);
  return outcome;
}

/**
 * Counts waiting answers into the figures: now when countEveryMs is 0, else once the interval has
 * passed (one timer at a time; answers are safe in the database meanwhile and a restart counts
 * them, see countWaitingFormAnswers).
 */
async function countAnswers(deps: AppDeps): Promise<void> {
  const intake = intakeOf(deps);
  if (intake.countEveryMs === 0) {
    await countWaitingFormAnswers(deps);
    return;
  }
  if (intake.timer) return;
  intake.timer = setTimeout(() => {
    intake.timer = null;
    countWaitingFormAnswers(deps).catch((error: unknown) => console.warn('form answers not counted yet:', error));
  }, intake.countEveryMs);
  intake.timer.unref();
}

/** Counts every waiting form answer now (also at start, for answers a stop left waiting). */
export function countWaitingFormAnswers(deps: AppDeps): Promise<number> {
  return serially(intakeOf(deps), () => deps.db.transaction((conn) => countWaitingAnswers(conn)));
}

/** The zone's published (probability-sample) figures for the thank-you page, in scope of nobody: public. */
export async function publishedZoneFigures(db: Database, zoneId: string) {
  const body = await computeKpis(db, [zoneId], { level: 'zone' });
  const item = body.items.find((i) => i.id === zoneId);
  if (!item) return null;
  const survey = (f: typeof item.fear) => ({ value: f.value, n: f.n, waveDate: f.waveDate, status: f.status });
  return {
    fear: survey(item.fear),
    trust: survey(item.trust),
    crime: { changePct: item.crime.changePct, months: item.crime.months, status: item.crime.status },
  };
}
export type PublishedZoneFigures = NonNullable<Awaited<ReturnType<typeof publishedZoneFigures>>>;

/** The zones whose posters a caller may print: one zone, or a station's zones, within the caller's scope. */
export async function posterZones(
  db: Database,
  zoneIds: string[] | null,
  which: { zone: string } | { station: string },
): Promise<PosterZone[]> {
  const zones = await zoneDirectory(db, 'zone' in which ? [which.zone] : zoneIds);
  return zones.filter(
    (z) => zoneVisible(zoneIds, z.id) && ('zone' in which ? z.id === which.zone : z.stationCode === which.station),
  );
}
