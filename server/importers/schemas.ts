/**
 * zod schemas of what the HTTP API and the command line accept (one definition for both).
 */
import { z } from 'zod';
import {
  DATE_ORDERS,
  DELIMITERS,
  ENCODINGS,
  GROUP_SCHEMES,
  IMPORT_KINDS,
  OFFENCE_GROUP_RANGE,
  RING_METERS_RANGE,
  SAMPLE_TYPES,
} from '../contracts/imports.ts';

export const importKindSchema = z.enum(IMPORT_KINDS);

/** Friendly spellings of the kinds for the command line and forms. */
export const KIND_ALIASES: Readonly<Record<string, (typeof IMPORT_KINDS)[number]>> = {
  incidents: 'incidents',
  incident: 'incidents',
  cases: 'incidents',
  monthly_counts: 'monthly_counts',
  'monthly-counts': 'monthly_counts',
  counts: 'monthly_counts',
  survey: 'survey',
  surveys: 'survey',
  survey_responses: 'survey',
  'survey-responses': 'survey',
  stations: 'stations',
  station: 'stations',
  zones: 'zones',
  zone: 'zones',
  partners: 'partners',
  partner: 'partners',
  problems: 'problems',
  problem: 'problems',
};

const columnTarget = z.union([z.string().max(500), z.number().int().min(0).max(10_000), z.null()]);
const columnMappingSchema = z.record(z.string().max(100), columnTarget);

export const importOptionsSchema = z
  .object({
    mapping: z.union([columnMappingSchema, z.string().min(1).max(200)]).optional(),
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    sheet: z.union([z.string().max(200), z.number().int().min(1).max(1000)]).optional(),
    station: z.string().max(200).optional(),
    zone: z.string().max(200).optional(),
    wave: z.string().max(100).optional(),
    sampleType: z.enum(SAMPLE_TYPES).optional(),
    codebook: z.union([z.string().max(5 * 1024 * 1024), z.record(z.string(), z.unknown())]).optional(),
    groupScheme: z.enum(GROUP_SCHEMES).optional(),
    offenceMap: z
      .record(z.string().max(500), z.number().int().min(OFFENCE_GROUP_RANGE.min).max(OFFENCE_GROUP_RANGE.max))
      .optional(),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    force: z.boolean().optional(),
    ringMeters: z.number().min(RING_METERS_RANGE.min).max(RING_METERS_RANGE.max).optional(),
  })
  .strict();

export type ImportOptionsInput = z.infer<typeof importOptionsSchema>;

/** Form fields of an upload: `kind`, and either `options` (JSON) or one field per option. */
export function optionsFromFields(
  fields: Record<string, string>,
): { ok: true; kind: (typeof IMPORT_KINDS)[number]; options: ImportOptionsInput } | { ok: false; message: string } {
  const kind = KIND_ALIASES[(fields.kind ?? '').trim().toLowerCase()];
  if (kind === undefined) return { ok: false, message: `kind must be one of ${IMPORT_KINDS.join(', ')}` };
  let raw: Record<string, unknown> = {};
  if (fields.options !== undefined && fields.options.trim() !== '') {
    try {
      raw = JSON.parse(fields.options) as Record<string, unknown>;
    } catch {
      return { ok: false, message: 'options is not valid JSON' };
    }
  }
  const direct = [
    'encoding',
    'delimiter',
    'sheet',
    'station',
    'zone',
    'wave',
    'sampleType',
    'groupScheme',
    'dateOrder',
  ] as const;
  for (const k of direct) {
    const v = fields[k];
    if (v !== undefined && v.trim() !== '') raw[k] = k === 'sheet' && /^\d+$/.test(v.trim()) ? Number(v) : v.trim();
  }
  if (fields.mapping !== undefined && fields.mapping.trim() !== '') {
    const m = fields.mapping.trim();
    if (m.startsWith('{')) {
      try {
        raw.mapping = JSON.parse(m);
      } catch {
        return { ok: false, message: 'mapping is not valid JSON' };
      }
    } else raw.mapping = m;
  }
  if (fields.offenceMap !== undefined && fields.offenceMap.trim() !== '') {
    try {
      raw.offenceMap = JSON.parse(fields.offenceMap);
    } catch {
      return { ok: false, message: 'offenceMap is not valid JSON' };
    }
  }
  if (fields.codebook !== undefined && fields.codebook.trim() !== '') raw.codebook = fields.codebook;
  if (fields.force !== undefined) raw.force = ['1', 'true', 'yes', 'on'].includes(fields.force.trim().toLowerCase());
  if (fields.ringMeters !== undefined && fields.ringMeters.trim() !== '') raw.ringMeters = Number(fields.ringMeters);
  const parsed = importOptionsSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, kind, options: parsed.data };
}
