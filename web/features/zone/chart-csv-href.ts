/**
 * Where the numbers behind a zone chart are: GET /api/exports/zones/:id/crime.csv or
 * /survey.csv?item=, with the period on screen and the reader's language. Pure.
 */
import type { Lang } from '../../i18n/format.ts';

export type ZoneChart = 'crime' | 'fear' | 'trust';

export function chartCsvHref(
  zoneId: string,
  chart: ZoneChart,
  q: { from: string | null; to: string | null; lang: Lang },
): string {
  const params = new URLSearchParams();
  if (chart !== 'crime') params.set('item', chart);
  if (q.from && q.to) {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  params.set('lang', q.lang);
  const file = chart === 'crime' ? 'crime.csv' : 'survey.csv';
  return `/api/exports/zones/${encodeURIComponent(zoneId)}/${file}?${params.toString()}`;
}
