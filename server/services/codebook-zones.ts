/**
 * Which zones' survey answers follow their own codebook's rule (kpi.md "Whose rule wins"), for the
 * settings screen beside the "override codebooks" setting.
 */
import type { Database } from '../db/database.ts';
import { type CodebookRule, codebookRuleFromStored } from '../kpi/survey-rules.ts';
import { type ZoneCodebookRow, surveyCodebooks, zoneCodebookUse } from '../queries/survey-codebooks.ts';

export interface CodebookZone {
  zoneId: string;
  /** The codebooks whose declared rule applies to some of the zone's answers. */
  codebooks: {
    name: string;
    /** Declared "who counts" levels per item; null = the item follows the setting. */
    fear: number[] | null;
    trust: number[] | null;
    /** Declared denominator; null = the setting's. */
    denominator: 'valid' | 'all' | null;
    /** Respondents imported with this codebook (the larger of the two items' counts). */
    respondents: number;
  }[];
}

/** Pure: the zones whose answers were imported with a codebook that declares a rule. */
export function toCodebookZones(rows: readonly ZoneCodebookRow[], codebooks: ReadonlyMap<number, CodebookRule>) {
  const zones = new Map<string, Map<number, CodebookZone['codebooks'][number]>>();
  for (const row of rows) {
    const rule = row.codebookId === null ? undefined : codebooks.get(row.codebookId);
    if (!rule || (rule.counts.fear === null && rule.counts.trust === null && rule.denominator === null)) continue;
    const zone = zones.get(row.zoneId) ?? new Map<number, CodebookZone['codebooks'][number]>();
    zones.set(row.zoneId, zone);
    const entry = zone.get(rule.id) ?? {
      name: rule.name,
      fear: rule.counts.fear === null ? null : [...rule.counts.fear],
      trust: rule.counts.trust === null ? null : [...rule.counts.trust],
      denominator: rule.denominator,
      respondents: 0,
    };
    entry.respondents = Math.max(entry.respondents, row.respondents);
    zone.set(rule.id, entry);
  }
  return [...zones].map(([zoneId, list]): CodebookZone => ({ zoneId, codebooks: [...list.values()] }));
}

export async function codebookZones(db: Database, zoneIds: readonly string[] | null): Promise<CodebookZone[]> {
  const [rows, stored] = await Promise.all([zoneCodebookUse(db, zoneIds), surveyCodebooks(db)]);
  return toCodebookZones(rows, new Map(stored.map((row) => [row.id, codebookRuleFromStored(row)])));
}
