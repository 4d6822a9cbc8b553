import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every environment variable the server reads, with its default. Listed in the README too. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '0.0.0.0',
    dbPath: env.SSZ_DB ?? `${repoRoot}data/ssz.duckdb`,
    demo: env.SSZ_DEMO !== '0',
    adminUser: env.SSZ_ADMIN_USER ?? 'admin',
    adminPassword: env.SSZ_ADMIN_PASSWORD,
    secureCookies: env.SSZ_SECURE_COOKIES === '1',
    /** Behind a reverse proxy: take the client address and host from X-Forwarded-* headers. */
    trustProxy: env.SSZ_TRUST_PROXY === '1',
    maxUploadBytes: Number(env.SSZ_MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
    /** Daily backups into this folder (unset: none), keeping the newest backupKeep. */
    backupDir: env.SSZ_BACKUP_DIR === undefined || env.SSZ_BACKUP_DIR === '' ? null : env.SSZ_BACKUP_DIR,
    backupKeep: Math.max(1, Math.floor(Number(env.SSZ_BACKUP_KEEP ?? 7)) || 7),
    /** The Chromium that makes PDF reports (server/reports/printer.ts). */
    chromiumPath: env.SSZ_CHROMIUM === undefined || env.SSZ_CHROMIUM === '' ? '/usr/bin/chromium' : env.SSZ_CHROMIUM,
    /**
     * A deployment's own basemap tiles: SSZ_BASEMAP_TILES (XYZ template or pmtiles://<url>),
     * SSZ_BASEMAP_PMTILES (a file the app serves) and SSZ_BASEMAP_ATTRIBUTION, read and checked by
     * server/contracts/basemap.ts readOwnBasemap (main.ts); unset: the offline maps.
     */
    basemapFile: env.SSZ_BASEMAP_PMTILES?.trim() || null,
    /** The address residents reach the form at (posters' QR codes): SSZ_PUBLIC_URL, else this server's own. */
    publicUrl: (env.SSZ_PUBLIC_URL ?? '').replace(/\/+$/, '') || `http://localhost:${Number(env.PORT ?? 8787)}`,
    /** The form's token key (SSZ_SURVEY_SECRET); unset: one made on first use and kept in the database. */
    surveySecret: env.SSZ_SURVEY_SECRET === '' ? undefined : env.SSZ_SURVEY_SECRET,
    /** Form answers are counted into the figures in batches at most this often (a national overview is recomputed per batch). */
    surveyCountEveryMs: Math.max(0, Number(env.SSZ_SURVEY_COUNT_SECONDS ?? 30)) * 1000,
  };
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}
