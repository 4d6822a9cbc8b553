import type { Database } from '../db/database.ts';

export interface OffenceGroupRow {
  group: number;
  nameTh: string;
  nameEn: string;
  isStateVictim: boolean;
}

/** The current four-group scheme, in which crime counts are stored. */
export async function currentOffenceGroups(db: Database): Promise<OffenceGroupRow[]> {
  return db.all<OffenceGroupRow>(
    `SELECT group_no AS "group", name_th AS "nameTh", name_en AS "nameEn", is_state_victim AS "isStateVictim"
       FROM offence_groups WHERE scheme = 'current4' ORDER BY group_no`,
  );
}
