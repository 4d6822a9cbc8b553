/**
 * The zone's synthetic control in words (kpi.md "Synthetic control"): the figure beside the
 * comparison-area effect, the donors and weights, and the method for "how is this computed?".
 * Pure: words come in through `t`.
 */
import type { ZoneCounterfactual } from '../../api/types.ts';
import { formatNumber, formatPercent, formatSignedPercent, type Lang } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export interface CounterfactualView {
  /** The figure's one line: effect and placebo p, or why it judges nothing / is not there. */
  line: string;
  /** The pre-start fit, when there is one. */
  fit: string | null;
  donors: { id: string; name: string; weight: string }[];
  method: Record<string, string | number>;
}

/** The rules the server applies (server/kpi/synthetic-control.ts), named for the method popover. */
const METHOD = {
  rule: 'synthetic_control',
  donorPool: 'station_areas_without_pilot_zone_with_data_every_month',
  fit: 'non_negative_weights_summing_to_one_on_pre_start_months',
  minimumPreMonths: 12,
  scale: 'share_of_pre_start_mean',
  counterfactual: 'weighted_donors_rescaled_to_zone_pre_start_mean',
  effect: 'sum_actual_minus_counterfactual_over_after_window',
  inference: 'placebo_in_space',
  pValue: 'rank_over_donors_plus_one',
  poorFit: 'twice_median_placebo_pre_rmspe',
} as const;

export function toCounterfactualView(cf: ZoneCounterfactual, lang: Lang, t: Translate): CounterfactualView {
  const rmspe = formatNumber(cf.preRmspe, lang, 3);
  const effect = formatSignedPercent(cf.effectPct, lang);
  const line = !cf.available
    ? t('cf.unavailable', { reason: t(`cf.reason.${cf.reason ?? 'no_donors'}` as MessageKey) })
    : cf.reason === 'poor_pre_fit'
      ? t('cf.poorFit', { rmspe, effect })
      : t('cf.figure', {
          effect,
          p: formatNumber(cf.placebo?.p, lang, 3),
          rank: formatNumber(cf.placebo?.rank, lang),
          of: formatNumber(cf.placebo?.of, lang),
        });
  return {
    line,
    fit: cf.available ? t('cf.fit', { rmspe }) : null,
    donors: cf.donors.map((d) => ({ id: d.id, name: d.nameTh || d.id, weight: formatPercent(d.weight * 100, lang) })),
    method: { ...METHOD, ...(cf.placebo ? { donorsInPool: cf.placebo.of - 1 } : {}) },
  };
}
