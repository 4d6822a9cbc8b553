import type { KpiStatus, TrafficLight } from '../api/types.ts';
import { useT } from '../i18n/use-t.tsx';
import { LightIcon, StatusIcon } from './icons.tsx';

/** A KPI's status as icon + words (colour is only the third cue). */
export function StatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useT();
  return (
    <span className={`badge status-${status}`} title={t(`status.${status}.hint`)}>
      <StatusIcon status={status} />
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}

/** The overall traffic light: shape, colour name and, where there is room, its rule. */
export function TrafficLightBadge({ light, withRule = false }: { light: TrafficLight; withRule?: boolean }) {
  const { t } = useT();
  return (
    <span className={`light light-${light}`} title={t(`light.${light}.rule`)}>
      <LightIcon light={light} />
      <span className="light-name">{t(`light.${light}`)}</span>
      {withRule && <span className="light-rule">{t(`light.${light}.rule`)}</span>}
    </span>
  );
}
