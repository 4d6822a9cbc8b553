import type { Context, TypedResponse } from 'hono';
import { accepts } from 'hono/accepts';
import type { JSONParsed } from 'hono/utils/types';

/** JSON text serialised earlier (and cached), with the same text gzipped on demand (also cached). */
export interface CachedJson {
  text: string;
  gzipped: () => Promise<Uint8Array>;
}

/**
 * A JSON response from text serialised earlier, typed exactly as `c.json(body)` would be, so the
 * RPC client still infers the body. Only for text made by JSON.stringify of a `T`. A client that
 * accepts gzip gets the cached gzipped bytes (the compress middleware leaves an answer that already
 * has a Content-Encoding alone), so a large answer is compressed once per state of the data.
 */
export async function jsonText<T>(
  c: Context,
  json: CachedJson,
): Promise<Response & TypedResponse<JSONParsed<T>, 200, 'json'>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  const gzip = accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip';
  const response: Response = gzip
    ? c.body((await json.gzipped()) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' })
    : c.body(json.text, 200, headers);
  return response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
