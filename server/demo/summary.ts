/**
 * A per-zone digest of generated demo data, computed straight from the rows (not through the KPI
 * code), to check that the demo tells the intended story. Used by print-summary.ts and the tests.
 */
import type { DemoData, DemoSurveyResponse } from './generate.ts';

export interface ZoneSummary {
  zoneId: string;
  start: string;
  /** After-window length (start month .. last month). */
  months: number;
  /** Groups 1-3 inside the zone: after window vs matched months before the start. */
  before: number;
  after: number;
  changePct: number | null;
  ringBefore: number;
  ringAfter: number;
  ringChangePct: number | null;
  /** Latest probability wave: weighted top-two-box shares (%), valid n. */
  wave: string;
  fearPct: number | null;
  trustPct: number | null;
  fearN: number;
  trustN: number;
  baselineFearPct: number | null;
  baselineTrustPct: number | null;
  optIn: { wave: string; fearPct: number | null; trustPct: number | null; n: number } | null;
  source: 'incidents' | 'monthly_counts';
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const pct = (a: number, b: number) => (b > 0 ? Math.round(((a - b) / b) * 1000) / 10 : null);

function topTwo(rows: readonly DemoSurveyResponse[], item: 'fear' | 'trust'): { pct: number | null; n: number } {
  let sumW = 0;
  let sumTop = 0;
  let n = 0;
  for (const r of rows) {
    if (r[`${item}_status`] !== 'valid') continue;
    const level = r[`${item}_level`] ?? 0;
    n++;
    sumW += r.weight;
    if (level >= 4) sumTop += r.weight;
  }
  return { pct: sumW > 0 ? Math.round((sumTop / sumW) * 1000) / 10 : null, n };
}

export function summarizeDemo(data: DemoData): ZoneSummary[] {
  const last = monthIndex(data.lastMonth);
  // zone -> month index -> count (groups 1-3)
  const zoneCounts = new Map<string, Map<number, number>>();
  const ringCounts = new Map<string, Map<number, number>>();
  const bump = (map: Map<string, Map<number, number>>, zone: string, m: number, by: number) => {
    const inner = map.get(zone) ?? new Map<number, number>();
    map.set(zone, inner);
    inner.set(m, (inner.get(m) ?? 0) + by);
  };
  for (const i of data.incidents)
    if (i.zone_id && i.crime_group !== 4) bump(zoneCounts, i.zone_id, monthIndex(i.month), 1);
  for (const c of data.monthly_counts)
    if (c.zone_id && c.crime_group !== 4) bump(zoneCounts, c.zone_id, monthIndex(c.month), c.cases);
  for (const r of data.incident_rings) if (r.crime_group !== 4) bump(ringCounts, r.zone_id, monthIndex(r.month), 1);
  const countsOnlyZones = new Set(data.monthly_counts.filter((c) => c.zone_id).map((c) => c.zone_id));

  const byZone = new Map<string, DemoSurveyResponse[]>();
  for (const r of data.survey_responses) {
    const list = byZone.get(r.zone_id) ?? [];
    byZone.set(r.zone_id, list);
    list.push(r);
  }

  return data.zones.map((z) => {
    const start = monthIndex(z.start_date);
    let before = 0;
    let after = 0;
    let ringBefore = 0;
    let ringAfter = 0;
    for (let m = start; m <= last; m++) {
      const b = start + (((m - start) % 12) - 12);
      after += zoneCounts.get(z.id)?.get(m) ?? 0;
      before += zoneCounts.get(z.id)?.get(b) ?? 0;
      ringAfter += ringCounts.get(z.id)?.get(m) ?? 0;
      ringBefore += ringCounts.get(z.id)?.get(b) ?? 0;
    }
    const rows = byZone.get(z.id) ?? [];
    const waveDates = new Map<string, string>();
    for (const r of rows) {
      if (r.sample_type !== 'probability') continue;
      const d = waveDates.get(r.wave);
      if (!d || r.surveyed_on > d) waveDates.set(r.wave, r.surveyed_on);
    }
    const latest = [...waveDates.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1))[0]?.[0] ?? '';
    const inWave = (w: string, t: string) => rows.filter((r) => r.wave === w && r.sample_type === t);
    const fear = topTwo(inWave(latest, 'probability'), 'fear');
    const trust = topTwo(inWave(latest, 'probability'), 'trust');
    const base = inWave('baseline', 'probability');
    const opt = inWave(latest, 'opt_in');
    const optWave = opt.length > 0 ? latest : '';
    return {
      zoneId: z.id,
      start: z.start_date,
      months: last - start + 1,
      before,
      after,
      changePct: pct(after, before),
      ringBefore,
      ringAfter,
      ringChangePct: pct(ringAfter, ringBefore),
      wave: latest,
      fearPct: fear.pct,
      trustPct: trust.pct,
      fearN: fear.n,
      trustN: trust.n,
      baselineFearPct: topTwo(base, 'fear').pct,
      baselineTrustPct: topTwo(base, 'trust').pct,
      optIn: optWave
        ? { wave: optWave, fearPct: topTwo(opt, 'fear').pct, trustPct: topTwo(opt, 'trust').pct, n: opt.length }
        : null,
      source: countsOnlyZones.has(z.id) ? 'monthly_counts' : 'incidents',
    };
  });
}

/** Traffic-light reading with the default targets (fear <= 40, trust >= 80, crime down; min 30 valid answers). */
export function demoStatus(s: ZoneSummary): { fear: string; trust: string; crime: string; light: string } {
  const judge = (p: number | null, n: number, ok: (p: number) => boolean) =>
    p === null || n < 30 ? 'insufficient' : ok(p) ? 'met' : 'not met';
  const fear = judge(s.fearPct, s.fearN, (p) => p <= 40);
  const trust = judge(s.trustPct, s.trustN, (p) => p >= 80);
  const crime = s.changePct === null ? 'insufficient' : s.changePct < 0 ? 'met' : 'not met';
  const all = [fear, trust, crime];
  const judged = all.filter((x) => x !== 'insufficient').length;
  const met = all.filter((x) => x === 'met').length;
  const light = judged < 2 ? 'grey' : met === 3 ? 'green' : met === 0 ? 'red' : 'amber';
  return { fear, trust, crime, light };
}
