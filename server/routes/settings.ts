import { Hono } from 'hono';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { apiException } from '../auth/errors.ts';
import { requirePermission } from '../auth/middleware.ts';
import { canEditProgrammeSettings } from '../auth/permissions.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { readSettings } from '../queries/settings.ts';
import { saveProgrammeSettings, saveZoneSettings } from '../services/settings-change.ts';
import { DEFAULT_PROGRAMME_SETTINGS, programmeSettingsSchema, zoneSettingsSchema } from '../settings/kpi-settings.ts';
import { validate } from './validation.ts';
import { visibleZone } from './zone-access.ts';

const zoneParam = z.object({ id: z.string().min(1).max(100) });

/**
 * KPI settings: programme defaults and per-zone overrides (kpi.md "settings"). A change takes
 * effect at once: every KPI request reads them afresh.
 */
export const settingsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      const settings = await readSettings(deps.db);
      const scope = c.get('zoneIds');
      const zones = Object.fromEntries([...settings.zones].filter(([id]) => scope === null || scope.includes(id)));
      return c.json({ programme: settings.programme, defaults: DEFAULT_PROGRAMME_SETTINGS, zones });
    })
    .put('/programme', requirePermission('settings'), validate('json', programmeSettingsSchema), async (c) => {
      if (!canEditProgrammeSettings(c.get('principal'))) throw apiException(403, 'forbidden');
      const value = c.req.valid('json');
      await saveProgrammeSettings(deps.db, value, c.get('principal').username);
      await auditRequest(c, deps, 'settings_update', 'programme', value);
      return c.json({ programme: value });
    })
    .put(
      '/zones/:id',
      requirePermission('settings'),
      validate('param', zoneParam),
      validate('json', zoneSettingsSchema),
      async (c) => {
        const zone = await visibleZone(c, deps.db, c.req.valid('param').id);
        const value = c.req.valid('json');
        // Control zones must be zones the user may see, like the zone itself (404 otherwise).
        for (const controlId of value.controlZones ?? []) await visibleZone(c, deps.db, controlId);
        await saveZoneSettings(deps.db, zone, value, c.get('principal').username);
        await auditRequest(c, deps, 'settings_update', zone.id, value);
        return c.json({ zoneId: zone.id, settings: value });
      },
    )
    .delete('/zones/:id', requirePermission('settings'), validate('param', zoneParam), async (c) => {
      const zone = await visibleZone(c, deps.db, c.req.valid('param').id);
      await saveZoneSettings(deps.db, zone, null, c.get('principal').username);
      await auditRequest(c, deps, 'settings_update', zone.id, { reset: true });
      return c.json({ zoneId: zone.id, settings: {} });
    });
