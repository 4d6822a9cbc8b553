/** Where the spreadsheet of a unit's problems is: GET /api/exports/problems.(csv|xlsx). Pure. */
export function problemExportHref(
  format: 'csv' | 'xlsx',
  q: { unit: string; from: string | null; to: string | null },
): string {
  const params = new URLSearchParams({ unit: q.unit });
  if (q.from && q.to) {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  return `/api/exports/problems.${format}?${params.toString()}`;
}
