/**
 * Survey responses (data-formats.md): one row per respondent, answers read with the survey's
 * codebook (chosen or uploaded; default the Thai 5-point item). Raw answers are stored beside
 * their level and status, so a rule can change later without re-importing. Non-answers and
 * out-of-range answers are kept with their status and counted (never dropped, never valid).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ceToBe } from '../../contracts/calendar.ts';
import { DEFAULT_SAMPLE_TYPE } from '../../contracts/imports.ts';
import type { Database } from '../../db/database.ts';
import { type SurveyRow, writeSurvey } from '../../queries/imports-survey.ts';
import {
  type AnswerResult,
  type Codebook,
  type CodebookItem,
  classifyAnswer,
  DEFAULT_CODEBOOK,
  parseCodebook,
} from '../parse/answers.ts';
import { FatalImportError, issue } from '../issues.ts';
import type { TableRow } from '../source/table.ts';
import type { AnswerLabel } from '../types.ts';
import { bothEras, type Cell, cellShown, cellText, readNumber } from '../values.ts';
import { type Columns, type KindContext, PreviewRows, RowErrors, ScopeCheck, ZoneLookup } from './common.ts';
import type { KindReader } from './kind.ts';

const SAMPLE_TYPES = new Map<string, 'probability' | 'opt_in'>(
  (
    [
      ['probability', 'probability'],
      ['probability sample', 'probability'],
      ['random', 'probability'],
      ['sampled', 'probability'],
      ['สุ่ม', 'probability'],
      ['สุ่มตัวอย่าง', 'probability'],
      ['กลุ่มตัวอย่างสุ่ม', 'probability'],
      ['opt_in', 'opt_in'],
      ['opt-in', 'opt_in'],
      ['optin', 'opt_in'],
      ['opt in', 'opt_in'],
      ['web', 'opt_in'],
      ['online', 'opt_in'],
      ['qr', 'opt_in'],
      ['qr code', 'opt_in'],
      ['ออนไลน์', 'opt_in'],
      ['สมัครใจ', 'opt_in'],
      ['ตอบเอง', 'opt_in'],
    ] as const
  ).map(([k, v]) => [k, v]),
);

function sampleType(text: string): 'probability' | 'opt_in' | null {
  return SAMPLE_TYPES.get(text.trim().toLowerCase()) ?? null;
}

/** Wave label from a survey date when the file has none: BE year and calendar quarter, e.g. 2565-Q1. */
function derivedWave(isoDate: string): string {
  const y = ceToBe(Number(isoDate.slice(0, 4)));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  return `${y}-Q${q}`;
}

type ItemName = 'fear' | 'trust';
const ITEMS: readonly ItemName[] = ['fear', 'trust'];

/** The scale's labels as a person reads them, level 5 first: "5 มากที่สุด / กลัวมากที่สุด, 4 ...". */
function knownLabels(item: CodebookItem): string {
  const levels = Object.entries(item.labels ?? {}).sort(([a], [b]) => Number(b) - Number(a));
  const text = levels.map(
    ([level, labels]) => `${level} ${labels.filter((l) => /[\u0E00-\u0E7F]/.test(l)).join(' / ')}`,
  );
  return text.length > 0 ? text.join(', ') : `1-${item.levels}`;
}

/** How each distinct answer text of the file was read, per item (at most 50 texts an item). */
class LabelLevels {
  readonly #seen: Record<string, Map<string, AnswerLabel>> = {};

  note(item: ItemName, raw: string | null, result: AnswerResult, row: number): void {
    const label = raw ?? '';
    this.#seen[item] ??= new Map();
    const map = this.#seen[item];
    const known = map.get(label);
    if (known) known.rows++;
    else if (map.size < 50) {
      map.set(label, {
        label,
        reading: result.status === 'valid' ? result.level : result.status,
        rows: 1,
        firstRow: row,
      });
    }
  }

  summary(): Record<string, AnswerLabel[]> {
    const out: Record<string, AnswerLabel[]> = {};
    for (const [item, map] of Object.entries(this.#seen)) out[item] = [...map.values()];
    return out;
  }
}

export class SurveyReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #zones: ZoneLookup;
  readonly #scope: ScopeCheck;
  readonly #errors: RowErrors;
  readonly codebook: Codebook;
  readonly #items: Partial<Record<ItemName, CodebookItem>> = {};
  readonly #rows: SurveyRow[] = [];
  readonly #stations = new Set<string>();
  readonly #answers: Record<string, Record<string, number>> = {};
  #fileZone: { code: string; station: string } | null = null;
  #fileSample: 'probability' | 'opt_in' | null = null;
  #waveDerived = false;
  #rowsRead = 0;
  readonly #labels = new LabelLevels();

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#zones = new ZoneLookup(ctx.registry.zones);
    this.#scope = new ScopeCheck(ctx);
    this.#errors = new RowErrors(ctx.issues);
    const file = ctx.file;
    if (ctx.options.codebook === undefined || ctx.options.codebook === null || ctx.options.codebook === '')
      this.codebook = DEFAULT_CODEBOOK;
    else {
      const parsed = parseCodebook(ctx.options.codebook);
      if (!parsed.ok) throw new FatalImportError(issue('invalid_codebook', { file }, { reason: parsed.reason }));
      this.codebook = parsed.codebook;
    }
    for (const item of ITEMS) {
      if (!cols.has(item)) continue;
      const def = this.codebook.items[item];
      if (def === undefined) {
        throw new FatalImportError(
          issue(
            'invalid_codebook',
            { file, column: cols.name(item) },
            {
              reason: {
                th: `ไฟล์มีคอลัมน์ ${item} แต่ codebook "${this.codebook.name}" ไม่มีข้อนี้`,
                en: `The file has a ${item} column but codebook "${this.codebook.name}" has no such item`,
              },
            },
          ),
        );
      }
      this.#items[item] = def;
      this.#answers[item] = {};
    }
    const zn = ctx.options.zone?.trim();
    if (zn !== undefined && zn !== '' && !cols.has('zone')) {
      const found = this.#zones.find(zn, { file, row: null, column: null });
      if (found.ok) {
        this.#fileZone = { code: found.ref.code, station: found.ref.station_code };
        this.#scope.allows(found.ref.station_code, { row: null, column: null, value: zn });
      } else ctx.issues.add(found.issue);
    }
    if (ctx.options.sampleType !== undefined && !cols.has('sample_type')) this.#fileSample = ctx.options.sampleType;
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file, options } = this.#ctx;
    const cols = this.#cols;
    const at = cols.where(file, r);
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();

    let zone = this.#fileZone;
    if (cols.has('zone')) {
      zone = null;
      const raw = cellText(cols.cell(r, 'zone'));
      if (raw === null) issues.add(issue('required_value_missing', at('zone')));
      else {
        const found = this.#zones.find(raw, at('zone'));
        if (found.ok) {
          zone = { code: found.ref.code, station: found.ref.station_code };
          this.#scope.allows(zone.station, { row: r.row, column: cols.name('zone'), value: raw });
        } else issues.add(found.issue);
      }
    }
    p.set('zone', cols.cell(r, 'zone') ?? null, zone?.code ?? null);

    const dateCell = cols.cell(r, 'surveyed_on');
    const d = this.#ctx.dates.read(dateCell);
    let date: string | null = null;
    if (d === null) issues.add(issue('required_value_missing', at('surveyed_on')));
    else if (!d.ok) issues.add(issue('invalid_date', at('surveyed_on', cellShown(dateCell)), { reason: d.reason }));
    else if (d.monthOnly === true) {
      issues.add(
        issue('invalid_date', at('surveyed_on', cellShown(dateCell)), {
          reason: { th: 'ต้องระบุวันที่ ไม่ใช่เพียงเดือน', en: 'A day is needed, not only a month' },
        }),
      );
    } else {
      date = d.date;
      const eras = bothEras({ ok: true, date: d.date, month: d.month, utcMillis: d.utcMillis });
      p.set('surveyed_on', dateCell, d.date, eras);
    }

    let wave: string | null = null;
    if (cols.has('wave')) wave = cellText(cols.cell(r, 'wave'));
    else if (options.wave !== undefined && options.wave.trim() !== '') wave = options.wave.trim();
    if (wave === null && date !== null) {
      wave = derivedWave(date);
      if (!this.#waveDerived) {
        this.#waveDerived = true;
        issues.add(issue('wave_derived', { file, row: r.row, column: cols.name('wave') }, { wave }));
      }
    }
    p.set('wave', cols.cell(r, 'wave') ?? null, wave);

    let sample = this.#fileSample ?? DEFAULT_SAMPLE_TYPE;
    if (cols.has('sample_type')) {
      const raw = cellText(cols.cell(r, 'sample_type'));
      if (raw !== null) {
        const st = sampleType(raw);
        if (st === null) {
          issues.add(
            issue('invalid_value', at('sample_type', raw), {
              reason: {
                th: 'ใช้ probability (สุ่มตัวอย่าง) หรือ opt_in (ตอบเองทางเว็บ/QR)',
                en: 'use probability or opt_in (web form / QR)',
              },
            }),
          );
        } else sample = st;
      }
    }
    p.set('sample_type', cols.cell(r, 'sample_type') ?? null, sample);

    const answers: Partial<Record<ItemName, { raw: string | null; result: AnswerResult }>> = {};
    for (const item of ITEMS) {
      const def = this.#items[item];
      if (def === undefined) continue;
      const cell: Cell | undefined = cols.cell(r, item);
      const raw = cellText(cell);
      const result = classifyAnswer(raw ?? '', def);
      answers[item] = { raw, result };
      const tally = this.#answers[item] as Record<string, number>;
      tally[result.status] = (tally[result.status] ?? 0) + 1;
      this.#labels.note(item, raw, result, r.row);
      if (result.status === 'out_of_range' && sample === 'opt_in') {
        // A form tool exports the option labels as written: one the scale does not know is a
        // mapping to make, never a respondent's invalid answer; the file is refused whole.
        issues.add(issue('unknown_answer_label', at(item, raw), { item, label: raw ?? '', known: knownLabels(def) }));
      } else if (result.status === 'out_of_range') {
        issues.add(issue('answer_not_valid', at(item, raw), { item, status: result.status, reason: result.reason }));
      }
      p.set(item, cell, result.status === 'valid' ? result.level : result.status);
    }

    let weight = 1;
    if (cols.has('weight')) {
      const wCell = cols.cell(r, 'weight');
      const w = readNumber(wCell, { positive: true });
      if (w === null) issues.add(issue('required_value_missing', at('weight')));
      else if (!w.ok) issues.add(issue('invalid_number', at('weight', cellShown(wCell)), { reason: w.reason }));
      else weight = w.value;
      p.set('weight', wCell, weight);
    }
    const sex = cols.has('sex') ? cellText(cols.cell(r, 'sex')) : null;
    const ageBand = cols.has('age_band') ? cellText(cols.cell(r, 'age_band')) : null;
    if (cols.has('sex')) p.set('sex', cols.cell(r, 'sex'), sex);
    if (cols.has('age_band')) p.set('age_band', cols.cell(r, 'age_band'), ageBand);

    if (this.#errors.end(r.row) || zone === null || date === null || wave === null) return;
    this.#stations.add(zone.station);
    const item = (name: ItemName) => {
      const a = answers[name];
      const def = this.#items[name];
      if (a === undefined || def === undefined) return { raw: null, level: null, status: 'blank', levels: null };
      return {
        raw: a.raw,
        level: a.result.status === 'valid' ? a.result.level : null,
        status: a.result.status,
        levels: def.levels,
      };
    };
    const fear = item('fear');
    const trust = item('trust');
    this.#rows.push({
      zone_id: zone.code,
      surveyed_on: date,
      wave,
      sample_type: sample,
      fear_raw: fear.raw,
      fear_level: fear.level,
      fear_status: fear.status,
      fear_levels: fear.levels,
      trust_raw: trust.raw,
      trust_level: trust.level,
      trust_status: trust.status,
      trust_levels: trust.levels,
      weight,
      sex,
      age_band: ageBand,
    });
  }

  async finish(_db: Database): Promise<void> {
    if (this.#fileZone === null && !this.#cols.has('zone')) {
      this.#ctx.issues.add(issue('missing_required_column', { file: this.#ctx.file }, { canonical: 'zone' }));
    }
  }

  stations(): string[] {
    return [...this.#stations].sort();
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { survey_responses: this.#rows.length, codebooks: 1 },
      skipped: 0,
      rowsWithErrors: this.#errors.count,
      answers: this.#answers,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    const n = await writeSurvey(conn, this.codebook, this.#rows, importId);
    return { survey_responses: n, codebooks: 1 };
  }

  details(): Record<string, unknown> {
    return { codebook: this.codebook.name, waveDerived: this.#waveDerived };
  }

  answerLabels(): Record<string, AnswerLabel[]> {
    return this.#labels.summary();
  }
}
