/**
 * Stronger Together (ขับเคลื่อนไทยไปด้วยกัน): the levels a community problem rises through, its
 * statuses, and which part of the product's police hierarchy sees it at each level. Shared by the
 * server (services/problems.ts, the import kind) and the web (panels, form, slides). Pure.
 *
 * The policy's six levels mapped onto the hierarchy the product has (national > bureau > division >
 * station > zone):
 *
 * | level      | committee                          | held by, in the product                         | first seen by scope |
 * |------------|------------------------------------|-------------------------------------------------|---------------------|
 * | station    | the station's committee            | the station                                     | station             |
 * | district   | the district (อำเภอ) committee     | still the station: the product has no district  | station             |
 * |            |                                    | unit (a station covers about one district)      |                     |
 * | division   | กองบังคับการ (ภ.จว. / บก.น.)        | the division                                    | division            |
 * | province   | the provincial committee           | the division: in the regions a ภ.จว. *is* the  | division            |
 * |            |                                    | province's police (Bangkok's บก.น. sit under    |                     |
 * |            |                                    | บช.น., which the bureau level covers)           |                     |
 * | bureau     | กองบัญชาการ (ภ.1-9, บช.น.)          | the bureau                                      | bureau              |
 * | national   | the national level (ตร.)           | the country                                     | national            |
 *
 * Who sees a problem: the station's own users always (they raised it); users scoped to a division
 * or a bureau once the highest level it has reached is at or above their own (a problem sent back
 * down stays visible to a level it once reached); zone-scoped users (municipal executives) the
 * problems of their zones; national-scope accounts (the programme's analysts and administrators)
 * every problem, as every other figure. Who edits: the station's own users (station scope) and
 * national-scope accounts, with the edit_problems permission; the levels above read.
 */

export const PROBLEM_LEVELS = ['station', 'district', 'division', 'province', 'bureau', 'national'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

export const PROBLEM_STATUSES = ['open', 'in_progress', 'solved', 'closed_without_action'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Statuses that count as still open (figures "open", "open longer than 30/90 days"). */
export const OPEN_STATUSES: ReadonlySet<ProblemStatus> = new Set(['open', 'in_progress']);
/** Statuses that end a problem: the change's date is its resolution date. */
export const FINAL_STATUSES: ReadonlySet<ProblemStatus> = new Set(['solved', 'closed_without_action']);

/** 0 = station ... 5 = national. */
export function levelRank(level: ProblemLevel): number {
  return PROBLEM_LEVELS.indexOf(level);
}

export type ScopeKind = 'national' | 'bureau' | 'division' | 'station' | 'zones';

/**
 * The lowest level a problem must have reached for users of a hierarchy scope to see it (station
 * and zone scopes see their own problems at any level; national sees all).
 */
export const FIRST_SEEN_LEVEL: Record<ScopeKind, ProblemLevel> = {
  national: 'station',
  bureau: 'bureau',
  division: 'division',
  station: 'station',
  zones: 'station',
};

export const LEVEL_NAMES: Record<ProblemLevel, { th: string; en: string }> = {
  station: { th: 'ระดับสถานี', en: 'Station' },
  district: { th: 'ระดับอำเภอ', en: 'District' },
  division: { th: 'ระดับกองบังคับการ', en: 'Division' },
  province: { th: 'ระดับจังหวัด', en: 'Province' },
  bureau: { th: 'ระดับกองบัญชาการ', en: 'Bureau' },
  national: { th: 'ระดับประเทศ', en: 'National' },
};

export const STATUS_NAMES: Record<ProblemStatus, { th: string; en: string }> = {
  open: { th: 'รอดำเนินการ', en: 'Open' },
  in_progress: { th: 'กำลังดำเนินการ', en: 'In progress' },
  solved: { th: 'แก้ไขแล้ว', en: 'Solved' },
  closed_without_action: { th: 'ยุติโดยไม่ดำเนินการ', en: 'Closed without action' },
};

/**
 * Whether a user records and changes a station's problems: the edit_problems permission (roles:
 * server/auth/permissions.ts) and the station's own scope, or national scope. The levels above
 * read. The server checks it (services/problems.ts); the web hides forms by it.
 */
export function editsProblemsOf(
  scope:
    | { kind: 'national' }
    | { kind: 'bureau' | 'division' | 'station'; codes: readonly string[] }
    | { kind: 'zones' },
  stationCode: string,
  hasEditPermission: boolean,
): boolean {
  if (!hasEditPermission) return false;
  return scope.kind === 'national' || (scope.kind === 'station' && scope.codes.includes(stationCode));
}

/** Open problems older than these many days are flagged (figures openOver30, openOver90). */
export const AGEING_THRESHOLDS = [30, 90] as const;

/** A point given with a problem must lie in this box around Thailand (WGS84). */
export const THAILAND_BOX = { minLon: 97.3, maxLon: 105.7, minLat: 5.6, maxLat: 20.5 } as const;

export function pointInThailand(lon: number, lat: number): boolean {
  return (
    lon >= THAILAND_BOX.minLon && lon <= THAILAND_BOX.maxLon && lat >= THAILAND_BOX.minLat && lat <= THAILAND_BOX.maxLat
  );
}
