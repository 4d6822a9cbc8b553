/**
 * The moderation table's rows from GET /api/survey/moderation: the Bangkok hour as people read it
 * (BE in Thai), why answers were held, who voided what and why, and which actions still apply. Pure.
 */
import type { SurveyBurst } from '../../api/types.ts';
import { formatDate, type Lang } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface BurstRow {
  key: string;
  zoneId: string;
  zoneName: string;
  /** '7 ธ.ค. 2569 23:00 น.' / '7 Dec 2026 23:00'. */
  hourLabel: string;
  hour: string;
  answers: number;
  inFigures: number;
  held: number;
  voided: number;
  holdKeys: MessageKey[];
  voids: { by: string; reason: string }[];
  /** Some answers of the hour are not voided yet. */
  canVoid: boolean;
  /** Held answers that could count. */
  canRelease: boolean;
}

const HOLD_KEYS: Record<string, MessageKey> = {
  address_burst: 'moderation.hold.address_burst',
  zone_burst: 'moderation.hold.zone_burst',
};

/** 'YYYY-MM-DD HH:00' (Bangkok) in the reader's words. */
export function hourLabel(hour: string, lang: Lang): string {
  const time = hour.slice(11, 16);
  return `${formatDate(hour.slice(0, 10), lang)} ${time}${lang === 'th' ? ' น.' : ''}`;
}

export function toBurstRows(bursts: readonly SurveyBurst[], lang: Lang): BurstRow[] {
  return bursts.map((b) => ({
    key: `${b.zoneId}|${b.hour}`,
    zoneId: b.zoneId,
    zoneName: lang === 'en' && b.zoneNameEn ? b.zoneNameEn : b.zoneNameTh,
    hourLabel: hourLabel(b.hour, lang),
    hour: b.hour,
    answers: b.answers,
    inFigures: b.inFigures,
    held: b.held,
    voided: b.voided,
    holdKeys: b.holdReasons.flatMap((r) => (HOLD_KEYS[r] ? [HOLD_KEYS[r]] : [])),
    voids: b.voids.map((v) => ({ by: v.by, reason: v.reason })),
    canVoid: b.voided < b.answers,
    canRelease: b.held > b.voided && b.held > 0,
  }));
}
