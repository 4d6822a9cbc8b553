/**
 * The zone page's explanation: the crime panel beside the chart (zone, comparison area and buffer
 * ring side by side, the relative effect, the WDQ in words, a small map of the three areas), the
 * answer distribution of the latest and baseline waves, and the caveats block. Words and numbers
 * come ready from to-explanation.ts.
 */
import type { TrafficLight, ZoneExplanation } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { LIGHT_COLORS } from '../map/map-style.ts';
import { bufferRingFeature } from '../map/to-incident-layer.ts';
import { ZoneAreasSvgMap } from '../print/svg-map.tsx';
import type { Geometry } from '../print/to-svg-map.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { toCaveatLines, toCrimePanel, toDistribution } from './to-explanation.ts';

/** The comparison area's outlines: chosen control zones, or the hull of the station's incidents. */
export function comparisonOutlines(explanation: ZoneExplanation): Geometry[] {
  const area = explanation.comparisonArea;
  if (area.kind === 'control_zones') return area.zones.map((zone) => zone.geometry);
  return area.hull ? [area.hull] : [];
}

export function CrimeExplanationPanel({
  explanation,
  outline,
  light,
}: {
  explanation: ZoneExplanation;
  outline: Geometry | null;
  light: TrafficLight;
}) {
  const { lang, t } = useT();
  const view = toCrimePanel(explanation, lang, t);
  const bufferMeters = explanation.crime.bufferMeters;
  const comparison = comparisonOutlines(explanation);
  const station = lang === 'en' ? explanation.stationNameEn : explanation.stationNameTh;
  return (
    <section className="explain-crime" aria-labelledby="explain-crime-title" data-testid="crime-explanation">
      <h3 id="explain-crime-title">{t('explain.title')}</h3>
      {view.problem ? (
        <p>{view.problem}</p>
      ) : (
        <>
          {view.windows && <p className="hint">{view.windows}</p>}
          <table className="data-table explain-table">
            <caption className="visually-hidden">{t('explain.counts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('explain.col.area')}</th>
                <th scope="col" className="num">
                  {t('explain.col.baseline')}
                </th>
                <th scope="col" className="num">
                  {t('explain.col.after')}
                </th>
                <th scope="col" className="num">
                  {t('explain.col.rr')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.area} data-area={row.area}>
                  <th scope="row">
                    {row.name}
                    {row.detail && <span className="zone-sub">{row.detail}</span>}
                  </th>
                  <td className="num">{row.baseline}</td>
                  <td className="num">{row.after}</td>
                  <td className="num">
                    <strong>{row.rateRatio}</strong>
                    <span className="zone-sub">{row.interval}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="explain-lines">
            {view.reading && <li data-testid="explain-reading">{view.reading}</li>}
            <li data-testid="explain-relative">{view.relative ?? t('explain.noComparison')}</li>
            {view.wdq && <li data-testid="explain-wdq">{view.wdq}</li>}
          </ul>
        </>
      )}
      {outline && (
        <figure className="explain-map">
          <ZoneAreasSvgMap
            outline={outline}
            ring={bufferMeters === null ? [] : bufferRingFeature(outline, bufferMeters).features.map((f) => f.geometry)}
            comparison={comparison}
            light={light}
            lang={lang}
            label={t('explain.map')}
            partKey="zone-areas"
          />
          <figcaption>
            <ul className="incident-legend">
              <li>
                <span className="swatch swatch-zone" style={{ background: `${LIGHT_COLORS[light]}8c` }} />
                {t('explain.legendZone')}
              </li>
              {bufferMeters !== null && (
                <li>
                  <span className="swatch swatch-ring" />
                  {t('explain.legendRing', { m: formatNumber(bufferMeters, lang) })}
                </li>
              )}
              <li>
                <span className="swatch swatch-comparison" />
                {comparison.length === 0
                  ? t('explain.noOutline')
                  : explanation.comparisonArea.kind === 'control_zones'
                    ? t('explain.legendControl')
                    : t('explain.legendStation', { station })}
              </li>
            </ul>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

function DistributionTable({ which, explanation }: { which: 'fear' | 'trust'; explanation: ZoneExplanation }) {
  const { lang, t } = useT();
  const view = toDistribution(explanation.distribution[which], lang, t);
  const title = t(which === 'fear' ? 'answer.fear' : 'answer.trust');
  if (view.rows.length === 0) {
    return (
      <div className="answer-item">
        <h3>{title}</h3>
        <p>{t('answer.noWave')}</p>
      </div>
    );
  }
  return (
    <div className="answer-item" data-testid={`answers-${which}`}>
      <h3 id={`answers-${which}-title`}>{title}</h3>
      <TableScroll>
        <table className="data-table answer-table">
          <thead>
            <tr>
              <th scope="col">{t('answer.col.answer')}</th>
              <th scope="col">
                {view.latestTitle ?? t('answer.noWave')}
                {view.latestBasis && <span className="zone-sub">{view.latestBasis}</span>}
              </th>
              <th scope="col">
                {view.baselineTitle ?? t('answer.noWave')}
                {view.baselineBasis && <span className="zone-sub">{view.baselineBasis}</span>}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <span className={row.nonAnswer ? 'non-answer-label' : undefined}>{row.label}</span>
                  {row.counted && (
                    <span className="counted-mark" title={t('answer.counted')}>
                      {' ●'}
                      <span className="visually-hidden"> {t('answer.counted')}</span>
                    </span>
                  )}
                </th>
                {[row.latest, row.baseline].map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two fixed columns
                  <td key={i} className="num answer-cell">
                    {cell ? (
                      <>
                        <span className="answer-text">{cell.text}</span>
                        <span className="answer-bar" style={{ width: `${Math.min(100, cell.percent)}%` }} aria-hidden />
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function AnswerDistribution({ explanation }: { explanation: ZoneExplanation }) {
  const { t } = useT();
  return (
    <section aria-labelledby="answers-title" data-testid="answer-distribution">
      <h2 id="answers-title">{t('answer.title')}</h2>
      <p className="hint">{t('answer.note')}</p>
      <div className="answer-pair">
        <DistributionTable which="fear" explanation={explanation} />
        <DistributionTable which="trust" explanation={explanation} />
      </div>
    </section>
  );
}

export function CaveatsBlock({ explanation }: { explanation: ZoneExplanation }) {
  const { lang, t } = useT();
  return (
    <section className="caveats" aria-labelledby="caveats-title" data-testid="caveats">
      <h2 id="caveats-title">{t('caveat.title')}</h2>
      <ul>
        {toCaveatLines(explanation.caveats, lang, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
