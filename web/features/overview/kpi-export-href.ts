/**
 * Where the spreadsheet of a KPI table is: GET /api/exports/kpis.(csv|xlsx) with the table's
 * level and the period on screen (the same parameters as /api/kpis). Pure.
 */
export function kpiExportHref(
  format: 'csv' | 'xlsx',
  q: { level: string; from: string | null; to: string | null; unit?: string | null },
): string {
  const params = new URLSearchParams({ level: q.level });
  if (q.from && q.to) {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  if (q.unit) params.set('unit', q.unit);
  return `/api/exports/kpis.${format}?${params.toString()}`;
}
