/**
 * queryOptions factories: the only place query keys are built, and every variable a request
 * depends on is in its key. Pages call useQuery(kpisQuery(...)) and nothing else.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { decodeRows } from '../../server/contracts/column-table.ts';
import { ApiError, client, readJson, setCsrfToken } from './client.ts';
import type { AuditQuery, ImportKind, KpiLevel, Me } from './types.ts';

export interface PeriodParams {
  from: string | null;
  to: string | null;
}

/** The API takes both ends of a period or neither (none = since each zone's start). */
function periodQuery({ from, to }: PeriodParams): {
  from?: string;
  to?: string;
} {
  return from && to ? { from, to } : {};
}

/** The signed-in user, or null when signed out (GET /api/auth/session: never a 401 in the console). */
export const meQuery = () =>
  queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: async (): Promise<Me | null> => {
      const { user } = await readJson(await client.api.auth.session.$get());
      setCsrfToken(user?.csrfToken ?? null);
      return user;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

export interface KpiParams extends PeriodParams {
  level: KpiLevel;
  /** One unit (a zone id or a station/division/bureau code); null = every unit in scope. */
  unit: string | null;
}

export const kpisQuery = ({ level, from, to, unit }: KpiParams) =>
  queryOptions({
    queryKey: ['kpis', { level, from, to, unit }] as const,
    queryFn: async () => {
      const body = await readJson(
        await client.api.kpis.$get({
          query: {
            level,
            ...periodQuery({ from, to }),
            ...(unit ? { unit } : {}),
          },
        }),
      );
      // The items come as columns (a 3,000-zone list names each field once); pages get objects.
      return { ...body, items: decodeRows(body.items) };
    },
    // Tables keep the previous period's figures while the next load, instead of blanking; never
    // another unit's or level's, which would show one zone's numbers under another's name.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].level === level && previousQuery.queryKey[1].unit === unit ? previous : undefined,
  });

export interface UnitParams extends PeriodParams {
  /** 'national', or a bureau, division or station code. */
  code: string;
  /**
   * Which level the national page lists; other units list the level below them, or every zone
   * when 'zone' is asked (the meeting mode's slides).
   */
  level: 'bureau' | 'division' | 'station' | 'zone';
}

/** One unit's page in one request: its path, figures, the level below and its zones. */
export const unitQuery = ({ code, level, from, to }: UnitParams) => {
  const listed = code === 'national' || level === 'zone' ? level : null;
  return queryOptions({
    queryKey: ['unit', code, { level: listed, from, to }] as const,
    queryFn: async () =>
      readJson(
        await client.api.units[':code'].$get({
          param: { code },
          query: { ...periodQuery({ from, to }), ...(listed ? { level: listed } : {}) },
        }),
      ),
    // Same unit, another period: keep its figures on screen while the next load. Never another unit's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === code && previousQuery.queryKey[2].level === listed ? previous : undefined,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
};

export const zonesQuery = () =>
  queryOptions({
    queryKey: ['zones'] as const,
    queryFn: async () => readJson(await client.api.zones.$get()),
    staleTime: 10 * 60_000,
  });

/** How recent the caller's data is: the last whole month of crime data, the latest survey wave. */
export const dataDatesQuery = () =>
  queryOptions({
    queryKey: ['data-dates'] as const,
    queryFn: async () => readJson(await client.api.zones['data-dates'].$get()),
    staleTime: 10 * 60_000,
  });

export const zoneQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId] as const,
    queryFn: async () => readJson(await client.api.zones[':id'].$get({ param: { id: zoneId } })),
    // A 404 (unknown or out of scope) will not change on retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

/** The zone's synthetic control (kpi.md); computed once per data state on the server. */
export const zoneCounterfactualQuery = (zoneId: string, period: PeriodParams) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'counterfactual', { from: period.from, to: period.to }] as const,
    queryFn: async () =>
      readJson(
        await client.api.zones[':id'].counterfactual.$get({
          param: { id: zoneId },
          query: periodQuery(period),
        }),
      ),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === zoneId ? previous : undefined),
  });

export const zoneSeriesQuery = (zoneId: string, period: PeriodParams) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'series', { from: period.from, to: period.to }] as const,
    queryFn: async () =>
      readJson(
        await client.api.zones[':id'].series.$get({
          param: { id: zoneId },
          query: periodQuery(period),
        }),
      ),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === zoneId ? previous : undefined),
  });

/** The zone's explanation: the three areas side by side, answer distributions and caveats. */
export const zoneExplanationQuery = (zoneId: string, period: PeriodParams) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'explanation', { from: period.from, to: period.to }] as const,
    queryFn: async () =>
      readJson(
        await client.api.zones[':id'].explanation.$get({
          param: { id: zoneId },
          query: periodQuery(period),
        }),
      ),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === zoneId ? previous : undefined),
  });

/** The zone's incident points (and its ring's) for a period and offence group (null = all). */
export const zoneIncidentsQuery = (zoneId: string, period: PeriodParams, group: number | null) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'incidents', { from: period.from, to: period.to, group }] as const,
    queryFn: async () =>
      readJson(
        await client.api.zones[':id'].incidents.$get({
          param: { id: zoneId },
          query: { ...periodQuery(period), ...(group === null ? {} : { group: String(group) }) },
        }),
      ),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === zoneId ? previous : undefined),
  });

export const zoneSurveyQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'survey'] as const,
    queryFn: async () => readJson(await client.api.zones[':id'].survey.$get({ param: { id: zoneId } })),
  });

// ---- Admin, settings and imports screens ----

/** A 4xx (no permission, not found) will not change on retry. */
const retryServerErrors = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const adminUsersQuery = () =>
  queryOptions({
    queryKey: ['admin', 'users'] as const,
    queryFn: async () => readJson(await client.api.admin.users.$get()),
    retry: retryServerErrors,
  });

export const adminTokensQuery = () =>
  queryOptions({
    queryKey: ['admin', 'tokens'] as const,
    queryFn: async () => readJson(await client.api.admin.tokens.$get()),
    retry: retryServerErrors,
  });

export interface AuditParams {
  user: string | null;
  action: string | null;
  /** Bangkok calendar dates 'YYYY-MM-DD', both inclusive. */
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
}

export const auditQuery = ({ user, action, from, to, page, pageSize }: AuditParams) =>
  queryOptions({
    queryKey: ['admin', 'audit', { user, action, from, to, page, pageSize }] as const,
    queryFn: async () => {
      const query: AuditQuery = { page: String(page), pageSize: String(pageSize) };
      if (user) query.user = user;
      if (action) query.action = action;
      if (from) query.from = from;
      if (to) query.to = to;
      return readJson(await client.api.admin.audit.$get({ query }));
    },
    // The table keeps the previous page on screen while the next one loads.
    placeholderData: (previous) => previous,
    retry: retryServerErrors,
  });

export const settingsQuery = () =>
  queryOptions({
    queryKey: ['settings'] as const,
    queryFn: async () => readJson(await client.api.settings.$get()),
    retry: retryServerErrors,
  });

export interface ImportHistoryParams {
  kind: ImportKind | null;
  limit: number;
  offset: number;
}

export const importHistoryQuery = ({ kind, limit, offset }: ImportHistoryParams) =>
  queryOptions({
    queryKey: ['imports', 'history', { kind, limit, offset }] as const,
    queryFn: async () =>
      readJson(
        await client.api.imports.$get({
          query: { limit: String(limit), offset: String(offset), ...(kind ? { kind } : {}) },
        }),
      ),
    placeholderData: (previous) => previous,
    retry: retryServerErrors,
  });

export const importReferenceQuery = () =>
  queryOptions({
    queryKey: ['imports', 'reference'] as const,
    queryFn: async () => readJson(await client.api.imports.reference.$get()),
    staleTime: 10 * 60_000,
    retry: retryServerErrors,
  });

export const importMappingsQuery = (kind: ImportKind) =>
  queryOptions({
    queryKey: ['imports', 'mappings', { kind }] as const,
    queryFn: async () => readJson(await client.api.imports.mappings.$get({ query: { kind } })),
    retry: retryServerErrors,
  });

/**
 * After a change that moves figures (settings saved, an import committed or undone): every KPI,
 * zone page and the zone directory load afresh, so the overview shows the new figures at once.
 */
export function invalidateFigures(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    [['kpis'], ['zone'], ['zones'], ['settings']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}

/** After a change to users or tokens: their lists and the audit log. */
export function invalidateAdmin(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['admin'] });
}

/** After an import, an undo or a saved mapping: history and mappings (figures: invalidateFigures). */
export function invalidateImports(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['imports'] });
}

// ---- The resident survey's moderation ----

export const surveyModerationQuery = () =>
  queryOptions({
    queryKey: ['survey', 'moderation'] as const,
    queryFn: async () => readJson(await client.api.survey.moderation.$get({ query: {} })),
    retry: retryServerErrors,
  });

// ---- Stronger Together: community problems ----

export interface ProblemParams extends PeriodParams {
  /** 'national', a bureau, division or station code, or a zone id. */
  unit: string;
}

export const problemCategoriesQuery = () =>
  queryOptions({
    queryKey: ['problems', 'categories'] as const,
    queryFn: async () => readJson(await client.api.problems.categories.$get()),
    staleTime: 30 * 60_000,
  });

/** The problems of a unit (or zone) raised in the period, as far as the caller sees them. */
export const problemsQuery = ({ unit, from, to }: ProblemParams) =>
  queryOptions({
    queryKey: ['problems', 'list', { unit, from, to }] as const,
    queryFn: async () => readJson(await client.api.problems.$get({ query: { unit, ...periodQuery({ from, to }) } })),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2].unit === unit ? previous : undefined),
  });

/** The problem figures of a unit, each unit below it, by category and fiscal year. */
export const problemSummaryQuery = ({ unit, from, to }: ProblemParams) =>
  queryOptions({
    queryKey: ['problems', 'summary', { unit, from, to }] as const,
    queryFn: async () =>
      readJson(await client.api.problems.summary.$get({ query: { unit, ...periodQuery({ from, to }) } })),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2].unit === unit ? previous : undefined),
    retry: retryServerErrors,
  });

/** After a problem is recorded or changed: its lists and figures load afresh. */
export function invalidateProblems(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['problems'] });
}
