import { Hono } from 'hono';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { notFound, requirePermission } from '../auth/middleware.ts';
import { authSettings } from '../auth/settings.ts';
import { PROBLEM_LEVELS, PROBLEM_STATUSES } from '../contracts/problems.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import {
  changeProblem,
  createProblem,
  listProblems,
  problemCategories,
  problemSummary,
  todayOf,
} from '../services/problems.ts';
import { validate } from './validation.ts';

/** A day 'YYYY-MM-DD' (a real calendar day). */
const DAY = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'not a calendar day' });
/** A period end: a month 'YYYY-MM' or a day 'YYYY-MM-DD'. */
const PERIOD_END = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
const CODE = z.string().min(1).max(100);

const period = {
  from: PERIOD_END.optional(),
  to: PERIOD_END.optional(),
};
const listQuery = z
  .object({ unit: CODE.optional(), zone: CODE.optional(), status: z.enum(PROBLEM_STATUSES).optional(), ...period })
  .strict();
const summaryQuery = z.object({ unit: CODE.optional(), ...period }).strict();
const idParam = z.object({ id: z.string().regex(/^\d{1,9}$/) });

const newProblem = z
  .object({
    category: z.string().min(1).max(60),
    raisedOn: DAY,
    zoneId: CODE.optional(),
    stationCode: CODE.optional(),
    description: z.string().trim().min(1).max(2000),
    /** The network or member group that raised it: a group, not a person's name. */
    raisedBy: z.string().trim().min(1).max(200),
    point: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  })
  .strict()
  .refine((b) => b.zoneId !== undefined || b.stationCode !== undefined, {
    message: 'zoneId or stationCode is required',
  });
const problemChange = z
  .object({
    level: z.enum(PROBLEM_LEVELS).optional(),
    status: z.enum(PROBLEM_STATUSES).optional(),
    note: z.string().trim().min(1).max(2000),
    /** The day the change happened; default today (Bangkok). */
    on: DAY.optional(),
  })
  .strict();

/**
 * Stronger Together: the community problems raised by each station's network (services/problems.ts).
 * Reading follows the level a problem has risen to; recording and changing need edit_problems and
 * the station's own scope (or national); every change is in the audit log with before and after.
 */
export const problemRoutes = (deps: AppDeps) => {
  const today = () => todayOf(authSettings(deps).now());
  return new Hono<AppEnv>()
    .get('/categories', async (c) => c.json(await problemCategories(deps.db)))
    .get('/summary', validate('query', summaryQuery), async (c) => {
      const q = c.req.valid('query');
      const summary = await problemSummary(deps.db, c.get('principal'), { ...q, unit: q.unit ?? 'national' }, today());
      if (!summary) throw notFound();
      return c.json(summary);
    })
    .get('/', validate('query', listQuery), async (c) =>
      c.json({ items: await listProblems(deps.db, c.get('principal'), c.req.valid('query'), today()) }),
    )
    .post('/', requirePermission('edit_problems'), validate('json', newProblem), async (c) => {
      const problem = await createProblem(deps.db, c.get('principal'), c.get('zoneIds'), c.req.valid('json'), today());
      await auditRequest(c, deps, 'problem_create', String(problem.id), { after: problem });
      return c.json(problem, 201);
    })
    .patch(
      '/:id',
      requirePermission('edit_problems'),
      validate('param', idParam),
      validate('json', problemChange),
      async (c) => {
        const id = Number(c.req.valid('param').id);
        const { before, after } = await changeProblem(deps.db, c.get('principal'), id, c.req.valid('json'), today());
        await auditRequest(c, deps, 'problem_update', String(id), { before, after });
        return c.json(after);
      },
    );
};
