/**
 * Monthly cases by offence group (SVG, recharts): counted groups stacked, state-as-victim drawn
 * apart as a dashed line (it counts arrests, not crime), the after window and baseline months
 * shaded, the start month marked. A table of the same numbers sits under it for screen readers.
 */
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ZoneCounterfactual, ZoneSeries } from '../../api/types.ts';
import { formatMonth, formatMonthTick, formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { useRef } from 'react';
import { axisFontSize, useFontPxOf, useRootFontPx } from './chart-font.ts';
import { ChartMenu } from './chart-menu.tsx';
import { COUNTERFACTUAL_KEY, groupKey, toCrimeChart } from './to-crime-chart.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Colour-blind-safe (Okabe-Ito) and distinct in greyscale by lightness. */
const GROUP_COLORS: Record<string, string> = {
  '1': '#0b4f8a',
  '2': '#e69f00',
  '3': '#56b4e9',
  '4': '#6b6b6b',
};
const AFTER_FILL = '#cfe3f7';
const BASELINE_FILL = '#f3dcc2';
/** On a washed-out projector the page's pale shading vanishes: slides use deeper tints. */
const SLIDE_AFTER_FILL = '#9ec5ee';
const SLIDE_BASELINE_FILL = '#eab47a';
const COUNTERFACTUAL_STROKE = '#b3126f';

export function CrimeChart({
  series,
  counterfactual = null,
  variant = 'page',
}: {
  series: ZoneSeries;
  /** The synthetic control, drawn as a dashed line of counted cases. */
  counterfactual?: ZoneCounterfactual | null;
  /** 'slide': fills its box, text at the slide's size, deeper tints, no note or table under it. */
  variant?: 'page' | 'slide';
}) {
  const { lang, t } = useT();
  const figure = useRef<HTMLElement>(null);
  const slide = variant === 'slide';
  const rootPx = useRootFontPx();
  const slidePx = useFontPxOf(figure);
  const fontPx = slide ? slidePx : axisFontSize(rootPx);
  const afterFill = slide ? SLIDE_AFTER_FILL : AFTER_FILL;
  const baselineFill = slide ? SLIDE_BASELINE_FILL : BASELINE_FILL;
  const chart = toCrimeChart(series, counterfactual);
  const groupName = (group: string) => t(`group.${group}` as MessageKey);
  if (chart.rows.length === 0) return <p>{t('chart.noMonths')}</p>;
  return (
    <figure className={slide ? 'chart chart-slide' : 'chart'} data-testid="crime-chart" ref={figure}>
      {!slide && <ChartMenu figure={figure} zoneId={series.zoneId} chart="crime" />}
      <div className="chart-box" style={slide ? undefined : { height: 380 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={chart.rows}
            margin={{ top: slide ? Math.round(fontPx * 1.6) : 28, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke="#d9d9d9" vertical={false} />
            {chart.baselineRuns.map((run) => (
              <ReferenceArea
                key={`b${run.from}`}
                x1={run.from}
                x2={run.to}
                fill={baselineFill}
                fillOpacity={1}
                ifOverflow="visible"
              />
            ))}
            {chart.afterRuns.map((run) => (
              <ReferenceArea
                key={`a${run.from}`}
                x1={run.from}
                x2={run.to}
                fill={afterFill}
                fillOpacity={1}
                ifOverflow="visible"
              />
            ))}
            <XAxis
              dataKey="month"
              tickFormatter={(month: string) => formatMonthTick(month, lang)}
              tick={{ fontSize: fontPx, fill: '#222' }}
              minTickGap={12}
              height={Math.ceil(fontPx * 2)}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: fontPx, fill: slide ? '#000' : '#222' }}
              width={Math.round(fontPx * 3.2)}
            />
            <Tooltip
              labelFormatter={(month) => formatMonth(String(month), lang, 'long')}
              formatter={(value) => `${formatNumber(Number(value), lang)} ${t('chart.cases')}`}
            />
            <Legend wrapperStyle={{ fontSize: fontPx }} />
            {chart.countedGroups.map((group) => (
              <Bar
                key={group}
                dataKey={groupKey(group)}
                name={groupName(group)}
                stackId="counted"
                fill={GROUP_COLORS[group] ?? '#444'}
                isAnimationActive={false}
              />
            ))}
            {chart.otherGroups.map((group) => (
              <Line
                key={group}
                dataKey={groupKey(group)}
                name={`${groupName(group)} ${t('chart.notCounted')}`}
                stroke={GROUP_COLORS[group] ?? '#444'}
                strokeDasharray="5 4"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {chart.hasCounterfactual && (
              <Line
                dataKey={COUNTERFACTUAL_KEY}
                name={t('chart.counterfactual')}
                stroke={COUNTERFACTUAL_STROKE}
                strokeDasharray="8 5"
                strokeWidth={2.5}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            )}
            {chart.startMonth && (
              <ReferenceLine
                x={chart.startMonth}
                stroke="#111"
                strokeWidth={2}
                strokeDasharray="6 3"
                label={{
                  value: t('chart.start'),
                  position: 'top',
                  fill: '#111',
                  fontSize: fontPx,
                  fontWeight: 700,
                }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <span className="swatch" style={{ background: afterFill }} aria-hidden="true" /> {t('chart.after')}{' '}
        <span className="swatch" style={{ background: baselineFill }} aria-hidden="true" /> {t('chart.baseline')}{' '}
        <span className="swatch-line" aria-hidden="true" /> {t('chart.start')}
        {chart.hasCounterfactual && (
          <>
            {' '}
            <span className="swatch-line" style={{ borderTopColor: COUNTERFACTUAL_STROKE }} aria-hidden="true" />{' '}
            {t('chart.counterfactual')}
          </>
        )}
        {!slide && (
          <>
            <br />
            {t('chart.crimeNote')}
          </>
        )}
      </figcaption>
      {!slide && (
        <CrimeTable rows={chart.rows} groups={[...chart.countedGroups, ...chart.otherGroups]} groupName={groupName} />
      )}
    </figure>
  );
}

function CrimeTable({
  rows,
  groups,
  groupName,
}: {
  rows: ReturnType<typeof toCrimeChart>['rows'];
  groups: string[];
  groupName: (group: string) => string;
}) {
  const { lang, t } = useT();
  const roleText = {
    after: t('chart.after'),
    baseline: t('chart.baseline'),
    before: '',
    outside: '',
  } as const;
  return (
    <details className="chart-table">
      <summary>{t('chart.table')}</summary>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('chart.month')}</th>
              {groups.map((g) => (
                <th key={g} scope="col">
                  {groupName(g)}
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{formatMonth(row.month, lang)}</th>
                {groups.map((g) => (
                  <td key={g}>{formatNumber(Number(row[groupKey(g)]), lang)}</td>
                ))}
                <td>{roleText[row.monthRole]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
