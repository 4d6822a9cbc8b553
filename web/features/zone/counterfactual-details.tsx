/**
 * Under the crime chart: the synthetic control's donors and weights on demand, its pre-start fit
 * and its method (kpi.md "Synthetic control").
 */
import { MethodDetails } from '../../components/method-details.tsx';
import { useT } from '../../i18n/use-t.tsx';
import type { CounterfactualView } from './to-counterfactual.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

export function CounterfactualDetails({ view }: { view: CounterfactualView }) {
  const { t } = useT();
  return (
    <div className="counterfactual" data-testid="counterfactual">
      <p>{view.line}</p>
      {view.fit && <p className="cell-sub">{view.fit}</p>}
      {view.donors.length > 0 && (
        <details className="chart-table">
          <summary>{t('cf.donors')}</summary>
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cf.station')}</th>
                  <th scope="col">{t('cf.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {view.donors.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>{d.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
      <MethodDetails method={view.method} />
    </div>
  );
}
