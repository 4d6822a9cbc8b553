import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../env.ts';
import { errorBody } from './errors.ts';
import { isPublicPath } from './middleware.ts';

/**
 * Request body limits. Mounted after authMiddleware so an anonymous client can only ever send
 * small bodies:
 * - public paths (sign-in, the resident survey, which caps itself lower): 64 KiB;
 * - JSON, form and text bodies: 1 MiB;
 * - uploads (multipart/form-data and binary types): deps.maxUploadBytes.
 * Import routes may add uploadBodyLimit(deps) explicitly; the larger limit never widens a smaller one.
 */
const PUBLIC_BODY_LIMIT = 64 * 1024;
const JSON_BODY_LIMIT = 1024 * 1024;

const tooLarge = (c: Context) => c.json(errorBody('payload_too_large'), 413);

const SMALL_TYPES =
  /^(application\/json|application\/[\w.+-]*\+json|application\/x-www-form-urlencoded|text\/plain)\b/i;

export function requestBodyLimit(deps: AppDeps): MiddlewareHandler {
  const publicLimit = bodyLimit({ maxSize: PUBLIC_BODY_LIMIT, onError: tooLarge });
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge });
  const uploadLimit = uploadBodyLimit(deps);
  return (c, next) => {
    if (isPublicPath(c.req.path)) return publicLimit(c, next);
    const type = c.req.header('content-type') ?? '';
    return type === '' || SMALL_TYPES.test(type) ? jsonLimit(c, next) : uploadLimit(c, next);
  };
}

/** For import routes: bodies up to deps.maxUploadBytes, else 413 with the bilingual error. */
function uploadBodyLimit(deps: Pick<AppDeps, 'maxUploadBytes'>): MiddlewareHandler {
  return bodyLimit({ maxSize: deps.maxUploadBytes, onError: tooLarge });
}
