/**
 * The resident survey's QR posters (issue #20 item 1), printed by the real Chromium and read back
 * as a person and a phone would: poppler's text holds the zone's Thai name, station and privacy
 * line; the page, rasterised, holds a QR code that jsQR decodes to the zone's form address at
 * SSZ_PUBLIC_URL. A station's posters are one page per zone. Pictures in test-results/poster-*.png.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { DEFAULT_CHROMIUM } from '../../../server/reports/printer.ts';
import { createReportDeps } from '../../../server/reports/setup.ts';
import { openDemoApp, signIn } from '../demo-app.ts';

const PUBLIC_URL = 'https://ssz.example.go.th';
const reports = createReportDeps({ chromiumPath: DEFAULT_CHROMIUM, host: '127.0.0.1', port: 9 });
let dir: string;
let app: ReturnType<typeof createApp>;
let close: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssz-posters-'));
  const demo = await openDemoApp();
  close = () => demo.db.close();
  app = createApp({
    db: demo.db,
    version: 'test',
    secureCookies: false,
    maxUploadBytes: 1024 * 1024,
    reports,
    survey: { publicUrl: PUBLIC_URL },
  });
}, 300_000);
afterAll(async () => {
  await reports.printer.close();
  close();
  rmSync(dir, { recursive: true, force: true });
});

/** A PPM (P6) picture as jsQR's RGBA pixels. */
function readPpm(file: string): { data: Uint8ClampedArray; width: number; height: number } {
  const bytes = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`${file} is not a P6 picture`);
  const [whole, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const rgb = bytes.subarray(whole.length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rgb[i * 3] ?? 0;
    data[i * 4 + 1] = rgb[i * 3 + 1] ?? 0;
    data[i * 4 + 2] = rgb[i * 3 + 2] ?? 0;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

/** Every page's text and the address its QR code decodes to. */
function readPosters(pdf: ArrayBuffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(pdf));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  execFileSync('pdftoppm', ['-r', '100', file, join(dir, name)]);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, `${name}-look`)]);
  mkdirSync('test-results', { recursive: true });
  const look = readdirSync(dir).find((f) => f.startsWith(`${name}-look`) && f.endsWith('.png'));
  if (look) copyFileSync(join(dir, look), join('test-results', `poster-${name}.png`));
  const pictures = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort();
  return Array.from({ length: pages }, (_, i) => {
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], {
      encoding: 'utf8',
    });
    const picture = pictures[i];
    const { data, width, height } = readPpm(join(dir, picture ?? 'missing'));
    return { text, qr: jsQR(data, width, height)?.data ?? null };
  });
}

describe('QR posters', () => {
  it("a zone's poster: its Thai name, station, purpose and privacy line, and a QR code of its form address", async () => {
    const analyst = await signIn(app, 'demo-analyst', 'demo-analyst-2567');
    const res = await analyst('/api/reports/zones/Z-HDY-01/poster.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const [page, ...more] = readPosters(await res.arrayBuffer(), 'zone');
    expect(more).toEqual([]);
    const text = page?.text.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('ย่านตลาดกิมหยง');
    expect(text).toContain('สภ.หาดใหญ่');
    expect(text).toContain('ไม่เก็บชื่อ ไม่เก็บเบอร์โทรศัพท์ ไม่เก็บตำแหน่งที่อยู่ของท่าน');
    expect(text).toContain('สแกนคิวอาร์โค้ดเพื่อตอบแบบสอบถาม');
    expect(page?.qr).toBe(`${PUBLIC_URL}/s/Z-HDY-01`);
    const fonts = execFileSync('pdffonts', [join(dir, 'zone.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/Sarabun/);
    expect(fonts).not.toMatch(/Type 3/);
  });

  it("a station's posters: one page per zone of the station, each QR its own zone's", async () => {
    const commander = await signIn(app, 'demo-commander', 'demo-commander-2567');
    const { items: zones } = (await (await commander('/api/zones')).json()) as {
      items: { id: string; stationCode: string }[];
    };
    const station = zones[0]?.stationCode ?? '';
    const ids = zones.filter((z) => z.stationCode === station).map((z) => z.id);
    expect(ids.length).toBeGreaterThan(1);
    const res = await commander(`/api/reports/units/${station}/posters.pdf`);
    expect(res.status).toBe(200);
    const pages = readPosters(await res.arrayBuffer(), 'station');
    expect(pages.map((p) => p.qr).sort()).toEqual(ids.sort().map((id) => `${PUBLIC_URL}/s/${id}`));
    // Another station's zone is not the commander's to print.
    expect((await commander('/api/reports/zones/Z-CMI-01/poster.pdf')).status).toBe(404);
    expect((await commander('/api/reports/units/NO-SUCH/posters.pdf')).status).toBe(404);
  });
});
