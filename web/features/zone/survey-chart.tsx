/**
 * One survey item across waves (SVG, recharts): estimate dots joined by a line, 95% Wilson
 * intervals as error bars, the target as a dashed line, and a grey band on the wave(s) the
 * selected period's KPI uses. Every wave is labelled (up to 16; slanted when they do not fit).
 * Opt-in waves are listed apart, labelled as not a probability sample, never drawn on the same
 * axis as if comparable.
 */
import { useRef, useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Bar,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ZoneSurvey } from '../../api/types.ts';
import { formatDate, formatInterval, formatNumber, formatPercent, formatWave } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { axisFontSize, useRootFontPx } from './chart-font.ts';
import { ChartMenu } from './chart-menu.tsx';
import { type SurveyItem, type SurveyPoint, toSurveyChart, waveAxis, waveTickLabel } from './to-survey-chart.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

const ITEM_COLOR: Record<SurveyItem, string> = {
  fear: '#a3330f',
  trust: '#0b4f8a',
};
const INTERVAL_COLOR: Record<SurveyItem, string> = {
  fear: '#d9825f',
  trust: '#6f9fd3',
};

const USED_FILL = '#e4e4e4';

export function SurveyChart({
  survey,
  item,
  usedWaves = [],
}: {
  survey: ZoneSurvey;
  item: SurveyItem;
  /** The waves the selected period's KPI stands on (the KPI item's `waves`). */
  usedWaves?: readonly string[];
}) {
  const { lang, t } = useT();
  const figure = useRef<HTMLElement>(null);
  const fontPx = axisFontSize(useRootFontPx());
  const [width, setWidth] = useState(0);
  const chart = toSurveyChart(survey, item, usedWaves);
  const title = t(item === 'fear' ? 'kpi.fear' : 'kpi.trust');
  const tick = (wave: string) => {
    const point = chart.points.find((p) => p.wave === wave);
    return point ? waveTickLabel(point, lang, t('chart.beforeStart')) : formatWave(wave, lang, 'short');
  };
  const margin = { top: 24, right: Math.round(fontPx * 6.5), bottom: 8, left: 0 };
  const yAxisWidth = Math.round(fontPx * 3.6);
  const axis = waveAxis(
    chart.points.map((p) => tick(p.wave)),
    width - margin.left - margin.right - yAxisWidth,
    fontPx,
  );
  return (
    <figure className="chart" data-testid={`survey-chart-${item}`} ref={figure}>
      <h3>{title}</h3>
      {chart.points.length > 0 && <ChartMenu figure={figure} zoneId={survey.zoneId} chart={item} />}
      {chart.points.length === 0 ? (
        <p>{t('chart.noWaves')}</p>
      ) : (
        <div className="chart-box" style={{ height: 280 + axis.height }}>
          <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
            <ComposedChart data={chart.points} margin={margin}>
              <CartesianGrid stroke="#d9d9d9" vertical={false} />
              {chart.used && (
                <ReferenceArea
                  x1={chart.used.from}
                  x2={chart.used.to}
                  fill={USED_FILL}
                  fillOpacity={1}
                  ifOverflow="visible"
                  label={{
                    value: t('chart.used'),
                    position: 'insideTop',
                    fill: '#111',
                    fontSize: fontPx,
                    fontWeight: 700,
                  }}
                />
              )}
              <XAxis
                dataKey="wave"
                tickFormatter={tick}
                tick={{ fontSize: fontPx, fill: '#222' }}
                interval={axis.interval}
                angle={axis.angle}
                textAnchor={axis.textAnchor}
                height={axis.height}
              />
              <YAxis
                domain={[0, 100]}
                ticks={[0, 20, 40, 60, 80, 100]}
                unit="%"
                tick={{ fontSize: fontPx, fill: '#222' }}
                width={yAxisWidth}
              />
              <Tooltip
                labelFormatter={(wave) => {
                  const point = chart.points.find((p) => p.wave === wave);
                  const name = formatWave(String(wave), lang);
                  return point
                    ? `${name} · ${formatDate(point.waveDate, lang)} · n = ${formatNumber(point.n, lang)}`
                    : name;
                }}
                formatter={(value) =>
                  Array.isArray(value)
                    ? formatInterval(formatPercent(Number(value[0]), lang), formatPercent(Number(value[1]), lang), lang)
                    : formatPercent(Number(value), lang)
                }
              />
              {chart.target !== null && (
                <ReferenceLine
                  y={chart.target}
                  stroke="#111"
                  strokeWidth={2}
                  strokeDasharray="6 3"
                  label={{
                    value: t('chart.target', {
                      target: formatPercent(chart.target, lang, 0),
                    }),
                    position: 'right',
                    fill: '#111',
                    fontSize: fontPx,
                    fontWeight: 700,
                  }}
                />
              )}
              {/* The interval as a thin floating bar from low to high, the estimate as a dot on it. */}
              <Bar
                dataKey="range"
                name={t('chart.interval')}
                barSize={6}
                fill={INTERVAL_COLOR[item]}
                isAnimationActive={false}
              />
              <Line
                dataKey="value"
                name={t('chart.estimate')}
                stroke={ITEM_COLOR[item]}
                strokeWidth={2}
                dot={{
                  r: 6,
                  fill: ITEM_COLOR[item],
                  stroke: '#fff',
                  strokeWidth: 1.5,
                }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <figcaption>
        {t('chart.surveyNote')}
        {chart.used && (
          <>
            <br />
            <span className="swatch" style={{ background: USED_FILL }} aria-hidden="true" /> {t('chart.usedNote')}
          </>
        )}
      </figcaption>
      <WaveTable points={chart.points} caption={title} />
      {chart.optIn.length > 0 && (
        <aside className="opt-in" aria-label={t('chart.optInTitle')}>
          <p className="opt-in-title">{t('chart.optInTitle')}</p>
          <p className="opt-in-caveat">{t('optIn.caveat')}</p>
          <WaveTable points={chart.optIn} caption={t('optIn.title')} open />
        </aside>
      )}
    </figure>
  );
}

function WaveTable({ points, caption, open = false }: { points: SurveyPoint[]; caption: string; open?: boolean }) {
  const { lang, t } = useT();
  if (points.length === 0) return null;
  const table = (
    <TableScroll>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.wave')}</th>
            <th scope="col">{t('chart.date')}</th>
            <th scope="col">{t('chart.estimate')}</th>
            <th scope="col">{t('chart.interval')}</th>
            <th scope="col">n</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.wave}-${p.waveDate}`}>
              <th scope="row">
                {formatWave(p.wave, lang)}
                {p.used && <span className="tag">{t('chart.used')}</span>}
              </th>
              <td>{formatDate(p.waveDate, lang)}</td>
              <td>{formatPercent(p.value, lang)}</td>
              <td>{formatInterval(formatPercent(p.low, lang), formatPercent(p.high, lang), lang)}</td>
              <td>{formatNumber(p.n, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  if (open) return table;
  return (
    <details className="chart-table">
      <summary>{t('chart.table')}</summary>
      {table}
    </details>
  );
}
