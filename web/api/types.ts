/**
 * Response types of the API, inferred from the server's routes through the hc client: server and
 * web types are never written twice.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { client } from './client.ts';

export type Health = InferResponseType<typeof client.api.health.$get, 200>;

export type KpiResponse = InferResponseType<typeof client.api.kpis.$get, 200>;
export type KpiQuery = InferRequestType<typeof client.api.kpis.$get>['query'];
export type KpiLevel = NonNullable<KpiQuery['level']>;
export type KpiItem = KpiResponse['items'][number];
export type SurveyKpi = KpiItem['fear'];
export type CrimeKpi = KpiItem['crime'];
export type KpiStatus = SurveyKpi['status'];
export type TrafficLight = KpiItem['overall'];

type ZoneById = (typeof client.api.zones)[':id'];
export type ZonesResponse = InferResponseType<typeof client.api.zones.$get, 200>;
export type ZoneSummary = ZonesResponse['items'][number];
export type ZoneFeatureCollection = InferResponseType<typeof client.api.zones.geojson.$get, 200>;
export type ZoneDetail = InferResponseType<ZoneById['$get'], 200>;
export type Partner = ZoneDetail['partners'][number];
export type ZoneSeries = InferResponseType<ZoneById['series']['$get'], 200>;
export type SeriesMonth = ZoneSeries['months'][number];
export type ZoneSurvey = InferResponseType<ZoneById['survey']['$get'], 200>;
export type SurveyWave = ZoneSurvey['waves'][number];

/** A figure's "how is this computed?": rule names and parameters, as the server sent them. */
export type MethodInfo = SurveyKpi['method'] | CrimeKpi['method'];

export type Me = InferResponseType<typeof client.api.auth.me.$get, 200>;
export type LoginBody = InferRequestType<typeof client.api.auth.login.$post>['json'];
export type ChangePasswordBody = InferRequestType<typeof client.api.auth.password.$post>['json'];
