/**
 * queryOptions factories: the only place query keys are built, and every variable a request
 * depends on is in its key. Pages call useQuery(kpisQuery(...)) and nothing else.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, client, readJson, setCsrfToken } from './client.ts';
import type { KpiLevel, Me } from './types.ts';

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

export const healthQuery = () =>
  queryOptions({
    queryKey: ['health'] as const,
    queryFn: async () => readJson(await client.api.health.$get()),
  });

/** The signed-in user, or null when signed out (401 is an answer here, not an error). */
export const meQuery = () =>
  queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await readJson(await client.api.auth.me.$get());
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
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
    queryFn: async () =>
      readJson(
        await client.api.kpis.$get({
          query: {
            level,
            ...periodQuery({ from, to }),
            ...(unit ? { unit } : {}),
          },
        }),
      ),
    // Tables keep the previous period's figures while the next load, instead of blanking; never
    // another unit's or level's, which would show one zone's numbers under another's name.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].level === level && previousQuery.queryKey[1].unit === unit ? previous : undefined,
  });

export const zonesQuery = () =>
  queryOptions({
    queryKey: ['zones'] as const,
    queryFn: async () => readJson(await client.api.zones.$get()),
    staleTime: 10 * 60_000,
  });

export const zonesGeojsonQuery = () =>
  queryOptions({
    queryKey: ['zones', 'geojson'] as const,
    queryFn: async () => readJson(await client.api.zones.geojson.$get()),
    staleTime: 10 * 60_000,
  });

export const zoneQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId] as const,
    queryFn: async () => readJson(await client.api.zones[':id'].$get({ param: { id: zoneId } })),
    // A 404 (unknown or out of scope) will not change on retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
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

export const zoneSurveyQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'survey'] as const,
    queryFn: async () => readJson(await client.api.zones[':id'].survey.$get({ param: { id: zoneId } })),
  });
