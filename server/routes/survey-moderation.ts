import { Hono } from 'hono';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { assertZoneInScope, notFound, requirePermission } from '../auth/middleware.ts';
import { authSettings } from '../auth/settings.ts';
import { FORM_HOUR_PATTERN, VOID_REASON_MAX } from '../contracts/resident-survey.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { formZone } from '../services/survey-form.ts';
import { moderationList, releaseFormHour, voidFormHour } from '../services/survey-moderation.ts';
import { validate } from './validation.ts';

const listQuery = z
  .object({
    days: z
      .string()
      .regex(/^\d{1,3}$/)
      .optional(),
  })
  .strict();
const hourBody = z.object({ zoneId: z.string().min(1).max(100), hour: z.string().regex(FORM_HOUR_PATTERN) }).strict();
const voidBody = hourBody.extend({ reason: z.string().trim().min(3).max(VOID_REASON_MAX) }).strict();

/**
 * The resident form's moderation (issue #20 item 4), for analysts (moderate_survey), zones in
 * scope: GET / lists bursts by zone and Bangkok hour; POST /void voids a whole zone-hour with a
 * reason (kept, never deleted, out of every figure); POST /release puts a zone-hour a rate limit
 * held back into the figures. Both audited.
 */
export const surveyModerationRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .use('*', requirePermission('moderate_survey'))
    .get('/', validate('query', listQuery), async (c) => {
      const days = c.req.valid('query').days;
      const now = authSettings(deps).now();
      const bursts = await moderationList(deps, c.var.zoneIds, now, days === undefined ? undefined : Number(days));
      return c.json({ bursts }, 200);
    })
    .post('/void', validate('json', voidBody), async (c) => {
      const { zoneId, hour, reason } = c.req.valid('json');
      assertZoneInScope(c, zoneId);
      if (!(await formZone(deps.db, zoneId))) throw notFound();
      const by = c.var.principal.username;
      const voided = await voidFormHour(deps, { zoneId, hour, by, reason, atMs: authSettings(deps).now() });
      await auditRequest(c, deps, 'survey_void', zoneId, { hour, reason, voided });
      return c.json({ voided }, 200);
    })
    .post('/release', validate('json', hourBody), async (c) => {
      const { zoneId, hour } = c.req.valid('json');
      assertZoneInScope(c, zoneId);
      if (!(await formZone(deps.db, zoneId))) throw notFound();
      const released = await releaseFormHour(deps, { zoneId, hour });
      await auditRequest(c, deps, 'survey_release', zoneId, { hour, released });
      return c.json({ released }, 200);
    });
