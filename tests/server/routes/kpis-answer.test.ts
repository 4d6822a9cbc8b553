/**
 * The /api/kpis answer on the demo: each method once with figures pointing to it by key, every
 * figure's n, months and counts kept, items as columns that decode to the same figures, and
 * JSON compressed when the client accepts gzip.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ColumnTable, decodeRows } from '../../../server/contracts/column-table.ts';
import type { KpiAnswerItem } from '../../../server/services/kpi-items.ts';
import { computeKpis, type KpiWireBody } from '../../../server/services/kpis.ts';
import { demoAppForFile } from '../demo-app.ts';

const demo = demoAppForFile();
const admin = demo.as('admin');

const read = async (query: string) => (await (await admin(`/api/kpis?${query}`)).json()) as KpiWireBody;

describe('GET /api/kpis answer shape', () => {
  it('says each method once; every figure points to one of them by key', async () => {
    const body = await read('level=zone');
    const items = decodeRows(body.items as ColumnTable<KpiAnswerItem>);
    expect(items.length).toBeGreaterThanOrEqual(20);
    const keys = items.flatMap((i) => [i.fear.method, i.trust.method, i.crime.method]);
    expect(keys.every((k) => typeof k === 'string' && k in body.methods)).toBe(true);
    // Each method once: no two entries alike, and far fewer methods than figures.
    const texts = Object.values(body.methods).map((m) => JSON.stringify(m));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeLessThan(keys.length / 5);
    expect(Object.keys(body.methods).every((k) => keys.includes(k))).toBe(true);
    expect(body.methods[items[0]?.crime.method ?? '']).toMatchObject({ rule: 'percent_change' });
    // The methods hold nothing of one figure: no months, no counts.
    for (const method of Object.values(body.methods)) {
      expect(method).not.toHaveProperty('L');
      expect(method).not.toHaveProperty('coveredMonths');
      expect(method).not.toHaveProperty('pooledZones');
    }
  });

  it("keeps every figure's n, months and counts: the same items as the service, field for field", async () => {
    for (const query of ['level=zone', 'level=station&from=2023-10&to=2024-09', 'level=national']) {
      const body = await read(query);
      const params = new URLSearchParams(query);
      const request = {
        level: params.get('level') as 'zone',
        from: params.get('from') ?? undefined,
        to: params.get('to') ?? undefined,
      };
      const service = await computeKpis(demo.db, null, request);
      const items = decodeRows(body.items as ColumnTable<KpiAnswerItem>);
      expect(items).toEqual(JSON.parse(JSON.stringify(service.items)));
      expect(body.methods).toEqual(JSON.parse(JSON.stringify(service.methods)));
      for (const item of items) {
        expect(typeof item.fear.n).toBe('number');
        expect(typeof item.trust.respondents).toBe('number');
        expect(typeof item.crime.months).toBe('number');
        expect(typeof item.crime.after).toBe('number');
        expect(typeof item.crime.baseline).toBe('number');
      }
    }
    const zone = decodeRows((await read('level=zone&unit=Z-HDY-01')).items as ColumnTable<KpiAnswerItem>)[0];
    expect(zone?.crime.coveredMonths).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}/) });
  });

  it('is gzipped when the client accepts it, the same JSON once unzipped; plain otherwise', async () => {
    const plain = await admin('/api/kpis?level=zone');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    const zipped = await admin('/api/kpis?level=zone', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 2);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const refused = await admin('/api/kpis?level=zone', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('other JSON answers are compressed too when accepted (large enough to be worth it)', async () => {
    const res = await admin('/api/zones/geojson', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const json = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as { type: string };
    expect(json.type).toBe('FeatureCollection');
  });
});
