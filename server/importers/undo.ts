/**
 * Undo of one import: in ONE transaction, remove exactly the rows it wrote, put back the registry
 * rows it replaced (station / zone updates), re-assign incidents to zones when zones changed,
 * refresh the aggregates of the stations it touched, and mark it undone (when, by whom).
 *
 * Refused when later imports stand on it (their rows refer to a station or zone it added, or they
 * replaced the same registry rows again): the answer names them, so they can be undone first.
 */
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { refreshAggregates } from '../queries/refresh-aggregates.ts';
import { scopeStationCodes } from '../queries/scope-stations.ts';
import {
  type Blocker,
  deleteImportRows,
  importHead,
  markUndone,
  restoreReplaced,
  undoBlockers,
  zoneImportStations,
} from '../queries/imports-undo.ts';
import type { Bilingual } from './issues.ts';
import { reassignZones } from './zone-assignment.ts';

export type UndoResult =
  | { ok: true; importId: number; removed: Record<string, number>; restored: number; stations: string[] }
  | { ok: false; code: 'not_found' }
  | ({ ok: false; code: 'already_undone' | 'undo_blocked'; blockers?: Blocker[] } & Bilingual);

class UndoRefused extends Error {
  constructor(readonly result: Exclude<UndoResult, { ok: true }>) {
    super(result.code);
  }
}

const WHAT_TH: Record<string, string> = {
  stations: 'สถานี',
  zones: 'พื้นที่',
  incidents: 'คดี',
  monthly_counts: 'จำนวนรายเดือน',
  partners: 'ภาคี',
  problems: 'ปัญหาของเครือข่ายชุมชน',
  survey_responses: 'ผลสำรวจ',
};

function blockedMessage(blockers: readonly Blocker[]): Bilingual {
  const ids = [...new Set(blockers.map((b) => b.importId))];
  const th = blockers.map((b) => `การนำเข้าครั้งที่ ${b.importId} (${WHAT_TH[b.what] ?? b.what} ${b.rows} แถว)`).join(', ');
  const en = blockers.map((b) => `import #${b.importId} (${b.rows} ${b.what} row(s))`).join(', ');
  return {
    th: `ยกเลิกการนำเข้านี้ไม่ได้ เพราะข้อมูลที่นำเข้าภายหลังอ้างถึงข้อมูลนี้: ${th} กรุณายกเลิกครั้งที่ ${ids.join(', ')} ก่อน`,
    en: `This import cannot be undone because later imports depend on it: ${en}; undo ${ids.map((i) => `#${i}`).join(', ')} first`,
  };
}

export async function undoImport(input: {
  db: Database;
  principal: Principal;
  importId: number;
  ringMeters?: number;
}): Promise<UndoResult> {
  const { db, principal, importId } = input;
  const scope = await scopeStationCodes(db, principal.scope);
  try {
    return await db.transaction(async (conn) => {
      const head = await importHead(conn, importId);
      if (head === null || head.kind === 'demo') throw new UndoRefused({ ok: false, code: 'not_found' });
      // A scoped user undoes only imports wholly within their stations (one that touched no
      // station, like a registry update, is national business).
      if (scope !== null && (head.stationCodes.length === 0 || !head.stationCodes.every((s) => scope.includes(s))))
        throw new UndoRefused({ ok: false, code: 'not_found' });
      if (head.status !== 'committed') {
        throw new UndoRefused({
          ok: false,
          code: 'already_undone',
          th: `การนำเข้าครั้งที่ ${importId} ถูกยกเลิกไปแล้ว`,
          en: `Import #${importId} was already undone`,
        });
      }
      const blockers = await undoBlockers(conn, importId, head.kind);
      if (blockers.length > 0)
        throw new UndoRefused({ ok: false, code: 'undo_blocked', blockers, ...blockedMessage(blockers) });
      const zoneStations = head.kind === 'zones' ? await zoneImportStations(conn, importId) : [];
      const removed = await deleteImportRows(conn, importId);
      const restored = await restoreReplaced(conn, importId);
      if (zoneStations.length > 0) await reassignZones(conn, zoneStations, input.ringMeters);
      const stations = [...new Set([...head.stationCodes, ...zoneStations])].sort();
      await refreshAggregates(conn, stations);
      await markUndone(conn, importId, principal.username);
      return { ok: true as const, importId, removed, restored, stations };
    });
  } catch (error) {
    if (error instanceof UndoRefused) return error.result;
    throw error;
  }
}
