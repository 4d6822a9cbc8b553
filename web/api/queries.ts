/**
 * queryOptions factories: the only place query keys are built, and every variable a request
 * depends on is in its key. Pages call useQuery(kpisQuery(...)) and nothing else.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, client, readJson, setCsrfToken, withCsrf } from './client.ts';
import type { KpiLevel, KpiResponse, Me, ZoneDetail, ZoneFeatureCollection, ZoneSeries, ZoneSurvey, ZonesResponse } from './types.ts';

export interface PeriodParams {
  from: string | null;
  to: string | null;
}

function periodQuery(period: PeriodParams): Record<string, string> {
  return period.from && period.to ? { from: period.from, to: period.to } : {};
}

// PROVISIONAL: routes not yet in AppType go through this typed fetch; each moves to `client` once it lands.
async function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(search ? `${path}?${search}` : path, withCsrf(undefined, null));
  return readJson<T>(response);
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
        const me = await getJson<Me>('/api/auth/me');
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
    queryFn: () =>
      getJson<KpiResponse>('/api/kpis', { level, ...periodQuery({ from, to }), ...(unit ? { unit } : {}) }),
    // Charts and tables keep the previous period's figures while the next load, instead of blanking;
    // never another unit's or level's, which would show the wrong zone's numbers under its name.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].level === level && previousQuery.queryKey[1].unit === unit ? previous : undefined,
  });

export const zonesQuery = () =>
  queryOptions({
    queryKey: ['zones'] as const,
    queryFn: () => getJson<ZonesResponse>('/api/zones'),
    staleTime: 10 * 60_000,
  });

export const zonesGeojsonQuery = () =>
  queryOptions({
    queryKey: ['zones', 'geojson'] as const,
    queryFn: () => getJson<ZoneFeatureCollection>('/api/zones/geojson'),
    staleTime: 10 * 60_000,
  });

export const zoneQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId] as const,
    queryFn: () => getJson<ZoneDetail>(`/api/zones/${encodeURIComponent(zoneId)}`),
  });

export const zoneSeriesQuery = (zoneId: string, period: PeriodParams) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'series', { from: period.from, to: period.to }] as const,
    queryFn: () => getJson<ZoneSeries>(`/api/zones/${encodeURIComponent(zoneId)}/series`, periodQuery(period)),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === zoneId ? previous : undefined),
  });

export const zoneSurveyQuery = (zoneId: string) =>
  queryOptions({
    queryKey: ['zone', zoneId, 'survey'] as const,
    queryFn: () => getJson<ZoneSurvey>(`/api/zones/${encodeURIComponent(zoneId)}/survey`),
  });
