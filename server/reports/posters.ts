/**
 * The resident survey's A4 posters (issue #20 item 1): per zone one page in Thai with the zone's
 * name, its station, a one-line purpose, the privacy line and a QR code of the zone's form address
 * (`${SSZ_PUBLIC_URL}/s/<zone>`). The page is made here as HTML (the QR as SVG, Sarabun embedded,
 * both vector in the PDF) and printed by the server's one Chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import type { Printer } from './printer.ts';

export interface PosterZone {
  id: string;
  nameTh: string;
  stationNameTh: string;
}

const require = createRequire(import.meta.url);

/** Sarabun's Thai and Latin subsets (digits and the address are Latin) in the two weights the poster uses. */
function fontFaces(): string {
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const [subset, range] of [
      ['thai', 'U+0E01-0E5B, U+200C-200D, U+25CC'],
      ['latin', 'U+0000-00FF, U+2013-2014, U+2022'],
    ] as const) {
      const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
      const data = readFileSync(file).toString('base64');
      faces.push(
        `@font-face{font-family:Sarabun;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  return faces.join('');
}

let fonts: string | undefined;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The address a zone's QR code carries. */
export const formAddress = (publicUrl: string, zoneId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(zoneId)}`;

const STYLE = `@page{size:A4;margin:0}*{box-sizing:border-box}html,body{margin:0}
body{font-family:Sarabun,sans-serif;color:#111}
.poster{width:210mm;height:297mm;padding:16mm 18mm;display:flex;flex-direction:column;align-items:center;text-align:center;page-break-after:always;break-after:page}
.poster:last-child{page-break-after:auto;break-after:auto}
.ask{font-size:30pt;font-weight:700;line-height:1.25;margin:0 0 6mm}
.zone{font-size:26pt;font-weight:700;color:#0b3d91;margin:0;line-height:1.3}
.station{font-size:17pt;margin:1mm 0 6mm}
.purpose{font-size:16pt;line-height:1.45;margin:0 0 6mm;max-width:165mm}
.qr{width:105mm;height:105mm}.qr svg{width:100%;height:100%}
.address{font-size:13pt;margin:3mm 0 7mm;word-break:break-all}
.privacy{font-size:15pt;font-weight:700;border:2px solid #1b7f3b;border-radius:4mm;padding:3mm 6mm;color:#14532d}
.footer{margin-top:auto;font-size:11pt;color:#444}`;

/** The posters' HTML, one A4 page per zone. */
export async function postersHtml(zones: readonly PosterZone[], publicUrl: string): Promise<string> {
  fonts ??= fontFaces();
  const pages = await Promise.all(
    zones.map(async (zone) => {
      const address = formAddress(publicUrl, zone.id);
      const qr = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return `<section class="poster">
<p class="ask">ท่านรู้สึกปลอดภัยแค่ไหน<br>บอกตำรวจได้ที่นี่</p>
<p class="zone">${escapeHtml(zone.nameTh)}</p>
<p class="station">${escapeHtml(zone.stationNameTh)}</p>
<p class="purpose">สแกนคิวอาร์โค้ดเพื่อตอบแบบสอบถามสั้น ๆ 2 ข้อ เรื่องความหวาดกลัวภัยอาชญากรรมและความเชื่อมั่นต่อตำรวจในพื้นที่นี้ ใช้เวลาไม่ถึง 30 วินาที</p>
<div class="qr" role="img" aria-label="QR ${escapeHtml(address)}">${qr}</div>
<p class="address">${escapeHtml(address)}</p>
<p class="privacy">ไม่เก็บชื่อ ไม่เก็บเบอร์โทรศัพท์ ไม่เก็บตำแหน่งที่อยู่ของท่าน</p>
<p class="footer">Smart Safety Zone 4.0 · สำนักงานตำรวจแห่งชาติ</p>
</section>`;
    }),
  );
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>QR posters</title>
<style>${fonts}${STYLE}</style></head><body>${pages.join('')}</body></html>`;
}

/** Prints the posters of the given zones as one PDF, through the server's Chromium queue. */
export async function makePosters(
  printer: Printer,
  zones: readonly PosterZone[],
  publicUrl: string,
): Promise<Uint8Array> {
  const html = await postersHtml(zones, publicUrl);
  return printer.run({}, async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  });
}
