/**
 * What the import command line shows while it works, as pure text: a progress line (rewritten in
 * place on a terminal) and the one summary line every run ends with, terminal or not, so a
 * scheduled job's log says how much was read and how fast. Thai first, then English, as every
 * message of the command line.
 */

/** What the pipeline reports as it goes (runImport's onProgress). */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  rows: number;
  /** While reading: the share of the file's bytes read so far, 0..1. */
  fractionRead?: number;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const rowsText = (n: number): string => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

/** A duration for people: '< 1 s', '42 s', '3 min 05 s', '1 h 12 min'. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 1) return '< 1 s';
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Rows per second over the time so far, or null before there is a rate to speak of. */
export function rowsPerSecond(rows: number, elapsedMs: number): number | null {
  return rows > 0 && elapsedMs > 0 ? (rows * 1000) / elapsedMs : null;
}

/**
 * The time left if the rest of the file goes as fast as what was read: the elapsed time scaled by
 * the bytes still to read. Null until something was read (no estimate from nothing).
 */
export function timeLeftMs(fractionRead: number, elapsedMs: number): number | null {
  if (!(fractionRead > 0) || elapsedMs <= 0) return null;
  if (fractionRead >= 1) return 0;
  return (elapsedMs * (1 - fractionRead)) / fractionRead;
}

const PHASE = {
  reading: 'อ่านไฟล์ / reading',
  checking: 'ตรวจทั้งไฟล์ / checking',
  writing: 'บันทึก / writing',
  done: 'เสร็จ / done',
} as const satisfies Record<ImportProgress['phase'], string>;

/**
 * One progress line: phase, rows, percent of the file, rows/s and time left, each left out when
 * it is not known yet, e.g.
 * 'อ่านไฟล์ / reading: 1,250,000 rows · 42% · 160,512 rows/s · เหลือ / left 1 min 12 s'.
 */
export function progressLine(p: ImportProgress, elapsedMs: number): string {
  const parts = [`${PHASE[p.phase]}: ${rowsText(p.rows)}`];
  if (p.phase === 'reading' && p.fractionRead !== undefined)
    parts.push(`${Math.floor(Math.min(1, Math.max(0, p.fractionRead)) * 100)}%`);
  const rate = rowsPerSecond(p.rows, elapsedMs);
  if (rate !== null) parts.push(`${count(rate)} rows/s`);
  const left = p.phase === 'reading' && p.fractionRead !== undefined ? timeLeftMs(p.fractionRead, elapsedMs) : null;
  if (left !== null) parts.push(`เหลือ / left ${formatDuration(left)}`);
  return parts.join(' · ');
}

export type ImportOutcome = 'imported' | 'checked' | 'refused' | 'failed';

const OUTCOME = {
  imported: 'นำเข้าแล้ว / imported',
  checked: 'ตรวจแล้ว ไม่บันทึก / checked, nothing written (dry run)',
  refused: 'ไฟล์มีข้อผิดพลาด ไม่บันทึก / the file has errors, nothing written',
  failed: 'นำเข้าไม่ได้ / could not import',
} as const satisfies Record<ImportOutcome, string>;

/**
 * The last line of every run, e.g.
 * 'สรุป / Summary: incidents big.csv, 930.2 MB, 10,000,000 rows in 25 s (400,000 rows/s): นำเข้าแล้ว / imported'.
 */
export function summaryLine(s: {
  kind: string;
  file: string;
  bytes: number;
  rows: number;
  elapsedMs: number;
  outcome: ImportOutcome;
}): string {
  const rate = rowsPerSecond(s.rows, s.elapsedMs);
  const mb = (s.bytes / (1024 * 1024)).toFixed(1);
  return (
    `สรุป / Summary: ${s.kind} ${s.file}, ${mb} MB, ${rowsText(s.rows)} in ${formatDuration(s.elapsedMs)}` +
    `${rate === null ? '' : ` (${count(rate)} rows/s)`}: ${OUTCOME[s.outcome]}`
  );
}
