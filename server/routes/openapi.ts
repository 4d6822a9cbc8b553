import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z } from 'zod';
import { ERROR_CODES } from '../auth/errors.ts';
import { type Action, PERMISSIONS } from '../auth/permissions.ts';
import { ROLES } from '../auth/principal.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { formAnswerDocSchema } from './public-survey.ts';
import { importKindSchema, importOptionsSchema } from '../importers/schemas.ts';
import { renderReferencePage } from './openapi-page.ts';

/**
 * The OpenAPI 3.1 document of the API, served at GET /api/openapi.json and read by /api/docs.
 *
 * One source: every parameter and JSON request body comes from the zod schema the route validates
 * with (routes/validation.ts records it on the route; hono-openapi turns it into JSON Schema).
 * What a validator cannot say - what the route is for, who may call it, what it answers - is in
 * ROUTE_DOCS below, one entry per route keyed as Hono lists it ("GET /api/zones/:id"), like the
 * authorization matrix. Routes are enumerated from the app itself, so a route without an entry
 * still appears (marked undocumented) and tests/server/routes/openapi.test.ts fails on it.
 */

type Access =
  /** Anyone, no credentials. */
  | 'public'
  /** Anyone; signed-in callers get more (health). */
  | 'optional'
  /** Any signed-in user or API token. */
  | 'signed-in'
  /** A signed-in user's session, not an API token. */
  | 'session'
  /** Roles allowed this action in the permission table (server/auth/permissions.ts). */
  | Action;

type Tag =
  | 'health'
  | 'auth'
  | 'admin'
  | 'kpis'
  | 'units'
  | 'zones'
  | 'settings'
  | 'imports'
  | 'exports'
  | 'reports'
  | 'problems'
  | 'survey'
  | 'docs';

export interface RouteDoc {
  tag: Tag;
  summary: string;
  /** Thai summary, for the reference page. */
  th: string;
  description?: string;
  access: Access;
  /** Success answers: status -> description (JSON unless `produces` says otherwise). */
  ok: Record<number, string>;
  /** Error answers besides 400 (validation), 401 and 403 (access) which follow from the rest. */
  errors?: Partial<Record<403 | 404 | 409 | 413 | 422 | 423 | 429 | 500 | 503, string>>;
  produces?: string;
  /** A request body the route reads itself (multipart uploads); validated bodies come from zod. */
  requestBody?: OpenAPIV3_1.RequestBodyObject;
  /** Whether it answers 400 although no validator is on the route (it validates inside). */
  validatesInside?: boolean;
}

/** A zod schema as a JSON Schema inside the document (whose dialect, 2020-12, is OpenAPI 3.1's own). */
const json = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest as never;
};

/** /preview and /commit: an upload, or a kept upload by id (the handler validates both). */
const uploadBody = (commit: boolean): OpenAPIV3_1.RequestBodyObject => ({
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file', 'kind'],
        properties: {
          file: {
            type: 'string',
            contentMediaType: 'application/octet-stream',
            description: 'CSV, XLSX, Parquet, GeoJSON or KML',
          },
          kind: json(importKindSchema),
          // JSON text of the import options (3.1's contentSchema says what it holds).
          options: {
            type: 'string',
            contentMediaType: 'application/json',
            contentSchema: json(importOptionsSchema),
          } as OpenAPIV3_1.SchemaObject,
          ...(commit
            ? { dryRun: { type: 'string', enum: ['1'], description: 'check everything, write nothing' } }
            : {}),
        },
      },
    },
    'application/json': {
      schema: json(
        commit
          ? z.object({ previewId: z.string().uuid(), options: importOptionsSchema.optional() }).strict()
          : z
              .object({
                previewId: z.string().uuid(),
                kind: importKindSchema.optional(),
                options: importOptionsSchema.optional(),
              })
              .strict(),
      ),
    },
  },
});

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /api/health': {
    tag: 'health',
    summary: 'Is the service up',
    th: 'สถานะบริการ',
    description:
      'Anonymous callers get only `{ "status": "ok" }`; signed-in users and API tokens also get the version, the schema version and row counts.',
    access: 'optional',
    ok: { 200: 'The service is up' },
  },
  'GET /api/openapi.json': {
    tag: 'docs',
    summary: 'This document',
    th: 'เอกสาร OpenAPI นี้',
    access: 'public',
    ok: { 200: 'The OpenAPI 3.1 document' },
  },
  'GET /api/docs': {
    tag: 'docs',
    summary: 'The API reference as a page',
    th: 'คู่มือ API',
    access: 'public',
    ok: { 200: 'An HTML page rendered from this document' },
    produces: 'text/html',
  },
  'POST /api/auth/login': {
    tag: 'auth',
    summary: 'Sign in',
    th: 'เข้าสู่ระบบ',
    description: `Sets the \`${SESSION_COOKIE}\` cookie and answers the user with the CSRF token to send as X-CSRF-Token on changes.`,
    access: 'public',
    ok: { 200: 'Signed in' },
    errors: { 429: 'Too many failed sign-ins: locked for a while' },
  },
  'POST /api/auth/logout': {
    tag: 'auth',
    summary: 'Sign out',
    th: 'ออกจากระบบ',
    access: 'signed-in',
    ok: { 200: 'Signed out' },
  },
  'GET /api/auth/me': {
    tag: 'auth',
    summary: 'Who am I: role, scope, permissions, CSRF token',
    th: 'ข้อมูลผู้ใช้ปัจจุบัน',
    access: 'signed-in',
    ok: { 200: 'The signed-in user or token' },
  },
  'GET /api/auth/session': {
    tag: 'auth',
    summary: 'Who is signed in, if anyone: the user as /me gives it, or null (never 401)',
    th: 'ผู้ใช้ที่เข้าสู่ระบบอยู่ (ถ้ามี)',
    access: 'public',
    ok: { 200: '{ user } or { user: null } when signed out' },
  },
  'POST /api/auth/password': {
    tag: 'auth',
    summary: 'Change my password',
    th: 'เปลี่ยนรหัสผ่านของตนเอง',
    access: 'session',
    ok: { 200: 'Changed; other sessions end' },
  },
  'GET /api/admin/users': {
    tag: 'admin',
    summary: 'List users',
    th: 'รายชื่อผู้ใช้',
    access: 'admin',
    ok: { 200: 'Users' },
  },
  'POST /api/admin/users': {
    tag: 'admin',
    summary: 'Create a user',
    th: 'สร้างผู้ใช้',
    access: 'admin',
    ok: { 201: 'Created' },
    errors: { 409: 'The username is taken' },
  },
  'PATCH /api/admin/users/:username': {
    tag: 'admin',
    summary: "Change a user's name, role, scope or status",
    th: 'แก้ไขผู้ใช้',
    access: 'admin',
    ok: { 200: 'Changed' },
    errors: { 404: 'No such user', 409: 'It would leave no enabled administrator' },
  },
  'POST /api/admin/users/:username/password': {
    tag: 'admin',
    summary: "Reset a user's password",
    th: 'ตั้งรหัสผ่านใหม่ให้ผู้ใช้',
    access: 'admin',
    ok: { 200: 'Reset; the user must change it at next sign-in' },
    errors: { 404: 'No such user' },
  },
  'GET /api/admin/tokens': {
    tag: 'admin',
    summary: 'List API tokens',
    th: 'รายการโทเคน',
    access: 'admin',
    ok: { 200: 'Tokens (never their secrets)' },
  },
  'POST /api/admin/tokens': {
    tag: 'admin',
    summary: 'Create an API token',
    th: 'สร้างโทเคน',
    description: 'The secret is in this answer only; it is stored as a hash.',
    access: 'admin',
    ok: { 201: 'Created, with its secret' },
    errors: { 409: 'A token with that name exists' },
  },
  'DELETE /api/admin/tokens/:id': {
    tag: 'admin',
    summary: 'Revoke an API token',
    th: 'เพิกถอนโทเคน',
    access: 'admin',
    ok: { 200: 'Revoked' },
    errors: { 404: 'No such token' },
  },
  'GET /api/admin/audit': {
    tag: 'admin',
    summary: 'The audit log, filtered and paged',
    th: 'บันทึกการใช้งาน',
    access: 'admin',
    ok: { 200: 'A page of entries' },
  },
  'POST /api/admin/backup': {
    tag: 'admin',
    summary: 'A consistent copy of the whole database',
    th: 'สำรองฐานข้อมูล',
    description:
      'What `npm run backup` calls while the server runs. The answer is a DuckDB file; restore it with `npm run restore` with the server stopped.',
    access: 'admin',
    ok: { 200: 'The backup file' },
    produces: 'application/octet-stream',
  },
  'GET /api/kpis': {
    tag: 'kpis',
    summary: 'The three KPIs per zone or rolled up to a level',
    th: 'ตัวชี้วัดรายพื้นที่หรือรวมตามระดับ',
    description:
      "Each figure with its n, months, counts, interval and status, as docs/kpi.md defines them. Only the zones in the caller's scope. " +
      "Each method is said once in `methods`; a figure's `method` is its key there. `items` come as columns: `{ count, columns }`, one column per field path (`crime.relative.effect`), either `{ values }` or `{ dict, codes }`; a nested object that can be null has a column at its own path (null, or 1). server/contracts/column-table.ts decodes them. Gzipped when the client accepts it.",
    access: 'view',
    ok: { 200: 'KPI items' },
  },
  'GET /api/units/:code': {
    tag: 'units',
    summary: "A bureau's, division's or station's page in one answer (code 'national' for the country)",
    th: 'ข้อมูลหน่วยงาน (บช. / บก. / สถานี)',
    description:
      "The path from the country down (breadcrumbs), the pooled figures with k of n zones meeting, the level below with each unit's zone count (level= asks for any level below the unit, e.g. level=zone lists every zone, as the meeting mode does), and the zones for the map. A unit only partly in scope pools only the caller's zones.",
    access: 'view',
    ok: { 200: "The unit's page" },
    errors: { 404: 'No such unit in scope (the same answer as for one that does not exist)' },
  },
  'GET /api/zones': {
    tag: 'zones',
    summary: 'Zones in scope',
    th: 'พื้นที่ในขอบเขต',
    access: 'view',
    ok: { 200: 'Zones' },
  },
  'GET /api/zones/geojson': {
    tag: 'zones',
    summary: 'Zone outlines in scope, as GeoJSON',
    th: 'ขอบเขตพื้นที่ (GeoJSON)',
    access: 'view',
    ok: { 200: 'A FeatureCollection' },
  },
  'GET /api/zones/data-dates': {
    tag: 'zones',
    summary: "How recent the caller's data is: the last whole month with crime data and the latest survey wave date",
    th: 'ข้อมูลถึงเดือนใด: เดือนสุดท้ายที่มีข้อมูลคดีครบเดือน และวันที่ของรอบสำรวจล่าสุด',
    description:
      "Over the zones in the caller's scope; the unfinished current month never counts. `/api/units/:code` and `/api/zones/:id/explanation` carry the same for the unit or zone they show.",
    access: 'view',
    ok: { 200: '{ crimeMonth, surveyDate }' },
  },
  'GET /api/zones/:id': {
    tag: 'zones',
    summary: 'One zone: details, partners, KPIs',
    th: 'ข้อมูลพื้นที่',
    access: 'view',
    ok: { 200: 'The zone' },
    errors: { 404: 'No such zone in scope (the same answer as for one that does not exist)' },
  },
  'GET /api/zones/:id/series': {
    tag: 'zones',
    summary: "A zone's monthly crime counts with its windows",
    th: 'สถิติคดีรายเดือนของพื้นที่',
    access: 'view',
    ok: { 200: 'Monthly series' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/zones/:id/counterfactual': {
    tag: 'zones',
    summary: "A pilot zone's synthetic control: donors, weights, counterfactual months, effect and placebo p",
    th: 'กลุ่มควบคุมสังเคราะห์ของพื้นที่นำร่อง',
    description:
      '`available: false` with a reason when there is no usable counterfactual (too few donors, no pre-period, or a poor pre-fit said as such).',
    access: 'view',
    ok: { 200: 'The counterfactual' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/zones/:id/explanation': {
    tag: 'zones',
    summary:
      "What stands behind a zone's figures: zone, comparison area and buffer ring side by side, answer distributions, caveats",
    th: 'คำอธิบายตัวเลขของพื้นที่: พื้นที่ พื้นที่เปรียบเทียบ และแนวกันชน การกระจายคำตอบ และข้อควรระวัง',
    description:
      'Counts before and after with rate ratios and exact 95% intervals for the three areas, the relative effect, the WDQ with its reading, the outlines of the comparison area, every answer level and non-answer of the latest and baseline waves, and the caveats (months covered, last data, waves below the minimum sample, opt-in answers, regression to the mean). Figures are the zone KPI item of `/api/kpis`.',
    access: 'view',
    ok: { 200: 'The explanation' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/zones/:id/incidents': {
    tag: 'zones',
    summary: "The period's located incidents in the zone and its buffer ring, as GeoJSON points",
    th: 'จุดเกิดเหตุในพื้นที่และแนวกันชน (GeoJSON)',
    description:
      'Month, offence group, type and area only; points exact or snapped to a grid by the location-privacy rule.',
    access: 'view',
    ok: { 200: 'A FeatureCollection of points' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/zones/:id/survey': {
    tag: 'zones',
    summary: "A zone's survey waves with intervals",
    th: 'ผลสำรวจความคิดเห็นของพื้นที่',
    access: 'view',
    ok: { 200: 'Survey waves' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/settings': {
    tag: 'settings',
    summary: 'KPI settings: programme and zones in scope',
    th: 'การตั้งค่าตัวชี้วัด',
    access: 'view',
    ok: { 200: 'Settings' },
  },
  'PUT /api/settings/programme': {
    tag: 'settings',
    summary: 'Change the programme-wide KPI settings',
    th: 'แก้ไขการตั้งค่าระดับโครงการ',
    description: 'Needs national scope as well.',
    access: 'settings',
    ok: { 200: 'Saved; KPIs follow at once' },
  },
  'PUT /api/settings/zones/:id': {
    tag: 'settings',
    summary: "Override a zone's KPI settings",
    th: 'ตั้งค่าเฉพาะพื้นที่',
    access: 'settings',
    ok: { 200: 'Saved' },
    errors: { 404: 'No such zone in scope' },
  },
  'DELETE /api/settings/zones/:id': {
    tag: 'settings',
    summary: "Remove a zone's overrides",
    th: 'ยกเลิกการตั้งค่าเฉพาะพื้นที่',
    access: 'settings',
    ok: { 200: 'Removed' },
    errors: { 404: 'No such zone in scope' },
  },
  'GET /api/imports': {
    tag: 'imports',
    summary: 'Import history touching my stations',
    th: 'ประวัติการนำเข้า',
    access: 'import',
    ok: { 200: 'Imports' },
  },
  'GET /api/imports/reference': {
    tag: 'imports',
    summary: 'Kinds, their columns, offence groups and types (the mapping screen)',
    th: 'ข้อมูลอ้างอิงสำหรับการนำเข้า',
    access: 'import',
    ok: { 200: 'Reference' },
  },
  'GET /api/imports/mappings': {
    tag: 'imports',
    summary: 'Saved column mappings',
    th: 'การจับคู่คอลัมน์ที่บันทึกไว้',
    access: 'import',
    ok: { 200: 'Mappings' },
  },
  'POST /api/imports/mappings': {
    tag: 'imports',
    summary: 'Save a column mapping',
    th: 'บันทึกการจับคู่คอลัมน์',
    access: 'import',
    ok: { 201: 'Saved' },
  },
  'DELETE /api/imports/mappings/:name': {
    tag: 'imports',
    summary: 'Delete a saved mapping',
    th: 'ลบการจับคู่คอลัมน์',
    access: 'import',
    ok: { 200: 'Deleted' },
    errors: { 404: 'No such mapping' },
  },
  'POST /api/imports/preview': {
    tag: 'imports',
    summary: 'Check a file: rows as read, every issue, nothing written',
    th: 'ตรวจไฟล์ก่อนนำเข้า',
    access: 'import',
    ok: { 200: 'The preview and its id' },
    errors: { 404: 'No such kept upload', 413: 'The upload is over SSZ_MAX_UPLOAD_MB' },
    requestBody: uploadBody(false),
    validatesInside: true,
  },
  'POST /api/imports/commit': {
    tag: 'imports',
    summary: 'Import a file (or a previewed one) whole or not at all',
    th: 'นำเข้าข้อมูล',
    access: 'import',
    ok: { 200: 'Dry run checked', 201: 'Imported' },
    errors: {
      404: 'No such kept upload',
      413: 'The upload is over SSZ_MAX_UPLOAD_MB',
      422: 'The file has errors: nothing was written',
    },
    requestBody: uploadBody(true),
    validatesInside: true,
  },
  'GET /api/imports/:id': {
    tag: 'imports',
    summary: 'One import',
    th: 'รายละเอียดการนำเข้า',
    access: 'import',
    ok: { 200: 'The import' },
    errors: { 404: 'No such import in scope' },
  },
  'POST /api/imports/:id/undo': {
    tag: 'imports',
    summary: 'Undo an import exactly',
    th: 'ยกเลิกการนำเข้า',
    access: 'undo',
    ok: { 200: 'Undone' },
    errors: { 404: 'No such import in scope', 409: 'Already undone, or later imports depend on it' },
  },
  'GET /api/exports/kpis.csv': {
    tag: 'exports',
    summary: '/api/kpis as CSV (UTF-8 with BOM)',
    th: 'ส่งออกตารางตัวชี้วัด (CSV)',
    access: 'export',
    ok: { 200: 'The table' },
    produces: 'text/csv',
  },
  'GET /api/reports/zones/:file': {
    tag: 'reports',
    summary: "One zone's report as a PDF (A4 portrait); file = <zone id>.pdf",
    th: 'รายงานพื้นที่นำร่อง (PDF)',
    description:
      "Made by the server's Chromium from the zone's print view: tiles with intervals, charts, map, partners, caveats, how each figure was computed. from/to as /api/kpis; lang th (default) or en.",
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: {
      404: 'No such zone, or out of scope',
      500: 'The PDF could not be made',
      503: 'Chromium is missing (named in the message)',
    },
    produces: 'application/pdf',
  },
  'GET /api/reports/units/:file': {
    tag: 'reports',
    summary: "A unit's summary as a PDF; file = <unit code>.pdf (national, bureau, division or station)",
    th: 'สรุปผลหน่วยงาน (PDF)',
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: {
      404: 'No such unit, or none of its zones in scope',
      500: 'The PDF could not be made',
      503: 'Chromium is missing',
    },
    produces: 'application/pdf',
  },
  'GET /api/reports/zones/:id/poster.pdf': {
    tag: 'reports',
    summary: "A zone's A4 QR poster for the resident survey, in Thai",
    th: 'โปสเตอร์คิวอาร์โค้ดแบบสอบถามประชาชนของพื้นที่ (A4)',
    description:
      "The zone's name, its station, a one-line purpose, the privacy line (no name, no phone number, no location kept) and a QR code of the form address `<SSZ_PUBLIC_URL>/s/<zone>`. Audited as a report.",
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: { 404: 'No such zone in scope', 500: 'The PDF could not be made', 503: 'Chromium is missing' },
    produces: 'application/pdf',
  },
  'GET /api/reports/units/:code/posters.pdf': {
    tag: 'reports',
    summary: "QR posters of every zone of a station (in the caller's scope), one A4 page each",
    th: 'โปสเตอร์คิวอาร์โค้ดของทุกพื้นที่ในสถานี',
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: {
      404: 'No such station, or none of its zones in scope',
      500: 'The PDF could not be made',
      503: 'Chromium is missing',
    },
    produces: 'application/pdf',
  },
  'GET /api/reports/units/:code/pack.pdf': {
    tag: 'reports',
    summary: "A unit's meeting pack: the summary, a table of contents and every zone, one PDF",
    th: 'ชุดรายงานการประชุม: สรุปผลหน่วยงานและทุกพื้นที่ (PDF)',
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: {
      404: 'No such unit, or none of its zones in scope',
      422: 'More zones than a pack holds (150)',
      500: 'The PDF could not be made',
      503: 'Chromium is missing',
    },
    produces: 'application/pdf',
  },
  'POST /api/reports/jobs': {
    tag: 'reports',
    summary: 'Start making a report in the background (the web page shows its progress)',
    th: 'เริ่มจัดทำรายงาน PDF (แสดงความคืบหน้า)',
    access: 'export',
    ok: { 202: 'The job: id, file name, progress' },
    errors: {
      404: 'No such zone or unit, or out of scope',
      422: 'More zones than a pack holds (150)',
      429: 'Three of your reports are still being made',
      503: 'Chromium is missing',
    },
  },
  'GET /api/reports/jobs/:id': {
    tag: 'reports',
    summary: "A report job's progress (stage, done of total, fraction) or its error",
    th: 'ความคืบหน้าของการจัดทำรายงาน',
    access: 'export',
    ok: { 200: 'Progress' },
    errors: { 404: 'No such job of yours (finished jobs are kept 10 minutes)' },
  },
  'GET /api/reports/jobs/:id/file': {
    tag: 'reports',
    summary: "A finished report job's PDF",
    th: 'ดาวน์โหลดรายงานที่จัดทำเสร็จแล้ว',
    access: 'export',
    ok: { 200: 'The PDF' },
    errors: { 404: 'No such job of yours, or not finished' },
    produces: 'application/pdf',
  },
  'GET /api/exports/kpis.xlsx': {
    tag: 'exports',
    summary: '/api/kpis as an Excel workbook, with a filters sheet',
    th: 'ส่งออกตารางตัวชี้วัด (Excel)',
    access: 'export',
    ok: { 200: 'The workbook' },
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/exports/zones/:id/crime.csv': {
    tag: 'exports',
    summary: "The numbers behind a zone's monthly crime chart, as CSV (UTF-8 with BOM)",
    th: 'ตัวเลขในกราฟคดีรายเดือนของพื้นที่ (CSV)',
    description:
      "One row a month: its role (after start, baseline...), cases by offence group and the synthetic control, exactly as the zone page's chart draws them from /series and /counterfactual. The first lines name the zone, chart, period and filters; lang=th gives Thai headers and BE years.",
    access: 'export',
    ok: { 200: 'The table' },
    errors: { 404: 'No such zone in scope' },
    produces: 'text/csv',
  },
  'GET /api/exports/zones/:id/survey.csv': {
    tag: 'exports',
    summary: "The numbers behind a zone's survey chart (item=fear or trust), as CSV (UTF-8 with BOM)",
    th: 'ตัวเลขในกราฟผลสำรวจของพื้นที่ (CSV)',
    description:
      "One row a wave: estimate, 95% Wilson interval, n, target and whether the period's KPI uses it; probability waves first, opt-in waves after them and marked as such.",
    access: 'export',
    ok: { 200: 'The table' },
    errors: { 404: 'No such zone in scope' },
    produces: 'text/csv',
  },
  'GET /api/exports/problems.csv': {
    tag: 'exports',
    summary: "A unit's Stronger Together problems as CSV (UTF-8 with BOM)",
    th: 'ส่งออกตารางปัญหาของเครือข่ายชุมชน (CSV)',
    description:
      'One row per problem the caller may see in the unit (unit as /api/problems/summary, default national; from/to the days raised): category, place, level, status, days open or to solve, BE dates and the dated history. Thai headers with the English beside them.',
    access: 'export',
    ok: { 200: 'The table' },
    errors: { 404: 'No such unit in scope' },
    produces: 'text/csv',
  },
  'GET /api/exports/problems.xlsx': {
    tag: 'exports',
    summary: "A unit's Stronger Together problems as an Excel workbook (a second sheet lists the filters)",
    th: 'ส่งออกตารางปัญหาของเครือข่ายชุมชน (Excel)',
    access: 'export',
    ok: { 200: 'The workbook' },
    errors: { 404: 'No such unit in scope' },
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/problems/categories': {
    tag: 'problems',
    summary: 'The current list of Stronger Together problem categories',
    th: 'หมวดปัญหาของเครือข่ายชุมชน (รายการปัจจุบัน)',
    description:
      'The highest version of the versioned category list: `{ version, items: [{ code, nameTh, nameEn }] }`. Problems keep the version they were recorded under.',
    access: 'view',
    ok: { 200: 'The categories' },
  },
  'GET /api/problems': {
    tag: 'problems',
    summary: "Community problems raised by the stations' networks, as far as the caller may see them",
    th: 'ปัญหาที่เครือข่ายชุมชนแจ้ง',
    description:
      "`{ items: [...] }`, newest first, each with its category, station, zone and point, level, status, age in days, dated history and whether the caller may change it. unit = 'national', a bureau, division or station code or a zone id; from/to (YYYY-MM or YYYY-MM-DD) filter the day raised. A station's own users see its problems at any level; division and bureau users once a problem has reached their level; zone-scoped users their zones' problems; national scope all.",
    access: 'view',
    ok: { 200: 'The problems' },
  },
  'POST /api/public/survey/:zoneId': {
    tag: 'survey',
    summary: "A resident's answer to a zone's form (no sign-in)",
    th: 'ส่งคำตอบแบบสอบถามของประชาชน (ไม่ต้องเข้าสู่ระบบ)',
    description:
      "Form-encoded (the page at /s/:zoneId) or JSON: `token` (the form's signed token, good for 2 hours), `fear` and `trust` as levels 1-5 of the default codebook or `dont_know`, optional `sex` (female, male, other) and `ageBand` (18-24 ... 65+). Lands as an opt-in answer for the zone and the day (Asia/Bangkok), never pooled with probability samples. The same token again counts once. A form post answers 303 to /s/:zoneId/thanks; errors then come as an HTML page in both languages. Rate-limited per client address and per zone; a tripped limit holds the burst's answers out of the figures for moderation.",
    access: 'public',
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: json(formAnswerDocSchema) },
        'application/x-www-form-urlencoded': { schema: json(formAnswerDocSchema) },
      },
    },
    validatesInside: true,
    ok: {
      201: 'Counted (JSON)',
      200: 'The same token again: counted once already (JSON)',
      303: 'Counted (form post): to the thank-you page',
    },
    errors: {
      403: "The form's token is missing, not valid for this zone, or expired",
      404: 'No such zone',
      413: 'Body over 4 KiB',
      429: 'Too many answers from this address or for this zone (Retry-After, Thai message first)',
    },
  },
  'GET /api/survey/moderation': {
    tag: 'survey',
    summary: "The resident form's bursts by zone and hour",
    th: 'คำตอบแบบสอบถามประชาชนที่เข้ามาเป็นชุด แยกตามพื้นที่และชั่วโมง',
    description:
      'Zone-hours (Asia/Bangkok) of the last `days` (default 30) with answers a rate limit held, answers voided (a voided burst stays listed, with who voided it and why), or at least 20 answers. Zones in scope.',
    access: 'moderate_survey',
    ok: {
      200: '`{ bursts: [{ zoneId, zoneNameTh, zoneNameEn, stationCode, hour, answers, inFigures, held, voided, holdReasons, voids }] }`',
    },
  },
  'POST /api/survey/moderation/void': {
    tag: 'survey',
    summary: "Void a zone's hour of form answers, with a reason",
    th: 'ยกเลิกคำตอบแบบสอบถามประชาชนทั้งชั่วโมงของพื้นที่ พร้อมเหตุผล',
    description:
      "JSON `{ zoneId, hour: 'YYYY-MM-DD HH:00', reason }`. Every answer of that zone-hour not voided yet is voided: kept with the reason and who voided it, never deleted, and out of every figure. Audited.",
    access: 'moderate_survey',
    ok: { 200: '`{ voided }`: how many answers this void took out' },
    errors: { 404: 'No such zone in scope' },
  },
  'POST /api/survey/moderation/release': {
    tag: 'survey',
    summary: "Put a zone's hour a rate limit held back into the figures",
    th: 'ปล่อยคำตอบที่ถูกพักไว้เพราะส่งถี่เกินไปให้นับในตัวเลข',
    description:
      "JSON `{ zoneId, hour: 'YYYY-MM-DD HH:00' }`: the held answers of that zone-hour (voided ones stay voided) count from now on. Audited.",
    access: 'moderate_survey',
    ok: { 200: '`{ released }`' },
    errors: { 404: 'No such zone in scope' },
  },
  'POST /api/problems': {
    tag: 'problems',
    summary: 'Record a problem the network raised (level station, status open)',
    th: 'บันทึกปัญหาที่เครือข่ายแจ้ง',
    description:
      "JSON `{ category, raisedOn: 'YYYY-MM-DD', zoneId or stationCode, description, raisedBy, point?: [lon, lat] }`. The station's own users (station scope) or national scope, with edit_problems. Audited.",
    access: 'edit_problems',
    ok: { 201: 'The problem, with its id' },
    errors: { 404: 'No such station or zone in scope' },
  },
  'PATCH /api/problems/:id': {
    tag: 'problems',
    summary: 'Escalate a problem, change its status or add a dated note',
    th: 'ส่งต่อ เปลี่ยนสถานะ หรือบันทึกความคืบหน้าของปัญหา',
    description:
      "JSON `{ level?, status?, note, on? }`: levels station, district, division, province, bureau, national; statuses open, in_progress, solved, closed_without_action. Every change is kept in the problem's history and in the audit log (before and after). Only the station's own users or national scope.",
    access: 'edit_problems',
    ok: { 200: 'The problem after the change' },
    errors: { 404: 'No such problem in scope' },
  },
  'GET /api/problems/summary': {
    tag: 'problems',
    summary: 'Problem figures for a unit and each unit below it, by category and by fiscal year',
    th: 'สรุปตัวเลขปัญหาของเครือข่ายชุมชน',
    description:
      "Raised, solved, open, closed without action, median days to solve, open longer than 30 and 90 days, and escalated above the station, for the unit (default national; or a zone id) and each unit below it in the caller's scope, by category and by Thai fiscal year. from/to as /api/problems; states are read on the period's last day (or today).",
    access: 'view',
    ok: { 200: 'The figures' },
    errors: { 404: 'No such unit in scope' },
  },
};

const errorSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'th', 'en'],
      properties: {
        code: { type: 'string', enum: ERROR_CODES },
        th: { type: 'string', description: 'the message in Thai' },
        en: { type: 'string', description: 'the message in English' },
      },
    },
  },
};

const errorResponse = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const roleList = (action: Action) => ROLES.filter((r) => PERMISSIONS[action][r]).join(', ');

function accessText(access: Access): string {
  switch (access) {
    case 'public':
      return 'Who: anyone, no credentials.';
    case 'optional':
      return 'Who: anyone; a session or an API token gets more.';
    case 'signed-in':
      return 'Who: any signed-in user or API token.';
    case 'session':
      return 'Who: a signed-in user (session cookie), not an API token.';
    default:
      return `Who: ${roleList(access)} (the "${access}" permission), within their scope.`;
  }
}

const SIGNED_IN: OpenAPIV3_1.SecurityRequirementObject[] = [{ sessionCookie: [] }, { bearerToken: [] }];

function securityOf(access: Access): OpenAPIV3_1.SecurityRequirementObject[] {
  if (access === 'public') return [];
  if (access === 'optional') return [{}, ...SIGNED_IN];
  if (access === 'session') return [{ sessionCookie: [] }];
  return SIGNED_IN;
}

/** ":id" -> "{id}", as OpenAPI writes path parameters. */
export const openApiPath = (honoPath: string): string => honoPath.replace(/:(\w+)/g, '{$1}');

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route the app answers, as "METHOD /api/path/:param" (middleware is not a route). */
export function appRouteKeys(app: Hono<never> | { routes: { method: string; path: string }[] }): string[] {
  return [
    ...new Set(
      app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api')).map((r) => `${r.method} ${r.path}`),
    ),
  ].sort((a, b) => {
    // By path, then GET, POST, PUT, PATCH, DELETE: the order the reference page lists them in.
    const [ma = '', pa = ''] = a.split(' ');
    const [mb = '', pb = ''] = b.split(' ');
    return pa === pb ? METHOD_ORDER.indexOf(ma) - METHOD_ORDER.indexOf(mb) : pa < pb ? -1 : 1;
  });
}

export interface DocumentOptions {
  version: string;
}

/** Builds the document for an app: validators' parameters and bodies, then ROUTE_DOCS around them. */
export async function buildOpenApiDocument(app: Hono<never>, options: DocumentOptions): Promise<OpenAPIV3_1.Document> {
  const generated = (await generateSpecs(app, {
    excludeStaticFile: false,
    defaultValidationErrorResponse: {
      description: 'The request is not valid: which field and why',
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Error' },
              {
                type: 'object',
                properties: {
                  issues: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { path: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            ],
          },
        },
      },
    },
  })) as unknown as OpenAPIV3_1.Document;
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const key of appRouteKeys(app)) {
    const [method = 'GET', honoPath = ''] = key.split(' ');
    const path = openApiPath(honoPath);
    const m = method.toLowerCase() as OpenAPIV3_1.HttpMethods;
    const fromValidators = (generated.paths?.[path]?.[m] ?? {}) as OpenAPIV3_1.OperationObject;
    const doc = ROUTE_DOCS[key];
    const pathParams = [...honoPath.matchAll(/:(\w+)/g)].map((p) => p[1] as string);
    const parameters = [...((fromValidators.parameters ?? []) as OpenAPIV3_1.ParameterObject[])];
    for (const name of pathParams)
      if (!parameters.some((p) => p.in === 'path' && p.name === name))
        parameters.push({ in: 'path', name, required: true, schema: { type: 'string' } });
    const responses: OpenAPIV3_1.ResponsesObject = {};
    for (const [status, description] of Object.entries(doc?.ok ?? { 200: 'OK' }))
      responses[status] = {
        description,
        content: {
          [doc?.produces ?? 'application/json']: doc?.produces === undefined ? { schema: { type: 'object' } } : {},
        },
      };
    const validation = fromValidators.responses?.['400'];
    if (validation !== undefined) responses['400'] = validation;
    else if (doc?.validatesInside === true) responses['400'] = errorResponse('The request is not valid');
    if (doc !== undefined && doc.access !== 'public' && doc.access !== 'optional')
      responses['401'] = errorResponse('Not signed in, or the session expired');
    if (doc !== undefined && doc.access !== 'public' && doc.access !== 'optional' && doc.access !== 'signed-in')
      responses['403'] = errorResponse(
        doc.access === 'session' ? 'Not allowed with an API token' : 'The role may not do this',
      );
    if (m !== 'get' && doc !== undefined && doc.access !== 'public')
      responses['403'] ??= errorResponse('The request failed the CSRF check (cookie sessions send X-CSRF-Token)');
    for (const [status, description] of Object.entries(doc?.errors ?? {}))
      responses[status] = errorResponse(description as string);
    const operation: OpenAPIV3_1.OperationObject = {
      operationId:
        fromValidators.operationId ??
        `${m}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string) => (c ?? '').toUpperCase())}`,
      summary: doc?.summary ?? 'UNDOCUMENTED: add this route to ROUTE_DOCS in server/routes/openapi.ts',
      ...(doc === undefined
        ? {}
        : { description: [doc.description, accessText(doc.access)].filter(Boolean).join('\n\n') }),
      tags: [doc?.tag ?? 'undocumented'],
      security: securityOf(doc?.access ?? 'signed-in'),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(fromValidators.requestBody !== undefined
        ? { requestBody: fromValidators.requestBody }
        : doc?.requestBody !== undefined
          ? { requestBody: doc.requestBody }
          : {}),
      responses,
      ...(doc === undefined ? {} : { 'x-summary-th': doc.th }),
    };
    paths[path] = { ...paths[path], [m]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Smart Safety Zone 4.0 KPI dashboard API',
      version: options.version,
      description:
        'The API the dashboard itself uses. Errors answer `{ "error": { "code", "th", "en" } }` (Thai and English). ' +
        `Sign in with POST /api/auth/login (cookie \`${SESSION_COOKIE}\`; changes then need the X-CSRF-Token header with the token /api/auth/me gives), ` +
        'or send `Authorization: Bearer ssz_...` with an API token an administrator made (no CSRF header). ' +
        "Every answer covers only the zones and stations in the caller's scope; an id out of scope answers 404 like one that does not exist.",
    },
    tags: (
      [
        'health',
        'auth',
        'kpis',
        'units',
        'zones',
        'settings',
        'imports',
        'exports',
        'reports',
        'problems',
        'admin',
        'docs',
      ] as const
    ).map((name) => ({
      name,
    })),
    security: SIGNED_IN,
    paths,
    components: {
      ...generated.components,
      schemas: { ...generated.components?.schemas, Error: errorSchema },
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by POST /api/auth/login. Changes (POST, PUT, PATCH, DELETE) also need X-CSRF-Token.',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (ssz_...) made on the admin screen, with its own role and scope.',
        },
      },
    },
  };
}

/**
 * GET /api/openapi.json and GET /api/docs (public: they describe the API, not its data). The
 * document is built once per process from the app the routes are mounted in (`self.app`, set by
 * createApi once the chain is complete).
 */
export const docsRoutes = (deps: AppDeps, self: { app?: Hono<never> }) => {
  let built: Promise<OpenAPIV3_1.Document> | null = null;
  const document = () => {
    if (self.app === undefined) throw new Error('docsRoutes: the app is not set yet');
    built ??= buildOpenApiDocument(self.app, { version: deps.version });
    return built;
  };
  return new Hono<AppEnv>()
    .get('/openapi.json', async (c) => c.json(await document()))
    .get('/docs', async (c) => c.html(renderReferencePage(await document())));
};
