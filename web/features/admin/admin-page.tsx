/**
 * Administration (permission 'admin'): users, API tokens, the audit log. Loaded lazily; the
 * server refuses every /api/admin call to anyone else anyway.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adminUsersQuery, zonesQuery } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.tsx';
import { AuditPanel } from './audit-panel.tsx';
import { TokensPanel } from './tokens-panel.tsx';
import { UsersPanel } from './users-panel.tsx';

const TABS = ['users', 'tokens', 'audit'] as const;
type Tab = (typeof TABS)[number];

export default function AdminPage({ me }: { me: Me }) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('users');
  const zones = useQuery(zonesQuery());
  const users = useQuery(adminUsersQuery());
  const zoneItems = zones.data?.items ?? [];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <fieldset className="segmented tabs" aria-label={t('admin.sections')}>
        {TABS.map((name) => (
          <label key={name} className={name === tab ? 'is-active' : undefined}>
            <input type="radio" name="admin-tab" value={name} checked={name === tab} onChange={() => setTab(name)} />
            {t(`admin.${name}`)}
          </label>
        ))}
      </fieldset>
      {tab === 'users' && <UsersPanel me={me} zones={zoneItems} />}
      {tab === 'tokens' && <TokensPanel zones={zoneItems} />}
      {tab === 'audit' && <AuditPanel users={users.data?.users ?? []} zones={zoneItems} />}
    </>
  );
}
