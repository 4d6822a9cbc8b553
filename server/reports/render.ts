/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the page: they are typed against the DOM.
/**
 * Makes one PDF from a print view of the SPA (web/features/print/) in the server's Chromium.
 *
 * The print view tells us, on <html>, how it is doing: data-print-state loading | ready | error,
 * and calls window.sszPrintProgress(done, total) as zones' data arrive. When it is ready (data
 * drawn, fonts loaded), a pack is printed once to learn the page each section starts on and its
 * table of contents gets those numbers; then the document is printed, with page numbers, "data up
 * to" and the time made in the footer of every page.
 */
import type { Page } from 'playwright-core';
import { readPdfOutline } from './pdf-structure.ts';
import { PRINT_TICKET_HEADER } from './print-tickets.ts';
import type { Printer } from './printer.ts';

export type RenderStage = 'loading' | 'paging' | 'printing';
export type OnRenderProgress = (stage: RenderStage | 'waiting', done: number, total: number, ahead?: number) => void;

/** The print view failed to load its data; its message is the SPA's, in the report's language. */
export class PrintViewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintViewError';
  }
}

/** Room for the footer; the print views' own margins are in CSS (@page). */
const PDF_MARGIN = { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' };
/** A pack of 25 zones loads in seconds; this only stops a hung page from holding the queue. */
const READY_TIMEOUT_MS = 180_000;

interface FooterText {
  /** "ข้อมูลถึง ต.ค. 2569 · จัดทำเมื่อ 7 ธ.ค. 2569 14:05 น." */
  left: string;
  /** "หน้า" / "Page" and "จาก" / "of". */
  page: string;
  of: string;
  title: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Chromium draws the footer in a separate document: no web font there, so a system Thai font
 * (fonts-noto-core / fonts-thai-tlwg) is named; its size must be set or it is tiny.
 */
export function footerTemplate(text: FooterText): string {
  return `<div style="font-family: 'Noto Sans Thai', 'Loma', 'Garuda', sans-serif; font-size: 8px; color: #333; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8px;">
<span>${escapeHtml(text.title)} · ${escapeHtml(text.left)}</span>
<span style="white-space: nowrap;">${escapeHtml(text.page)} <span class="pageNumber"></span> ${escapeHtml(text.of)} <span class="totalPages"></span></span>
</div>`;
}

/** Loads the print view and waits until it has drawn its data (or says why it cannot). */
async function openPrintView(page: Page, url: string, onProgress: OnRenderProgress): Promise<void> {
  // Before the page's scripts run, so the view finds it from its first zone on.
  await page.exposeFunction('sszPrintProgress', (done: number, total: number) => {
    onProgress('loading', Number(done) || 0, Number(total) || 0);
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    () => {
      const state = document.documentElement.dataset.printState;
      return state === 'ready' || state === 'error';
    },
    undefined,
    { timeout: READY_TIMEOUT_MS, polling: 100 },
  );
  const error = await page.evaluate(() =>
    document.documentElement.dataset.printState === 'error'
      ? (document.querySelector('[data-print-error]')?.textContent ?? 'error')
      : null,
  );
  if (error !== null) throw new PrintViewError(error);
  // Web fonts are loaded by now (the view waits for them too); this is the belt to its braces.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

async function printPdf(page: Page, footer: FooterText | null): Promise<Uint8Array> {
  return page.pdf({
    format: 'A4',
    printBackground: true,
    margin: PDF_MARGIN,
    displayHeaderFooter: footer !== null,
    headerTemplate: '<span></span>',
    footerTemplate: footer ? footerTemplate(footer) : '<span></span>',
    // No tagged structure and outline: they cost a third more time on a 100-page pack, and the
    // contents' links already lead to each zone.
  });
}

/**
 * Pack only: print the whole document once to learn where each section starts (the contents'
 * links are named destinations in Chromium's PDF), then write those page numbers into the
 * contents. The numbers take no more room than the placeholders, so no page moves.
 */
async function numberContents(page: Page, onProgress: OnRenderProgress): Promise<void> {
  onProgress('paging', 0, 1);
  const { destinations } = readPdfOutline(await printPdf(page, null));
  const starts = Object.fromEntries(destinations);
  await page.evaluate((pages) => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-toc-page]')) {
      const start = pages[`title-${el.dataset.tocPage ?? ''}`];
      if (start !== undefined) el.textContent = String(start);
    }
  }, starts);
  onProgress('paging', 1, 1);
}

/**
 * Opens `path` (a print view, with its query) on the server itself as the ticket's holder, and
 * prints it. Waits in the printer's queue first.
 */
export async function renderReport(
  printer: Printer,
  baseUrl: string,
  path: string,
  ticket: string,
  onProgress: OnRenderProgress,
): Promise<Uint8Array> {
  onProgress('waiting', 0, 0, printer.waiting);
  return printer.run({ [PRINT_TICKET_HEADER]: ticket }, async (page) => {
    onProgress('loading', 0, 0);
    await openPrintView(page, `${baseUrl}${path}`, onProgress);
    const footer = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-print-footer]');
      return el
        ? {
            left: el.dataset.left ?? '',
            page: el.dataset.page ?? '',
            of: el.dataset.of ?? '',
            title: el.dataset.title ?? '',
          }
        : null;
    });
    const hasContents = await page.evaluate(() => document.querySelector('[data-toc-page]') !== null);
    if (hasContents) await numberContents(page, onProgress);
    onProgress('printing', 0, 1);
    const pdf = await printPdf(page, footer);
    onProgress('printing', 1, 1);
    return pdf;
  });
}
