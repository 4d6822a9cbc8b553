/**
 * Response types of the API, inferred from the server's routes through the hc client: server and
 * web types are never written twice.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { client } from './client.ts';

type KpiWireResponse = InferResponseType<typeof client.api.kpis.$get, 200>;
/** The items arrive as columns; kpisQuery decodes them (server/contracts/column-table.ts). */
export type KpiItem = NonNullable<KpiWireResponse['items']['rowType']>;
export type KpiResponse = Omit<KpiWireResponse, 'items'> & { items: KpiItem[] };
/** Each method once per answer; a figure's `method` is its key here. */
export type KpiMethods = KpiWireResponse['methods'];
export type KpiQuery = InferRequestType<typeof client.api.kpis.$get>['query'];
export type KpiLevel = NonNullable<KpiQuery['level']>;
export type SurveyKpi = KpiItem['fear'];
export type CrimeKpi = KpiItem['crime'];
export type KpiStatus = SurveyKpi['status'];
export type TrafficLight = KpiItem['overall'];

export type UnitPage = InferResponseType<(typeof client.api.units)[':code']['$get'], 200>;
export type UnitChild = UnitPage['children'][number];

type ZoneById = (typeof client.api.zones)[':id'];
export type ZonesResponse = InferResponseType<typeof client.api.zones.$get, 200>;
export type ZoneSummary = ZonesResponse['items'][number];
export type ZoneDetail = InferResponseType<ZoneById['$get'], 200>;
export type Partner = ZoneDetail['partners'][number];
export type ZoneSeries = InferResponseType<ZoneById['series']['$get'], 200>;
export type SeriesMonth = ZoneSeries['months'][number];
export type ZoneCounterfactual = InferResponseType<ZoneById['counterfactual']['$get'], 200>;
export type ZoneSurvey = InferResponseType<ZoneById['survey']['$get'], 200>;
export type ZoneIncidents = InferResponseType<ZoneById['incidents']['$get'], 200>;
export type ZoneExplanation = InferResponseType<ZoneById['explanation']['$get'], 200>;
export type SurveyWave = ZoneSurvey['waves'][number];

/** A figure's "how is this computed?": rule names and parameters, as the server sent them. */

export type Me = InferResponseType<typeof client.api.auth.me.$get, 200>;
export type LoginBody = InferRequestType<typeof client.api.auth.login.$post>['json'];
export type ChangePasswordBody = InferRequestType<typeof client.api.auth.password.$post>['json'];

// ---- Admin, settings and imports screens ----

export type Role = Me['role'];
export type Scope = Me['scope'];
export type ScopeKind = Scope['kind'];
export type Permission = Me['permissions'][number];

type AdminApi = typeof client.api.admin;
export type AdminUser = InferResponseType<AdminApi['users']['$get'], 200>['users'][number];
export type CreateUserBody = InferRequestType<AdminApi['users']['$post']>['json'];
export type UpdateUserBody = InferRequestType<AdminApi['users'][':username']['$patch']>['json'];
export type ResetPasswordBody = InferRequestType<AdminApi['users'][':username']['password']['$post']>['json'];
export type ApiToken = InferResponseType<AdminApi['tokens']['$get'], 200>['tokens'][number];
export type CreateTokenBody = InferRequestType<AdminApi['tokens']['$post']>['json'];
// The admin routes answer 200 | 201 from one helper, hence the union.
export type CreatedToken = InferResponseType<AdminApi['tokens']['$post'], 200 | 201>['result'];
export type AuditQuery = InferRequestType<AdminApi['audit']['$get']>['query'];
export type AuditPage = InferResponseType<AdminApi['audit']['$get'], 200>;
export type AuditEntry = AuditPage['items'][number];
/** The audit log's action names (a type-only import: nothing of the server reaches the bundle). */
export type AuditAction = import('../../server/auth/audit.ts').AuditAction;

type SettingsApi = typeof client.api.settings;
export type KpiSettings = InferResponseType<SettingsApi['$get'], 200>;
export type ProgrammeSettings = InferRequestType<SettingsApi['programme']['$put']>['json'];
export type ZoneOverrides = InferRequestType<SettingsApi['zones'][':id']['$put']>['json'];

type ImportsApi = typeof client.api.imports;
export type ImportPreviewResponse = InferResponseType<ImportsApi['preview']['$post'], 200>;
export type ImportResult = ImportPreviewResponse['result'];
/** 201 written, 422 refused (nothing written): both carry the full result. */
export type ImportCommitResponse = InferResponseType<ImportsApi['commit']['$post'], 201 | 422>;
/**
 * What /preview and /commit accept as `options`. Their JSON bodies are read by hand (they also
 * take multipart), so hc has no request type: the route's own zod schema type is used.
 */
export type ImportOptions = import('../../server/importers/schemas.ts').ImportOptionsInput;
export type ImportPreview = ImportResult['preview'];
export type ImportIssue = ImportResult['errors'][number];
export type ImportKind = ImportPreview['kind'];
export type PreviewCell = ImportPreview['rows'][number]['cells'][string];
export type ImportHistory = InferResponseType<ImportsApi['$get'], 200>;
export type ImportHistoryItem = ImportHistory['items'][number];
export type ImportReference = InferResponseType<ImportsApi['reference']['$get'], 200>;
export type SavedMapping = InferResponseType<ImportsApi['mappings']['$get'], 200>['items'][number];
export type SaveMappingBody = InferRequestType<ImportsApi['mappings']['$post']>['json'];

type ProblemsApi = typeof client.api.problems;
export type ProblemList = InferResponseType<ProblemsApi['$get'], 200>;
export type Problem = ProblemList['items'][number];
export type ProblemSummary = InferResponseType<ProblemsApi['summary']['$get'], 200>;
export type ProblemFigures = ProblemSummary['total'];
export type ProblemCategory = InferResponseType<ProblemsApi['categories']['$get'], 200>['items'][number];
export type NewProblemBody = InferRequestType<ProblemsApi['$post']>['json'];
export type ProblemChangeBody = InferRequestType<ProblemsApi[':id']['$patch']>['json'];

/** One zone's hour of the resident form's answers, as moderation lists it. */
export type SurveyBurst = InferResponseType<typeof client.api.survey.moderation.$get, 200>['bursts'][number];
