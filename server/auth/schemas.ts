import { z } from 'zod';
import {
  DISPLAY_NAME_MAX_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  RESERVED_USERNAMES,
  ROLES,
  type Scope,
  TOKEN_NAME_MAX_LENGTH,
  TOKEN_NAME_PATTERN,
  USERNAME_PATTERN,
} from '../contracts/accounts.ts';

/** Request bodies and queries of the auth and admin routes. Objects are strict: unknown keys are refused. */

const code = z.string().trim().min(1).max(64);
const codes = z.array(code).min(1).max(5000);

const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('national') }),
  z.strictObject({ kind: z.literal('bureau'), codes }),
  z.strictObject({ kind: z.literal('division'), codes }),
  z.strictObject({ kind: z.literal('station'), codes }),
  z.strictObject({ kind: z.literal('zones'), ids: codes }),
]) satisfies z.ZodType<Scope>;

const roleSchema = z.enum(ROLES);

/** Lower-case letters, digits, dot, dash, underscore; 3-64 characters. */
const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'username: 3-64 of a-z 0-9 . _ -')
  .refine((u) => !RESERVED_USERNAMES.has(u), 'reserved username');

const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const displayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH);

export const loginSchema = z.strictObject({
  // Not the strict username rule: a typo must answer "wrong username or password", not 400.
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: newPasswordSchema,
});

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName,
  role: roleSchema,
  scope: scopeSchema,
  password: newPasswordSchema,
});

export const updateUserSchema = z
  .strictObject({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    scope: scopeSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'nothing to change');

export const resetPasswordSchema = z.strictObject({ password: newPasswordSchema });

export const usernameParamSchema = z.object({ username: z.string().min(1).max(100) });

export const createTokenSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(TOKEN_NAME_MAX_LENGTH)
    .regex(TOKEN_NAME_PATTERN, 'name: letters, digits, space . _ -'),
  role: roleSchema,
  scope: scopeSchema,
  /** ISO date-time; omitted = never expires (revoke it instead). */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const tokenIdParamSchema = z.object({ id: z.string().regex(/^[0-9]{1,9}$/) });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const positiveInt = z.string().regex(/^[1-9][0-9]{0,5}$/);
export const auditQuerySchema = z.object({
  user: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  /** Bangkok calendar dates, both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: positiveInt.optional(),
  pageSize: positiveInt.optional(),
});
