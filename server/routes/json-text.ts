import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/**
 * A JSON response from text serialised earlier (and cached), typed exactly as `c.json(body)` would
 * be, so the RPC client still infers the body. Only for text made by JSON.stringify of a `T`.
 */
export function jsonText<T>(c: Context, text: string): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const response: Response = c.body(text, 200, { 'content-type': 'application/json' });
  return response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
