/**
 * Instants (audit log, imports, tokens) as Bangkok wall-clock time: "23 พ.ย. 2569 08:25 น." in
 * Thai (Buddhist Era), "23 Nov 2026 08:25" in English. Pure; the host's time zone never matters.
 */
import { type Lang, localeOf, MISSING } from '../../i18n/format.ts';

const formats = new Map<Lang, Intl.DateTimeFormat>();
function formatter(lang: Lang): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      timeZone: 'Asia/Bangkok',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(lang, format);
  }
  return format;
}

/** An ISO instant or epoch milliseconds; null, undefined and garbage give the dash. */
export function formatDateTime(value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return MISSING;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return MISSING;
  const parts = formatter(lang).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  return `${part('day')} ${part('month')} ${part('year')} ${time}${lang === 'th' ? ' น.' : ''}`;
}

/** A Bangkok calendar date 'YYYY-MM-DD' as the end of that day, as an ISO instant with its offset. */
export function endOfBangkokDay(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59+07:00` : null;
}
