/**
 * Figures that tests used to assert with a stopwatch (speed belongs here, not in tests): zone
 * geometry validation on a large outline (the grid, not all pairs of edges), KML parsing of a large
 * My Maps export, and the demo load into an empty in-memory database.
 */
import { openDatabase } from '../server/db/database.ts';
import { loadDemo } from '../server/demo/load.ts';
import { parseKml } from '../server/geo/kml.ts';
import { validateGeometry } from '../server/geo/validate.ts';
import { type MeasureOptions, measureSync, type Summary, summarise } from './lib/stats.ts';

export interface GeometryFigure {
  figure: string;
  target: string;
  targetMs: number;
  p50: number;
  note: string;
}

/** A wavy star of n vertices around Bangkok: valid, no two edges cross. */
function starPolygon(n: number) {
  const ring: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const r = 0.05 * (1 + 0.2 * Math.sin(9 * t));
    ring.push([100.5 + r * Math.cos(t), 13.75 + r * Math.sin(t)]);
  }
  ring.push(ring[0] as [number, number]);
  return { type: 'Polygon', coordinates: [ring] };
}

function kmlOf(placemarks: number): string {
  const square = '100.5,13.75,0 100.51,13.75,0 100.51,13.76,0 100.5,13.76,0 100.5,13.75,0';
  const placemark = `<Placemark><name>z</name><ExtendedData><Data name="code"><value>C</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${square}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n${placemark.repeat(placemarks)}</Document></kml>`;
}

export async function geometryFigures(mo: Partial<MeasureOptions>): Promise<GeometryFigure[]> {
  const figures: GeometryFigure[] = [];
  const add = (figure: string, targetMs: number, s: Summary, note = '') =>
    figures.push({ figure, target: `<= ${targetMs / 1000} s`, targetMs, p50: s.p50, note });

  const star = starPolygon(5000);
  add(
    'validate a 5,000-vertex zone outline',
    2_000,
    await measureSync(() => {
      if (!validateGeometry(star).ok) throw new Error('the star outline should be valid');
    }, mo),
  );

  const kml = kmlOf(5000);
  add(
    'parse a KML of 5,000 placemarks',
    2_000,
    await measureSync(() => {
      const r = parseKml(kml);
      if (!r.ok || r.features.length !== 5000) throw new Error('the KML should give 5,000 features');
    }, mo),
  );

  // One run: each load needs its own fresh database.
  const db = await openDatabase(':memory:');
  try {
    const loaded = await loadDemo(db);
    const total = loaded.timings.generateMs + loaded.timings.writeMs;
    add(
      'demo load into an empty database (generate + write)',
      10_000,
      summarise([total]),
      `generate ${Math.round(loaded.timings.generateMs)} ms, write ${Math.round(loaded.timings.writeMs)} ms`,
    );
  } finally {
    db.close();
  }
  return figures;
}
