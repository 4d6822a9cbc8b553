/**
 * GET /api/exports/zones/:id/crime.csv and /survey.csv: the numbers behind the zone page's charts.
 * Each CSV's numbers are checked against the API answers the chart is drawn from; the first lines
 * carry the zone, chart, period and filters; Thai or English headers; viewers refused like the
 * KPI exports; out of scope not found; formula-looking text neutralised.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/importers/parse/csv.ts';
import { demoAppForFile } from '../demo-app.ts';
import { kpiAnswer } from '../kpi-answer.ts';

const demo = demoAppForFile();
const admin = demo.as('admin');
const commander = demo.as('demo-commander');
const viewer = demo.as('demo-viewer');

/** A chart CSV read back: its first lines (label, value), its header and its rows, by the importers' parser. */
async function readChartCsv(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(decoded.charAt(0)).toBe('\uFEFF');
  const text = decoded.slice(1);
  const [pre = '', table = ''] = text.split('\r\n\r\n');
  const preamble = parseCsv(`label,value\r\n${pre}\r\n`).rows.map((r) => r.fields);
  const parsed = parseCsv(table);
  const header = table.slice(0, table.indexOf('\r\n')).split(',');
  return { text, preamble, header, rows: parsed.rows.map((r) => r.fields) };
}

const num = (field: string | undefined) => (field === undefined || field === '' ? null : Number(field));

interface Series {
  months: { month: string; role: string; byGroup: Record<string, number> }[];
}
interface Counterfactual {
  available: boolean;
  months: { month: string; counterfactual: number }[];
}
interface Survey {
  waves: {
    wave: string;
    sampleType: string;
    fear: { value: number | null; ciLow: number | null; ciHigh: number | null; n: number; target: number } | null;
  }[];
}

describe('the data behind the zone charts', () => {
  it("crime chart: each month's cases by group and the synthetic control equal the API's series", async () => {
    const period = 'from=2023-10&to=2024-06';
    const csv = await readChartCsv(await admin(`/api/exports/zones/Z-HDY-01/crime.csv?${period}&lang=th`));
    expect(csv.preamble[0]?.[0]).toBe('พื้นที่');
    expect(csv.preamble[0]?.[1]).toMatch(/\(Z-HDY-01\)$/);
    expect(csv.preamble[1]).toEqual(['กราฟ', 'คดีรายเดือนตามกลุ่มความผิด']);
    expect(csv.preamble[2]).toEqual(['ช่วงเวลา', 'ต.ค. 2566 – มิ.ย. 2567']);
    expect(csv.preamble.map((r) => r[0])).toContain('กลุ่มความผิดที่นับในตัวชี้วัด');
    expect(csv.header.slice(0, 2)).toEqual(['เดือน', 'ช่วง']);

    const series = (await (await admin(`/api/zones/Z-HDY-01/series?${period}`)).json()) as Series;
    const cf = (await (await admin(`/api/zones/Z-HDY-01/counterfactual?${period}`)).json()) as Counterfactual;
    const groups = Object.keys(series.months[0]?.byGroup ?? {}).sort();
    expect(groups.length).toBe(4);
    expect(csv.rows.length).toBe(series.months.length);
    // The demo has donor station areas: the synthetic control's column is filled.
    expect(cf.available).toBe(true);
    const fitted = new Map(cf.months.map((m) => [m.month, m.counterfactual]));
    series.months.forEach((month, i) => {
      const row = csv.rows[i] as string[];
      // Months in BE for Thai readers: 2024-05 -> 2567-05.
      expect(row[0]).toBe(`${Number(month.month.slice(0, 4)) + 543}${month.month.slice(4)}`);
      expect(groups.map((_, g) => num(row[2 + g]))).toEqual(groups.map((g) => month.byGroup[g]));
      expect(num(row[2 + groups.length])).toBe(fitted.get(month.month) ?? null);
    });
    expect(csv.rows.some((r) => r[1] === 'ช่วงหลังเริ่ม')).toBe(true);
  });

  it('English headers and words with lang=en; no period means since the zone started', async () => {
    const csv = await readChartCsv(await admin('/api/exports/zones/Z-HDY-01/crime.csv?lang=en'));
    expect(csv.preamble[0]?.[0]).toBe('Zone');
    expect(csv.preamble[1]).toEqual(['Chart', 'Monthly cases by offence group']);
    expect(csv.preamble[2]).toEqual(['Period', 'since the zone started']);
    expect(csv.header.slice(0, 2)).toEqual(['Month', 'Months']);
    expect(csv.rows.some((r) => r[1] === 'after start')).toBe(true);
    expect(csv.text).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  it("survey chart: each wave's estimate, interval and n equal the API's waves; the KPI's waves marked", async () => {
    const csv = await readChartCsv(await admin('/api/exports/zones/Z-HDY-02/survey.csv?item=fear&lang=th'));
    expect(csv.preamble[1]).toEqual(['กราฟ', 'ผลสำรวจแต่ละรอบ: ความหวาดกลัวภัยอาชญากรรม']);
    expect(csv.header).toContain('ค่าประมาณ %');
    const survey = (await (await admin('/api/zones/Z-HDY-02/survey')).json()) as Survey;
    const kpi = await kpiAnswer(await admin('/api/kpis?level=zone&unit=Z-HDY-02'));
    const withFear = survey.waves.filter((w) => w.fear !== null);
    expect(csv.rows.length).toBe(withFear.length);
    for (const wave of withFear) {
      const row = csv.rows.find(
        (r) => r[0] === wave.wave && (wave.sampleType === 'probability') === (r[2] === 'สุ่มตัวอย่าง'),
      );
      expect(row, wave.wave).toBeDefined();
      expect([num(row?.[3]), num(row?.[4]), num(row?.[5]), num(row?.[6]), num(row?.[7])]).toEqual([
        wave.fear?.value ?? null,
        wave.fear?.ciLow ?? null,
        wave.fear?.ciHigh ?? null,
        wave.fear?.n,
        wave.fear?.target,
      ]);
      expect(row?.[8]).toBe(
        wave.sampleType === 'probability' && kpi.items[0]?.fear.waves.includes(wave.wave) ? 'ใช้' : '',
      );
    }
  });

  it("survey chart in English: wave labels in CE like the screen's ('2567-Q4' reads '2024-Q4')", async () => {
    const csv = await readChartCsv(await admin('/api/exports/zones/Z-HDY-02/survey.csv?item=trust&lang=en'));
    const survey = (await (await admin('/api/zones/Z-HDY-02/survey')).json()) as Survey;
    const beLabels = survey.waves.map((w) => w.wave).filter((wave) => /^25\d\d/.test(wave));
    expect(beLabels.length).toBeGreaterThan(0);
    const labels = csv.rows.map((r) => r[0]);
    for (const wave of beLabels) expect(labels).toContain(`${Number(wave.slice(0, 4)) - 543}${wave.slice(4)}`);
    expect(labels.filter((label) => /^25\d\d/.test(label ?? ''))).toEqual([]);
  });

  it('refuses viewers like the KPI exports, hides zones out of scope, checks its parameters', async () => {
    expect((await viewer('/api/exports/zones/Z-HDY-01/crime.csv')).status).toBe(403);
    expect((await viewer('/api/exports/zones/Z-HDY-01/survey.csv?item=fear')).status).toBe(403);
    expect((await viewer('/api/exports/kpis.csv')).status).toBe(403);
    expect((await commander('/api/exports/zones/Z-HDY-01/crime.csv')).status).toBe(200);
    expect((await commander('/api/exports/zones/Z-LPN-01/crime.csv')).status).toBe(404);
    expect((await admin('/api/exports/zones/NO-SUCH-ZONE/crime.csv')).status).toBe(404);
    expect((await admin('/api/exports/zones/Z-HDY-01/survey.csv')).status).toBe(400);
    expect((await admin('/api/exports/zones/Z-HDY-01/crime.csv?from=2024-06&to=2023-10')).status).toBe(400);
  });

  it('neutralises a zone name a spreadsheet would run as a formula', async () => {
    await demo.db.withConnection((conn) =>
      conn.run(`UPDATE zones SET name_th = '=HYPERLINK("http://x.example","ดู")' WHERE id = 'Z-HDY-03'`),
    );
    const csv = await readChartCsv(await admin('/api/exports/zones/Z-HDY-03/crime.csv'));
    expect(csv.preamble[0]?.[1]).toBe(`'=HYPERLINK("http://x.example","ดู") (Z-HDY-03)`);
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
