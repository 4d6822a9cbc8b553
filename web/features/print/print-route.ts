/**
 * The print views' addresses (what the server's Chromium opens, and what "open the printable
 * page" links to). Pure.
 *   /print/zones/<id>            one zone's report
 *   /print/units/<code>          a unit's summary ('national' for the country)
 *   /print/units/<code>/pack     the summary, a table of contents and every zone
 * with ?from=&to= (both or neither) and ?lang=th|en.
 */
import { compareMonths, isMonthKey, type MonthKey } from '../../../server/contracts/calendar.ts';
import { isLang, type Lang } from '../../i18n/format.ts';

export type PrintKind = 'zone' | 'unit' | 'pack';

export interface PrintRoute {
  kind: PrintKind;
  id: string;
  from: MonthKey | null;
  to: MonthKey | null;
  lang: Lang | null;
}

export function isPrintPath(pathname: string): boolean {
  return pathname === '/print' || pathname.startsWith('/print/');
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parsePrintRoute(pathname: string, search: string): PrintRoute | null {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const period =
    from && to && isMonthKey(from) && isMonthKey(to) && compareMonths(from, to) <= 0
      ? { from, to }
      : { from: null, to: null };
  const langParam = params.get('lang');
  const lang = isLang(langParam) ? langParam : null;
  const zone = /^\/print\/zones\/([^/]+)\/?$/.exec(pathname);
  const unit = /^\/print\/units\/([^/]+)(\/pack)?\/?$/.exec(pathname);
  const id = decode((zone ?? unit)?.[1] ?? '');
  if (!id) return null;
  const kind: PrintKind = zone ? 'zone' : unit?.[2] ? 'pack' : 'unit';
  return { kind, id, ...period, lang };
}

/** The printable page of a report, as a link. */
export function printHref(route: PrintRoute): string {
  const id = encodeURIComponent(route.id);
  const path =
    route.kind === 'zone'
      ? `/print/zones/${id}`
      : route.kind === 'unit'
        ? `/print/units/${id}`
        : `/print/units/${id}/pack`;
  return `${path}${reportQuery(route)}`;
}

/** The PDF of a report from the API: the addresses scripts fetch too. */
export function reportPdfHref(route: PrintRoute): string {
  const id = encodeURIComponent(route.id);
  const path =
    route.kind === 'zone'
      ? `/api/reports/zones/${id}.pdf`
      : route.kind === 'unit'
        ? `/api/reports/units/${id}.pdf`
        : `/api/reports/units/${id}/pack.pdf`;
  return `${path}${reportQuery(route)}`;
}

function reportQuery(route: PrintRoute): string {
  const params = new URLSearchParams();
  if (route.from && route.to) {
    params.set('from', route.from);
    params.set('to', route.to);
  }
  if (route.lang) params.set('lang', route.lang);
  const query = params.toString();
  return query ? `?${query}` : '';
}
