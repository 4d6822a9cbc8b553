import type { Principal, Role } from './principal.ts';

export const ACTIONS = [
  'view',
  'export',
  'import',
  'undo',
  'settings',
  'admin',
  'view_exact_locations',
  'edit_problems',
  'moderate_survey',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * THE role x action matrix. Every permission check in the server reads this one table.
 * Scope is a separate, second filter: a role's action applies only to zones / stations in its scope
 * (out-of-scope ids answer 404 - see middleware.ts).
 *
 * | action               | admin | analyst | commander | executive | viewer |
 * |----------------------|-------|---------|-----------|-----------|--------|
 * | view                 |  yes  |   yes   |    yes    |    yes    |  yes   |
 * | export (PDF, xlsx)   |  yes  |   yes   |    yes    |    yes    |  no    |
 * | import               |  yes  |   yes   |    yes    |    no     |  no    |
 * | undo (an import)     |  yes  |   yes   |    yes    |    no     |  no    |
 * | settings             |  yes  |   yes   |    no     |    no     |  no    |
 * | admin (users, tokens,|  yes  |   no    |    no     |    no     |  no    |
 * |   audit log)         |       |         |           |           |        |
 * | view_exact_locations |  yes  |  yes*   |   yes*    |    no     |  no    |
 * | edit_problems        |  yes  |  yes**  |   yes**   |    no     |  no    |
 * | moderate_survey      |  yes  |   yes   |    no     |    no     |  no    |
 *
 * view: read dashboards, KPIs, series, survey, incidents, reports - only for zones in scope.
 * export: take data away (files); viewers are on-screen only. Every export is audited.
 * import / undo: commander only for own station(s) - assertStationInScope.
 * settings: analyst within scope - zone overrides for in-scope zones; programme-wide defaults need
 *   national scope (canEditProgrammeSettings).
 * view_exact_locations (*): exact incident points only for stations in the principal's scope
 *   (see location.ts snapPoint); everyone else sees points snapped to a 100 m grid.
 * edit_problems (**): record and change Stronger Together problems of the user's own station
 *   (station scope) or, with national scope, of any station; division and bureau scopes read the
 *   problems that rose to them (contracts/problems.ts, services/problems.ts mayEditProblemsOf).
 * moderate_survey: see the resident form's bursts by zone and hour and void or release them
 *   (zones in scope); analysts curate the data, commanders do not judge their own zone's answers.
 */
export const PERMISSIONS = {
  view: { admin: true, analyst: true, commander: true, executive: true, viewer: true },
  export: { admin: true, analyst: true, commander: true, executive: true, viewer: false },
  import: { admin: true, analyst: true, commander: true, executive: false, viewer: false },
  undo: { admin: true, analyst: true, commander: true, executive: false, viewer: false },
  settings: { admin: true, analyst: true, commander: false, executive: false, viewer: false },
  admin: { admin: true, analyst: false, commander: false, executive: false, viewer: false },
  view_exact_locations: { admin: true, analyst: true, commander: true, executive: false, viewer: false },
  edit_problems: { admin: true, analyst: true, commander: true, executive: false, viewer: false },
  moderate_survey: { admin: true, analyst: true, commander: false, executive: false, viewer: false },
} as const satisfies Record<Action, Record<Role, boolean>>;

export function can(principal: Pick<Principal, 'role'>, action: Action): boolean {
  return PERMISSIONS[action][principal.role];
}

/** Every action the principal's role allows, for /api/auth/me (the SPA hides what it cannot do). */
export function permissionsOf(principal: Pick<Principal, 'role'>): Action[] {
  return ACTIONS.filter((a) => can(principal, a));
}

/** Programme-wide settings change every zone's KPIs, so they need national scope as well. */
export function canEditProgrammeSettings(principal: Principal): boolean {
  return can(principal, 'settings') && principal.scope.kind === 'national';
}
