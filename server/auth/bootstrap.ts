import type { Database } from '../db/database.ts';
import {
  bureauCodesByAbbreviation,
  divisionCodesOfProvince,
  stationCodesByThaiName,
  zoneIdsOfMunicipality,
} from '../queries/hierarchy-lookup.ts';
import { countUsers, findUser } from '../queries/users.ts';
import { createUser } from './accounts.ts';
import { audit } from './audit.ts';
import { generatePassword } from './passwords.ts';
import type { Role, Scope } from './principal.ts';
import { DEFAULT_AUTH_SETTINGS } from './settings.ts';

export interface AdminConfig {
  /** SSZ_ADMIN_USER, default 'admin'. */
  adminUser: string;
  /** SSZ_ADMIN_PASSWORD; when absent a password is generated and printed once. */
  adminPassword?: string | undefined;
}

export type EnsureAdminResult =
  | { created: false }
  | { created: true; username: string; generatedPassword: string | null };

/**
 * First start: when there are no users at all, create the administrator. Its password comes from
 * SSZ_ADMIN_PASSWORD, or is generated, printed once in a box on the console, and must be changed
 * at first sign-in. Does nothing once any user exists (so it never resets a password).
 */
export async function ensureAdmin(
  db: Database,
  config: AdminConfig,
  log: (message: string) => void = console.log,
): Promise<EnsureAdminResult> {
  if ((await countUsers(db)) > 0) return { created: false };
  const username = config.adminUser.trim().toLowerCase() || 'admin';
  const given = config.adminPassword;
  if (given !== undefined && given.length < 10) {
    throw new Error('SSZ_ADMIN_PASSWORD must be at least 10 characters long');
  }
  const password = given ?? generatePassword();
  const result = await createUser(
    db,
    DEFAULT_AUTH_SETTINGS,
    {
      username,
      displayName: 'ผู้ดูแลระบบ (Administrator)',
      role: 'admin',
      scope: { kind: 'national' },
      password,
      mustChangePassword: given === undefined,
    },
    'system',
  );
  if (!result.ok) throw new Error(`could not create the administrator: ${result.code}`);
  await audit(db, {
    username: 'system',
    action: 'user_create',
    target: username,
    detail: { role: 'admin', firstStart: true },
  });
  if (given === undefined)
    log(
      box([
        'Smart Safety Zone 4.0 - first start',
        '',
        `Administrator created:  ${username}`,
        `Password:               ${password}`,
        '',
        'This password is shown only once. Sign in and change it now.',
        '(Set SSZ_ADMIN_PASSWORD before the first start to choose it yourself.)',
      ]),
    );
  else log(`Administrator "${username}" created with the password from SSZ_ADMIN_PASSWORD.`);
  return { created: true, username, generatedPassword: given === undefined ? password : null };
}

function box(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const edge = '─'.repeat(width + 2);
  return [`┌${edge}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${edge}┘`].join('\n');
}

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  scope: Scope;
  /** What this user sees, for the README. */
  sees: string;
}

/**
 * One demo user per non-admin role, so a newcomer can sign in as each and see what it sees.
 * Call after the demo data is loaded (scopes point at its stations and zones). Idempotent:
 * existing usernames are left alone. Returns the users created or already present; a user whose
 * scope cannot be found in the data is skipped and listed in `skipped`.
 */
export async function createDemoUsers(db: Database): Promise<{ users: DemoUser[]; skipped: string[] }> {
  const [hatYai, municipalityZones, songkhla, region9] = await Promise.all([
    stationCodesByThaiName(db, 'สภ.หาดใหญ่'),
    zoneIdsOfMunicipality(db, 'เทศบาลนครหาดใหญ่'),
    divisionCodesOfProvince(db, 'สงขลา'),
    bureauCodesByAbbreviation(db, 'ภ.9'),
  ]);

  const executiveScope: Scope | null =
    municipalityZones.length > 0
      ? { kind: 'zones', ids: municipalityZones }
      : songkhla.length > 0
        ? { kind: 'division', codes: songkhla }
        : null;

  const wanted: Array<Omit<DemoUser, 'password' | 'scope'> & { scope: Scope | null }> = [
    {
      username: 'demo-analyst',
      role: 'analyst',
      displayName: 'นักวิเคราะห์ (ตัวอย่าง)',
      scope: { kind: 'national' },
      sees: 'every zone in the country; imports, undoes, edits settings, exports; exact incident locations',
    },
    {
      username: 'demo-commander',
      role: 'commander',
      displayName: 'ผู้กำกับ สภ.หาดใหญ่ (ตัวอย่าง)',
      scope: hatYai.length > 0 ? { kind: 'station', codes: hatYai } : null,
      sees: 'the zones of สภ.หาดใหญ่; imports and undoes for that station; exact locations there',
    },
    {
      username: 'demo-executive',
      role: 'executive',
      displayName: 'ผู้บริหารท้องถิ่น หาดใหญ่ (ตัวอย่าง)',
      scope: executiveScope,
      sees:
        municipalityZones.length > 0
          ? 'the zones of เทศบาลนครหาดใหญ่; view and export; incident points snapped to 100 m'
          : 'the zones of Songkhla province (ภ.จว.สงขลา); view and export; incident points snapped to 100 m',
    },
    {
      username: 'demo-viewer',
      role: 'viewer',
      displayName: 'ผู้ชม ภ.9 (ตัวอย่าง)',
      scope: region9.length > 0 ? { kind: 'bureau', codes: region9 } : null,
      sees: 'the zones of Provincial Police Region 9 (ภ.9); read-only, no export; points snapped to 100 m',
    },
  ];

  const users: DemoUser[] = [];
  const skipped: string[] = [];
  for (const w of wanted) {
    const { scope } = w;
    if (scope === null) {
      skipped.push(w.username);
      continue;
    }
    const user: DemoUser = { ...w, scope, password: demoPassword(w.role) };
    if (!(await findUser(db, user.username))) {
      const result = await createUser(db, DEFAULT_AUTH_SETTINGS, user, 'system');
      if (!result.ok) {
        skipped.push(user.username);
        continue;
      }
      await audit(db, {
        username: 'system',
        action: 'user_create',
        target: user.username,
        detail: { role: user.role, demo: true },
      });
    }
    users.push(user);
  }
  return { users, skipped };
}

/** Demo passwords are public (README): `demo-<role>-2567`. Never load demo users in production. */
export const demoPassword = (role: Role): string => `demo-${role}-2567`;
