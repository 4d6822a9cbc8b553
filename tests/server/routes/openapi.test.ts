/**
 * GET /api/openapi.json and /api/docs: every route the app answers is in the document, with its
 * parameters from the route's own zod validator, its answers and who may call it; the document
 * is valid OpenAPI 3.1; the reference page is self-contained (offline).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Hono } from 'hono';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouteKeys, buildOpenApiDocument, openApiPath, ROUTE_DOCS } from '../../../server/routes/openapi.ts';
import { call, openTestApp, type TestApp } from '../auth/helpers.ts';

let t: TestApp;
let doc: OpenAPIV3_1.Document;
beforeAll(async () => {
  t = await openTestApp();
  const res = await call(t, '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenAPIV3_1.Document;
});
afterAll(() => t.db.close());

const operation = (key: string): OpenAPIV3_1.OperationObject | undefined => {
  const [method = '', path = ''] = key.split(' ');
  return doc.paths?.[openApiPath(path)]?.[method.toLowerCase() as OpenAPIV3_1.HttpMethods];
};
const parametersOf = (key: string) => (operation(key)?.parameters ?? []) as OpenAPIV3_1.ParameterObject[];

describe('the OpenAPI document', () => {
  it('describes every route the app answers, each with its own words', () => {
    const routes = appRouteKeys(t.app);
    expect(routes.length).toBeGreaterThan(35);
    const missing = routes.filter((key) => operation(key) === undefined);
    expect(missing, 'routes the app answers but the document does not describe').toEqual([]);
    const undocumented = routes.filter((key) => ROUTE_DOCS[key] === undefined);
    expect(undocumented, 'add these routes to ROUTE_DOCS in server/routes/openapi.ts').toEqual([]);
    const stale = Object.keys(ROUTE_DOCS).filter((key) => !routes.includes(key));
    expect(stale, 'ROUTE_DOCS entries for routes the app does not have').toEqual([]);
    const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item ?? {}));
    expect(operations).toHaveLength(routes.length);
  });

  it('would show a route added without an entry, marked undocumented', async () => {
    const app = new Hono().basePath('/api').get('/something-new/:id', (c) => c.text('x'));
    const built = await buildOpenApiDocument(app as never, { version: 'test' });
    const op = built.paths?.['/api/something-new/{id}']?.get;
    expect(op?.summary).toMatch(/^UNDOCUMENTED/);
    expect(op?.parameters).toEqual([{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }]);
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
  });

  it("takes parameters and request bodies from the routes' zod validators", () => {
    const level = parametersOf('GET /api/kpis').find((p) => p.name === 'level');
    expect(level?.in).toBe('query');
    expect((level?.schema as OpenAPIV3_1.SchemaObject | undefined)?.enum).toEqual([
      'zone',
      'station',
      'division',
      'bureau',
      'national',
    ]);
    const zone = parametersOf('GET /api/zones/:id/series');
    expect(zone.map((p) => `${p.in} ${p.name}`).sort()).toEqual(['path id', 'query from', 'query to']);
    const body = (operation('POST /api/admin/users')?.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)
      ?.content['application/json']?.schema as OpenAPIV3_1.SchemaObject | undefined;
    expect(body?.required).toEqual(expect.arrayContaining(['username', 'role', 'scope', 'password']));
    expect(operation('POST /api/admin/users')?.responses?.['400']).toBeDefined();
  });

  it('says who may call each route: public, signed in, or which roles', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ssz_session' },
      bearerToken: { type: 'http', scheme: 'bearer' },
    });
    expect(operation('POST /api/auth/login')?.security).toEqual([]);
    expect(operation('GET /api/health')?.security).toEqual([{}, { sessionCookie: [] }, { bearerToken: [] }]);
    const backup = operation('POST /api/admin/backup');
    expect(backup?.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
    expect(backup?.description).toContain('Who: admin (the "admin" permission)');
    expect(Object.keys(backup?.responses ?? {})).toEqual(['200', '401', '403']);
    expect(operation('POST /api/imports/commit')?.description).toContain('Who: admin, analyst, commander');
    expect(Object.keys(operation('POST /api/imports/commit')?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '404', '413', '422']),
    );
    expect(operation('GET /api/exports/kpis.csv')?.responses?.['200']).toMatchObject({ content: { 'text/csv': {} } });
  });
});

describe('GET /api/docs', () => {
  it('renders every operation on one page that needs nothing from elsewhere', async () => {
    const res = await call(t, '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const key of appRouteKeys(t.app)) {
      const [method = '', path = ''] = key.split(' ');
      expect(html, key).toContain(
        `<span class="m ${method.toLowerCase()}">${method}</span> <code>${openApiPath(path)}</code>`,
      );
    }
    expect(html).toContain('เข้าสู่ระบบ');
    // Offline: no script, no stylesheet, font or image from anywhere.
    expect(html).not.toMatch(/<script|<link|@import|src=|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
