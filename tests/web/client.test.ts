import { describe, expect, test } from 'vitest';
import { ApiError, toApiError, withCsrf } from '../../web/api/client.ts';

describe('withCsrf', () => {
  test('mutations carry the token; reads do not', () => {
    expect(new Headers(withCsrf({ method: 'POST' }, 'tok').headers).get('X-CSRF-Token')).toBe('tok');
    expect(new Headers(withCsrf({ method: 'delete' }, 'tok').headers).get('X-CSRF-Token')).toBe('tok');
    expect(new Headers(withCsrf({ method: 'GET' }, 'tok').headers).get('X-CSRF-Token')).toBeNull();
    expect(new Headers(withCsrf(undefined, 'tok').headers).get('X-CSRF-Token')).toBeNull();
  });

  test('no token, no header; other headers are kept; cookies ride along', () => {
    const init = withCsrf({ method: 'POST', headers: { 'Content-Type': 'application/json' } }, null);
    const headers = new Headers(init.headers);
    expect(headers.get('X-CSRF-Token')).toBeNull();
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init.credentials).toBe('same-origin');
  });
});

describe('toApiError', () => {
  test('reads the bilingual error body', async () => {
    const body = JSON.stringify({ error: { code: 'locked', th: 'ล็อก', en: 'Locked' } });
    const error = await toApiError(new Response(body, { status: 429 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'locked', text: { th: 'ล็อก', en: 'Locked' } });
  });

  test('anything else is a bare status', async () => {
    expect(await toApiError(new Response('<html>', { status: 502 }))).toMatchObject({
      status: 502,
      code: null,
      text: null,
    });
  });
});
