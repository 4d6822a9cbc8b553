import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import {
  createApiToken,
  createUser,
  type Outcome,
  resetUserPassword,
  revokeApiToken,
  updateUserAccount,
} from '../auth/accounts.ts';
import { auditRequest } from '../auth/audit.ts';
import { errorBody } from '../auth/errors.ts';
import { requirePermission } from '../auth/middleware.ts';
import {
  auditQuerySchema,
  createTokenSchema,
  createUserSchema,
  resetPasswordSchema,
  tokenIdParamSchema,
  updateUserSchema,
  usernameParamSchema,
} from '../auth/schemas.ts';
import { authSettings } from '../auth/settings.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { type AuditPageQuery, auditPage, listTokens, listUsers } from '../services/admin.ts';
import { validate } from './validation.ts';

/**
 * /api/admin: users, API tokens and the audit log. Every route needs the 'admin' permission
 * (403 otherwise), and every change is audited once, after it succeeded.
 */
export const adminRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .use('*', requirePermission('admin'))
    .get('/users', async (c) => c.json({ users: await listUsers(deps.db) }))
    .post('/users', validate('json', createUserSchema), async (c) =>
      respond(c, await addUser(c, deps, c.req.valid('json')), 201),
    )
    .patch('/users/:username', validate('param', usernameParamSchema), validate('json', updateUserSchema), async (c) =>
      respond(c, await changeUser(c, deps, c.req.valid('param').username, c.req.valid('json')), 200),
    )
    .post(
      '/users/:username/password',
      validate('param', usernameParamSchema),
      validate('json', resetPasswordSchema),
      async (c) => respond(c, await resetPassword(c, deps, c.req.valid('param').username, c.req.valid('json')), 200),
    )
    .get('/tokens', async (c) => c.json({ tokens: await listTokens(deps.db) }))
    .post('/tokens', validate('json', createTokenSchema), async (c) =>
      respond(c, await addToken(c, deps, c.req.valid('json')), 201),
    )
    .delete('/tokens/:id', validate('param', tokenIdParamSchema), async (c) =>
      respond(c, await revoke(c, deps, Number(c.req.valid('param').id)), 200),
    )
    .get('/audit', validate('query', auditQuerySchema), async (c) =>
      c.json(await auditPage(deps.db, auditQuery(c.req.valid('query')))),
    );

function respond<T>(c: Context, outcome: Outcome<T>, okStatus: 200 | 201) {
  return outcome.ok ? c.json({ result: outcome.value }, okStatus) : c.json(errorBody(outcome.code), outcome.status);
}

async function addUser(c: Context<AppEnv>, deps: AppDeps, input: z.infer<typeof createUserSchema>) {
  const outcome = await createUser(deps.db, authSettings(deps), input, c.var.principal.username);
  if (outcome.ok) {
    await auditRequest(c, deps, 'user_create', input.username, { role: input.role, scope: input.scope });
  }
  return outcome;
}

async function changeUser(
  c: Context<AppEnv>,
  deps: AppDeps,
  username: string,
  patch: z.infer<typeof updateUserSchema>,
) {
  const outcome = await updateUserAccount(deps.db, username.toLowerCase(), patch);
  if (outcome.ok) await auditRequest(c, deps, 'user_update', outcome.value.username, { changes: patch });
  return outcome;
}

async function resetPassword(
  c: Context<AppEnv>,
  deps: AppDeps,
  username: string,
  body: z.infer<typeof resetPasswordSchema>,
) {
  const outcome = await resetUserPassword(deps.db, authSettings(deps), username.toLowerCase(), body.password);
  if (outcome.ok) await auditRequest(c, deps, 'user_password_reset', username.toLowerCase());
  return outcome;
}

/** The secret is in this one answer and nowhere else, ever. */
async function addToken(c: Context<AppEnv>, deps: AppDeps, input: z.infer<typeof createTokenSchema>) {
  const outcome = await createApiToken(deps.db, authSettings(deps), input, c.var.principal.username);
  if (outcome.ok) {
    const { token } = outcome.value;
    await auditRequest(c, deps, 'token_create', String(token.id), {
      name: token.name,
      role: token.role,
      scope: token.scope,
      expiresAt: token.expiresAt,
    });
  }
  return outcome;
}

/** Revoking twice is fine (the second answer repeats the first, without a second audit row). */
async function revoke(c: Context<AppEnv>, deps: AppDeps, id: number): Promise<Outcome<unknown>> {
  const outcome = await revokeApiToken(deps.db, authSettings(deps), id, c.var.principal.username);
  if (!outcome.ok) return outcome;
  const { token, revokedNow } = outcome.value;
  if (revokedNow) await auditRequest(c, deps, 'token_revoke', String(id), { name: token.name });
  return { ok: true, value: token };
}

/** The query's text numbers as numbers (the schema let through digits only). */
function auditQuery(q: z.infer<typeof auditQuerySchema>): AuditPageQuery {
  return {
    ...q,
    page: q.page === undefined ? undefined : Number(q.page),
    pageSize: q.pageSize === undefined ? undefined : Number(q.pageSize),
  };
}
