import { describe, expect, it } from 'vitest';
import type { UnitPage } from '../../../server/services/unit-pages.ts';
import { demoAppForFile } from '../demo-app.ts';
import { itemsWithMethods, kpiAnswer } from '../kpi-answer.ts';

const demo = demoAppForFile();
const admin = demo.as('admin');
const commander = demo.as('demo-commander');
const executive = demo.as('demo-executive');

const page = async (as: typeof admin, path: string) => {
  const res = await as(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as UnitPage;
};

describe('GET /api/units/:code on the demo programme', () => {
  it('national: the country with its bureaus, every zone in scope for the admin', async () => {
    const body = await page(admin, '/api/units/national');
    expect(body.unit.level).toBe('national');
    expect(body.path.map((u) => u.abbrTh)).toEqual(['ประเทศ']);
    expect(body.childLevel).toBe('bureau');
    expect(body.zonesInScope).toBe(25);
    expect(body.zonesInUnit).toBe(25);
    expect(body.item?.zoneCount).toBe(25);
    expect(body.children.reduce((s, c) => s + c.item.zoneCount, 0)).toBe(25);
    expect(body.children.every((c) => c.item.level === 'bureau' && c.zonesInUnit === c.item.zoneCount)).toBe(true);
    expect(body.zones).toHaveLength(25);
    const divisions = await page(admin, '/api/units/national?level=division');
    expect(divisions.childLevel).toBe('division');
    expect(divisions.children.every((c) => c.item.level === 'division')).toBe(true);
  });

  it('walks down: region 9 -> Songkhla -> Hat Yai, each with its path and the level below', async () => {
    const bureau = await page(admin, '/api/units/PPR9');
    expect(bureau.path.map((u) => u.abbrTh)).toEqual(['ประเทศ', 'ภ.9']);
    expect(bureau.childLevel).toBe('division');
    expect(bureau.children.map((c) => c.item.id)).toContain('PPC-TH-90');
    expect(bureau.item?.zoneCount).toBe(bureau.children.reduce((s, c) => s + c.item.zoneCount, 0));

    const division = await page(admin, '/api/units/PPC-TH-90');
    expect(division.path.map((u) => u.abbrTh)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา']);
    expect(division.children.map((c) => c.item.id).sort()).toEqual(['ST-HAT-YAI', 'ST-MUEANG-SONGKHLA']);
    expect(division.zonesInUnit).toBe(4);

    const station = await page(admin, '/api/units/ST-HAT-YAI');
    expect(station.path.map((u) => u.code)).toEqual(['national', 'PPR9', 'PPC-TH-90', 'ST-HAT-YAI']);
    expect(station.path.at(-1)?.abbrTh).toBe('สภ.หาดใหญ่');
    expect(station.childLevel).toBe('zone');
    expect(station.children.map((c) => c.item.id).sort()).toEqual(['Z-HDY-01', 'Z-HDY-02', 'Z-HDY-03']);
    expect(station.zones.map((z) => z.id).sort()).toEqual(['Z-HDY-01', 'Z-HDY-02', 'Z-HDY-03']);
    // The unit's own figures are /api/kpis' figures of that unit.
    const kpis = await kpiAnswer(await admin('/api/kpis?level=station&unit=ST-HAT-YAI'));
    expect(station.item).not.toBeNull();
    expect(itemsWithMethods({ methods: station.methods, items: [station.item as never] })[0]).toEqual(kpis.items[0]);
    for (const key of ['fear', 'trust', 'crime'] as const) expect(station.item?.meets[key].n).toBe(3);
  });

  it('?level=zone lists every zone of a bureau (the meeting mode), each as /api/kpis answers it', async () => {
    const bureau = await page(admin, '/api/units/PPR9?level=zone&from=2023-10&to=2024-09');
    expect(bureau.childLevel).toBe('zone');
    expect(bureau.children.map((c) => c.item.id).sort()).toEqual(bureau.zones.map((z) => z.id).sort());
    expect(bureau.children.length).toBe(bureau.item?.zoneCount);
    const zone = bureau.children.find((c) => c.item.id === 'Z-HDY-01');
    const kpis = await kpiAnswer(await admin('/api/kpis?level=zone&unit=Z-HDY-01&from=2023-10&to=2024-09'));
    expect(zone).toBeDefined();
    expect(itemsWithMethods({ methods: bureau.methods, items: [zone?.item as never] })[0]).toEqual(kpis.items[0]);
    // A level that is not below the unit is the default listing, as before.
    expect((await page(admin, '/api/units/ST-HAT-YAI?level=division')).childLevel).toBe('zone');
    expect((await page(admin, '/api/units/PPR9?level=bureau')).childLevel).toBe('division');
    // The commander's zones only.
    const mine = await page(commander, '/api/units/PPR9?level=zone');
    expect(mine.children.map((c) => c.item.id).sort()).toEqual(['Z-HDY-01', 'Z-HDY-02', 'Z-HDY-03']);
  });

  it('takes the period like /api/kpis', async () => {
    const body = await page(admin, '/api/units/ST-HAT-YAI?from=2023-10&to=2024-06');
    expect(body.period).toEqual({ from: '2023-10', to: '2024-06' });
    const kpis = await kpiAnswer(await admin('/api/kpis?level=station&unit=ST-HAT-YAI&from=2023-10&to=2024-06'));
    expect(itemsWithMethods({ methods: body.methods, items: [body.item as never] })[0]).toEqual(kpis.items[0]);
    expect((await admin('/api/units/ST-HAT-YAI?from=2024-06&to=2023-10')).status).toBe(400);
  });

  it('a unit partly in scope says k of n and pools only the caller zones', async () => {
    const bureau = await page(commander, '/api/units/PPR9');
    expect(bureau.zonesInScope).toBe(3);
    expect(bureau.zonesInUnit).toBeGreaterThan(3);
    expect(bureau.item?.zoneCount).toBe(3);
    expect(bureau.children.map((c) => c.item.id)).toEqual(['PPC-TH-90']);
    expect(bureau.children[0]?.zonesInUnit).toBe(4);
    expect(bureau.children[0]?.item.zoneCount).toBe(3);
    const text = JSON.stringify(bureau);
    for (const other of ['Z-SKA-01', 'ST-MUEANG-SONGKHLA']) expect(text).not.toContain(other);
  });

  it('an executive sees the own zones within a unit as such', async () => {
    const national = await page(executive, '/api/units/national');
    expect(national.zonesInScope).toBeLessThan(national.zonesInUnit);
    expect(national.item?.zoneCount).toBe(national.zonesInScope);
  });

  it('answers a unit outside the scope exactly as an unknown one: not found', async () => {
    const outside = await commander('/api/units/MPB');
    const unknown = await commander('/api/units/NO-SUCH-UNIT');
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await outside.text()).toBe(await unknown.text());
    expect((await commander('/api/units/ST-MUEANG-SONGKHLA')).status).toBe(404);
    expect((await admin('/api/units/NO-SUCH-UNIT')).status).toBe(404);
  });
});
