import { bangkokDateTime } from '../contracts/calendar.ts';
import { BURST_MIN_ANSWERS_PER_HOUR, MODERATION_DEFAULT_DAYS } from '../contracts/resident-survey.ts';
import type { AppDeps } from '../env.ts';
import { formBursts } from '../queries/survey-form-bursts.ts';
import { countWaitingAnswers, releaseHour, voidHour } from '../queries/survey-form-write.ts';
import { formWrite } from './survey-form.ts';

/** The resident form's bursts an analyst may see: zones in scope, the last `days` days (Bangkok hours). */
export function moderationList(deps: AppDeps, zoneIds: string[] | null, nowMs: number, days = MODERATION_DEFAULT_DAYS) {
  const sinceHour = `${bangkokDateTime(new Date(nowMs - days * 86_400_000)).slice(0, 13)}:00`;
  return formBursts(deps.db, { zoneIds, sinceHour, minAnswers: BURST_MIN_ANSWERS_PER_HOUR });
}

/**
 * Voids a zone's hour of form answers: each kept with who and why, out of every figure. Through the
 * form's write queue, so it never races an answer or a batch being counted. Returns how many.
 */
export function voidFormHour(
  deps: AppDeps,
  v: { zoneId: string; hour: string; by: string; reason: string; atMs: number },
) {
  return formWrite(deps, () => deps.db.transaction((conn) => voidHour(conn, v)));
}

/**
 * Releases a zone's hour held by a rate limit (voided answers stay voided) and counts what was
 * waiting, so the released answers are in the figures at once. Returns how many were released.
 */
export function releaseFormHour(deps: AppDeps, v: { zoneId: string; hour: string }) {
  return formWrite(deps, () =>
    deps.db.transaction(async (conn) => {
      const released = await releaseHour(conn, v);
      await countWaitingAnswers(conn);
      return released;
    }),
  );
}
