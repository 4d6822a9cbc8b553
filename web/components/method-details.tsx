import { useT } from '../i18n/use-t.tsx';
import { toMethodLines } from '../features/kpi/to-method-lines.ts';

/**
 * "How is this computed?" next to a figure: the rule names and parameters the API used. A native
 * <details> so it works by keyboard and screen reader without script.
 */
export function MethodDetails({
  method,
  pooled = false,
  warning = null,
}: {
  method: object | undefined;
  pooled?: boolean;
  /** A warning beside the figure's status (e.g. displacement), repeated where the method is read. */
  warning?: string | null;
}) {
  const { lang, t } = useT();
  const lines = toMethodLines(method, lang, { pooled });
  return (
    <details className="method">
      <summary>{t('method.title')}</summary>
      {warning && <p className="method-warning">⚠ {warning}</p>}
      {lines.length === 0 ? (
        <p>{t('method.none')}</p>
      ) : (
        <dl>
          {lines.map((line) => (
            <div key={line.key} className="method-line">
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
