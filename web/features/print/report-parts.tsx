/** Parts every printed report ends with: its caveats, and how each of its figures was computed. */
import { useT } from '../../i18n/use-t.tsx';
import type { KpiFigure } from '../kpi/to-kpi-figures.ts';
import { printWords } from './print-words.ts';
import { appendix, caveats } from './to-report-facts.ts';

export function Caveats({
  figures,
  partial,
}: {
  figures: readonly KpiFigure[];
  partial: { k: number; n: number } | null;
}) {
  const { lang } = useT();
  const w = printWords(lang);
  return (
    <section className="print-block" aria-label={w('report.caveats')}>
      <h2>{w('report.caveats')}</h2>
      <ul className="print-caveats">
        {caveats(figures, w, partial).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The method objects the API returned with the figures, in words, two columns. */
export function MethodAppendix({ figures }: { figures: readonly KpiFigure[] }) {
  const { lang, t } = useT();
  const w = printWords(lang);
  if (figures.length === 0) return null;
  return (
    <section className="print-appendix" aria-label={w('report.appendix')}>
      <h2>{w('report.appendix')}</h2>
      <p className="print-note">{w('report.appendixNote')}</p>
      <div className="print-methods">
        {appendix(figures, lang).map((entry) => (
          <div key={entry.key} className="print-method">
            <h3>{t(`kpi.${entry.key}`)}</h3>
            <table className="print-method-table">
              <tbody>
                {entry.lines.map((line) => (
                  <tr key={line.key}>
                    <th scope="row">{line.label}</th>
                    <td>{line.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}
