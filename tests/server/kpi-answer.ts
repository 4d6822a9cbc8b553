/**
 * Tests read a figure's method where the answer keeps it: `methods[figure.method]`, with the
 * figure's own months and counts beside it (server/contracts/kpi-methods.ts, as the web does).
 */
import { figureMethod } from '../../server/contracts/kpi-methods.ts';
import type { CrimeKpi, SurveyKpi } from '../../server/services/kpi-items.ts';
import { decodeRows } from '../../server/contracts/column-table.ts';
import type { KpiBody, KpiWireBody } from '../../server/services/kpis.ts';

type WithMethod<F, M> = Omit<F, 'method'> & {
  method: M & { L?: number; coveredMonths?: { from: string; to: string }; pooledZones?: number };
};

export function itemsWithMethods(body: Pick<KpiBody, 'methods' | 'items'>) {
  const resolve = <M, F extends { method: string }>(figure: F): WithMethod<F, M> => {
    const method = figureMethod(body.methods, figure);
    if (!method) throw new Error(`no method '${figure.method}' in the answer`);
    return { ...figure, method } as unknown as WithMethod<F, M>;
  };
  return body.items.map((item) => ({
    ...item,
    fear: resolve<SurveyKpi['method'], typeof item.fear>(item.fear),
    trust: resolve<SurveyKpi['method'], typeof item.trust>(item.trust),
    crime: resolve<CrimeKpi['method'], typeof item.crime>(item.crime),
  }));
}

/** An /api/kpis answer read as a client would: items decoded from columns, methods beside each figure. */
export async function kpiAnswer(response: Response) {
  const wire = (await response.json()) as KpiWireBody;
  const body = { ...wire, items: decodeRows(wire.items) };
  return { ...body, items: itemsWithMethods(body) };
}
