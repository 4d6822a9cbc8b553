/**
 * KPI settings (permission 'settings'): the programme's rules and each zone's own targets and
 * comparison. A save takes effect at once: the KPI queries are invalidated, so the overview and
 * zone pages show the new figures.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { settingsQuery, zonesQuery } from '../../api/queries.ts';
import type { KpiSettings, Me, ZoneSummary } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ZoneLink } from '../../components/zone-link.tsx';
import { useT } from '../../i18n/use-t.tsx';
import { pickName } from '../overview/to-zone-rows.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { overriddenZones } from './settings-form.ts';
import { ZoneSettingsForm } from './zone-settings.tsx';

export default function SettingsPage({ me }: { me: Me }) {
  const { lang, t } = useT();
  const settings = useQuery(settingsQuery());
  const zones = useQuery(zonesQuery());
  const [zoneId, setZoneId] = useState('');
  const zoneItems = zones.data?.items ?? [];
  const byStation = useMemo(() => groupByStation(zoneItems, lang), [zoneItems, lang]);
  const zone = zoneItems.find((z) => z.id === zoneId);

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p className="lead">{t('settings.intro')}</p>
      <QueryState query={settings}>
        {(data) => (
          <>
            <section aria-labelledby="programme-title" className="panel">
              <h2 id="programme-title">{t('settings.programme')}</h2>
              <ProgrammeForm
                programme={data.programme}
                defaults={data.defaults}
                canEdit={me.scope.kind === 'national'}
              />
            </section>

            <CodebookZones items={data.codebooks} zones={zoneItems} overridden={data.programme.overrideCodebooks} />

            <section aria-labelledby="zone-settings-title" className="panel">
              <h2 id="zone-settings-title">{t('settings.zones')}</h2>
              <p className="hint">{t('settings.zonesIntro')}</p>
              <label className="field zone-choice">
                {t('settings.chooseZone')}
                <select value={zoneId} onChange={(e) => setZoneId(e.target.value)} data-testid="settings-zone">
                  <option value="">{t('settings.chooseZonePrompt')}</option>
                  {byStation.map((group) => (
                    <optgroup key={group.station} label={group.label}>
                      {group.zones.map((z) => (
                        <option key={z.id} value={z.id}>
                          {pickName(z, lang)}
                          {data.zones[z.id] ? ` ★ ${t('settings.hasOwn')}` : ''}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </label>
              {zone && (
                <>
                  <h3>
                    {pickName(zone, lang)}{' '}
                    <span className="cell-sub inline">
                      <ZoneLink zoneId={zone.id}>{t('settings.openZone')}</ZoneLink>
                    </span>
                  </h3>
                  <ZoneSettingsForm
                    key={zone.id}
                    zone={zone}
                    zones={zoneItems}
                    overrides={data.zones[zone.id]}
                    programme={data.programme}
                  />
                </>
              )}
              <OverriddenList items={overriddenZones(data)} zones={zoneItems} onChoose={(id) => setZoneId(id)} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

function groupByStation(zones: readonly ZoneSummary[], lang: 'th' | 'en') {
  const groups = new Map<string, { station: string; label: string; zones: ZoneSummary[] }>();
  for (const z of zones) {
    let group = groups.get(z.stationCode);
    if (!group) {
      group = {
        station: z.stationCode,
        label: `${pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang)} · ${pickName({ nameTh: z.provinceNameTh, nameEn: z.provinceNameEn }, lang)}`,
        zones: [],
      };
      groups.set(z.stationCode, group);
    }
    group.zones.push(z);
  }
  return [...groups.values()];
}

function OverriddenList({
  items,
  zones,
  onChoose,
}: {
  items: ReturnType<typeof overriddenZones>;
  zones: readonly ZoneSummary[];
  onChoose: (zoneId: string) => void;
}) {
  const { lang, t } = useT();
  const names = new Map(zones.map((z) => [z.id, pickName(z, lang)]));
  return (
    <div className="overridden">
      <h3>{t('settings.overridden')}</h3>
      {items.length === 0 ? (
        <p>{t('settings.noOverrides')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => onChoose(item.id)}>
                {names.get(item.id) ?? item.id}
              </button>{' '}
              <span className="cell-sub inline">{item.fields.map((f) => t(`settings.${f}`)).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * kpi.md "Whose rule wins": the zones whose answers are counted by their survey's own codebook,
 * with the rule each declares; the programme's "override codebooks" setting above replaces them.
 */
function CodebookZones({
  items,
  zones,
  overridden,
}: {
  items: KpiSettings['codebooks'];
  zones: readonly ZoneSummary[];
  overridden: boolean;
}) {
  const { lang, t } = useT();
  const names = new Map(zones.map((z) => [z.id, pickName(z, lang)]));
  const denominatorWords = { valid: t('settings.denominator.valid'), all: t('settings.denominator.all') };
  return (
    <section aria-labelledby="codebook-zones-title" className="panel" data-testid="codebook-zones">
      <h2 id="codebook-zones-title">{t('settings.codebookZones')}</h2>
      {items.length === 0 ? (
        <p>{t('settings.codebookZones.none')}</p>
      ) : (
        <>
          {overridden && <p className="note">{t('settings.codebookZones.overridden')}</p>}
          <ul>
            {items.map((zone) => (
              <li key={zone.zoneId}>
                <ZoneLink zoneId={zone.zoneId}>{names.get(zone.zoneId) ?? zone.zoneId}</ZoneLink>
                {zone.codebooks.map((codebook) => {
                  const rules = [
                    codebook.fear && t('settings.codebookZones.fear', { levels: codebook.fear.join(', ') }),
                    codebook.trust && t('settings.codebookZones.trust', { levels: codebook.trust.join(', ') }),
                    codebook.denominator &&
                      t('settings.codebookZones.denominator', { value: denominatorWords[codebook.denominator] }),
                  ].filter(Boolean);
                  return (
                    <span key={codebook.name} className="cell-sub">
                      {t('settings.codebookZones.rule', {
                        name: codebook.name,
                        rules: rules.join(' · '),
                        n: codebook.respondents,
                      })}
                    </span>
                  );
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
