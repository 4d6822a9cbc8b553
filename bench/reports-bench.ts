/**
 * [8] PDF reports: the real server (its own throw-away database with the demo programme: 25 zones)
 * makes the PDFs with the system Chromium, as users and scripts get them over HTTP.
 *   - one zone report: the first (Chromium launched, caches cold) and then warm ones;
 *   - the meeting pack of 25 zones (the demo's country, for the administrator), twice;
 *   - two packs asked at once: they queue behind one Chromium (the second waits for the first).
 */
import { ADMIN_PASSWORD, ADMIN_USER, ensureBuild, startServer } from '../tests/e2e/server.ts';
import { stopwatch } from './lib/stats.ts';

export interface ReportFigure {
  figure: string;
  target: string;
  targetMs: number | null;
  ms: number;
  note: string;
}

export async function reportFigures(log: (line: string) => void): Promise<ReportFigure[]> {
  ensureBuild();
  const server = await startServer();
  try {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const pdf = async (path: string) => {
      const took = stopwatch();
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return { ms: took(), bytes };
    };
    const zones = (
      (await (await fetch(`${server.baseUrl}/api/zones`, { headers: { cookie } })).json()) as {
        items: Array<{ id: string }>;
      }
    ).items.map((z) => z.id);
    const figures: ReportFigure[] = [];
    const first = await pdf(`/api/reports/zones/${zones[0]}.pdf`);
    figures.push({
      figure: 'zone report, first (Chromium launch, cold)',
      target: '',
      targetMs: null,
      ms: first.ms,
      note: `${first.bytes} bytes`,
    });
    const warm: number[] = [];
    for (const id of zones.slice(1, 4)) warm.push((await pdf(`/api/reports/zones/${id}.pdf`)).ms);
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)] ?? 0;
    figures.push({
      figure: 'zone report (median of 3)',
      target: '<= 5 s',
      targetMs: 5_000,
      ms: median,
      note: warm.map((m) => `${Math.round(m)}`).join(', '),
    });
    for (const run of [1, 2]) {
      const pack = await pdf('/api/reports/units/national/pack.pdf');
      figures.push({
        figure: `pack of ${zones.length} zones, run ${run}`,
        target: '<= 60 s',
        targetMs: 60_000,
        ms: pack.ms,
        note: `${pack.bytes} bytes`,
      });
    }
    const both = stopwatch();
    const [a, b] = await Promise.all([
      pdf('/api/reports/units/national/pack.pdf'),
      pdf('/api/reports/units/national/pack.pdf'),
    ]);
    figures.push({
      figure: 'two packs asked at once (one Chromium, queued)',
      target: '',
      targetMs: null,
      ms: both(),
      note: `each answered after ${Math.round(a.ms)} and ${Math.round(b.ms)} ms`,
    });
    for (const f of figures)
      log(`${f.figure}: ${Math.round(f.ms)} ms ${f.target ? `(target ${f.target})` : ''} ${f.note}`);
    return figures;
  } finally {
    await server.stop();
  }
}
