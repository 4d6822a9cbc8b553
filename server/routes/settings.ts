import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { apiException } from '../auth/errors.ts';
import { notFound, requirePermission } from '../auth/middleware.ts';
import { canEditProgrammeSettings } from '../auth/permissions.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { saveProgrammeSettings, saveZoneSettings, settingsInScope } from '../services/settings.ts';
import { visibleZone } from '../services/zones.ts';
import { programmeSettingsSchema, zoneSettingsSchema } from '../settings/kpi-settings.ts';
import { validate } from './validation.ts';

const zoneParam = z.object({ id: z.string().min(1).max(100) });

/** The zone if it exists and is in scope; else the 404 of a missing zone (ids cannot be probed). */
async function zoneOr404(c: Context<AppEnv>, deps: AppDeps, zoneId: string) {
  const zone = await visibleZone(deps.db, c.get('zoneIds'), zoneId);
  if (zone === null) throw notFound();
  return zone;
}

/**
 * KPI settings: programme defaults and per-zone overrides (kpi.md "settings"). A change takes
 * effect at once: every KPI request reads them afresh.
 */
export const settingsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => c.json(await settingsInScope(deps.db, c.get('zoneIds'))))
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
        const zone = await zoneOr404(c, deps, c.req.valid('param').id);
        const value = c.req.valid('json');
        // Control zones must be zones the user may see, like the zone itself (404 otherwise).
        for (const controlId of value.controlZones ?? []) await zoneOr404(c, deps, controlId);
        await saveZoneSettings(deps.db, zone, value, c.get('principal').username);
        await auditRequest(c, deps, 'settings_update', zone.id, value);
        return c.json({ zoneId: zone.id, settings: value });
      },
    )
    .delete('/zones/:id', requirePermission('settings'), validate('param', zoneParam), async (c) => {
      const zone = await zoneOr404(c, deps, c.req.valid('param').id);
      await saveZoneSettings(deps.db, zone, null, c.get('principal').username);
      await auditRequest(c, deps, 'settings_update', zone.id, { reset: true });
      return c.json({ zoneId: zone.id, settings: {} });
    });
