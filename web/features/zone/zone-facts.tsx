import type { ZoneDetail } from '../../api/types.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { pickName } from '../overview/to-zone-rows.ts';

/** Station, start date (BE in Thai), population, area, local government. */
export function ZoneFacts({ zone }: { zone: ZoneDetail['zone'] }) {
  const { lang, t } = useT();
  const station = pickName({ nameTh: zone.stationNameTh, nameEn: zone.stationNameEn }, lang);
  const province = pickName({ nameTh: zone.provinceNameTh, nameEn: zone.provinceNameEn }, lang);
  return (
    <dl className="facts">
      <div>
        <dt>{t('zone.station')}</dt>
        <dd>
          {station}
          <span className="zone-sub">{province}</span>
        </dd>
      </div>
      <div>
        <dt>{t('zone.start')}</dt>
        <dd data-testid="zone-start">{formatDate(zone.startDate, lang, 'long')}</dd>
      </div>
      <div>
        <dt>{t('zone.population')}</dt>
        <dd>{formatNumber(zone.population, lang)}</dd>
      </div>
      <div>
        <dt>{t('zone.area')}</dt>
        <dd>
          {zone.areaKm2 === null
            ? '–'
            : t('zone.areaValue', {
                area: formatNumber(zone.areaKm2, lang, 2),
              })}
        </dd>
      </div>
      {zone.municipality && (
        <div>
          <dt>{t('zone.municipality')}</dt>
          <dd>{zone.municipality}</dd>
        </div>
      )}
    </dl>
  );
}
