import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type { ZodType } from 'zod';
import { errorBody } from '../auth/errors.ts';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A Standard Schema issue's path as the API has always said it: 'scope.codes.0'. */
const pathText = (path: readonly (PropertyKey | { key: PropertyKey })[] | undefined): string =>
  (path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');

/**
 * The route's zod validator, with the API's bilingual error body; the zod issues ride along so a
 * caller can see which field was wrong. hono-openapi's validator validates exactly as zod does and
 * also records the schema on the route, which is where /api/openapi.json takes each route's
 * parameters and request body from (server/routes/openapi.ts): one source for both.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  validator(target, schema, (result, c) => {
    if (!result.success) {
      return c.json(
        {
          ...errorBody('invalid_input'),
          issues: result.error.map((i) => ({ path: pathText(i.path), message: i.message })),
        },
        400,
      );
    }
  });
