import type { ImportKind } from '../parse/headers.ts';
import type { Columns, KindContext } from './common.ts';
import { IncidentsReader } from './incidents.ts';
import type { KindReader } from './kind.ts';
import { MonthlyCountsReader } from './monthly-counts.ts';
import { PartnersReader } from './partners.ts';
import { ProblemsReader } from './problems.ts';
import { StationsReader } from './stations.ts';
import { SurveyReader } from './survey.ts';

export { readZoneFile } from './zones.ts';

/** The reader of a table kind (zones come from shape files: readZoneFile). */
export function createTableReader(
  kind: Exclude<ImportKind, 'zones'> | ImportKind,
  ctx: KindContext,
  cols: Columns,
): KindReader {
  switch (kind) {
    case 'incidents':
      return new IncidentsReader(ctx, cols);
    case 'monthly_counts':
      return new MonthlyCountsReader(ctx, cols);
    case 'survey':
      return new SurveyReader(ctx, cols);
    case 'stations':
      return new StationsReader(ctx, cols);
    case 'partners':
      return new PartnersReader(ctx, cols);
    case 'problems':
      return new ProblemsReader(ctx, cols);
    case 'zones':
      throw new Error('zones are read from GeoJSON / KML (readZoneFile)');
  }
}
