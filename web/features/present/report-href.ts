/**
 * Where the PDF reports are (issue #16, fixed addresses that scripts also fetch):
 *   GET /api/reports/zones/:id.pdf          one zone
 *   GET /api/reports/units/:code.pdf        a unit's summary
 *   GET /api/reports/units/:code/pack.pdf   the summary and every zone of the unit
 * each with `from`/`to` as /api/kpis and `lang`. Pure.
 */
import type { Lang } from '../../i18n/format.ts';

export type ReportTarget = { kind: 'zone'; zoneId: string } | { kind: 'unit' | 'pack'; code: string };

export function reportHref(target: ReportTarget, q: { from: string | null; to: string | null; lang: Lang }): string {
  const params = new URLSearchParams();
  if (q.from && q.to) {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  params.set('lang', q.lang);
  const path =
    target.kind === 'zone'
      ? `/api/reports/zones/${encodeURIComponent(target.zoneId)}.pdf`
      : target.kind === 'unit'
        ? `/api/reports/units/${encodeURIComponent(target.code)}.pdf`
        : `/api/reports/units/${encodeURIComponent(target.code)}/pack.pdf`;
  return `${path}?${params.toString()}`;
}
