/**
 * Prints the per-zone story of the demo (crime before/after in matched months, ring, survey shares).
 * Usage: npx tsx server/demo/print-summary.ts [seed] [today as YYYY-MM-DD, default: now]
 */
import { loadStations } from '../reference/load.ts';
import { generateDemo } from './generate.ts';
import { DEMO_DEFAULT_SEED } from './spec.ts';
import { demoStatus, summarizeDemo } from './summary.ts';

const seed = Number(process.argv[2] ?? DEMO_DEFAULT_SEED);
const today = process.argv[3] ? new Date(`${process.argv[3]}T12:00:00+07:00`) : new Date();
const data = generateDemo({ seed, stations: loadStations(), today });
const fmt = (x: number | null, suffix = '') =>
  x === null ? '-' : `${x > 0 && suffix === '%' ? '+' : ''}${x}${suffix}`;
const rows = summarizeDemo(data).map((s) => {
  const st = demoStatus(s);
  return {
    zone: s.zoneId,
    start: s.start,
    L: s.months,
    'before→after (g1-3)': `${s.before}→${s.after} (${fmt(s.changePct, '%')})`,
    'ring before→after':
      s.source === 'incidents' ? `${s.ringBefore}→${s.ringAfter} (${fmt(s.ringChangePct, '%')})` : 'counts only',
    wave: s.wave,
    'fear % (base)': `${fmt(s.fearPct)} (${fmt(s.baselineFearPct)}) n=${s.fearN}`,
    'trust % (base)': `${fmt(s.trustPct)} (${fmt(s.baselineTrustPct)}) n=${s.trustN}`,
    'opt-in fear/trust': s.optIn ? `${fmt(s.optIn.fearPct)}/${fmt(s.optIn.trustPct)} n=${s.optIn.n}` : '',
    'fear/trust/crime': `${st.fear}/${st.trust}/${st.crime}`,
    light: st.light,
  };
});
console.log(
  `demo seed ${seed}: ${data.zones.length} zones, ${data.incidents.length} incidents, ${data.survey_responses.length} responses`,
);
console.table(rows);
