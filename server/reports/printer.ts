/**
 * The one Chromium of the server process, and the queue in front of it. Reports are made by
 * Chromium from the SPA's own print views (never screenshots): the text stays text with the Thai
 * font embedded, the SVG charts and maps stay vector (README: "Reports (PDF) and printing").
 *
 * Chromium is launched on the first report and kept: a pack of 25 zones and the next zone report
 * reuse it. Jobs run one at a time (a document is one page of one browser context), so two packs
 * asked at once cost one browser's memory, and the second waits its turn with its place shown.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's package; SSZ_CHROMIUM names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The flags the browser tests use too (machine-facts.md); no user-data-dir: a fresh profile each launch. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A4 portrait at CSS 96 dpi: the print views lay out at the width they will be printed at. */
export const A4_VIEWPORT = { width: 794, height: 1123 };

/** Chromium is not where the setting says: reports cannot be made until it is installed. */
export class ChromiumMissingError extends Error {
  readonly th: string;
  readonly en: string;
  constructor(readonly path: string) {
    const en = `Cannot make PDF reports: the program Chromium was not found at ${path}. Install it (apt-get install chromium) or set SSZ_CHROMIUM to its path.`;
    super(en);
    this.name = 'ChromiumMissingError';
    this.en = en;
    this.th = `ไม่สามารถจัดทำรายงาน PDF ได้: ไม่พบโปรแกรม Chromium ที่ ${path} กรุณาติดตั้ง (apt-get install chromium) หรือกำหนด SSZ_CHROMIUM เป็นตำแหน่งของโปรแกรม`;
  }
}

/** What a queued job gets: a fresh page in its own context (its cookies and headers only). */
export type PrintTask<T> = (page: Page) => Promise<T>;

interface Queued {
  run: (browser: Browser) => Promise<void>;
  fail: (error: unknown) => void;
}

export interface PrinterOptions {
  executablePath: string;
  /** Extra HTTP headers every request of a job's page carries are set per job, not here. */
  launchTimeoutMs?: number;
}

export class Printer {
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;
  private contextBrowser: Browser | null = null;
  private readonly queue: Queued[] = [];
  private running = false;
  private closed = false;

  constructor(private readonly options: PrinterOptions) {}

  get executablePath(): string {
    return this.options.executablePath;
  }

  /** Jobs waiting behind the one running (0 = a new job starts at once when none runs). */
  get waiting(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Throws ChromiumMissingError at once when the program is not there (before queueing). */
  assertAvailable(): void {
    if (!existsSync(this.options.executablePath)) throw new ChromiumMissingError(this.options.executablePath);
  }

  /**
   * Runs `task` on a fresh page when its turn comes. `headers` go with every request the page
   * makes (the print ticket). The context is closed afterwards whatever happens.
   */
  run<T>(headers: Record<string, string>, task: PrintTask<T>): Promise<T> {
    this.assertAvailable();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        run: async (browser) => {
          let page: Page | null = null;
          try {
            page = await (await this.sharedContext(browser)).newPage();
            // The ticket goes with this page's requests only; the next job's page has its own.
            await page.setExtraHTTPHeaders(headers);
            await page.emulateMedia({ media: 'print' });
            resolve(await task(page));
          } catch (error) {
            reject(error);
          } finally {
            await page?.close().catch(() => undefined);
          }
        },
        fail: reject,
      });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        let browser: Browser;
        try {
          browser = await this.launch();
        } catch (error) {
          // Fail this job; the next one tries a fresh launch.
          job.fail(error);
          continue;
        }
        await job.run(browser);
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * One context for every job: the SPA's scripts and fonts come from its HTTP cache after the
   * first report (a fresh context per job re-read 1 MB of scripts each time). The print views
   * keep nothing in it that matters: they are signed in by their page's ticket header only.
   */
  private sharedContext(browser: Browser): Promise<BrowserContext> {
    if (!this.context || this.contextBrowser !== browser) {
      this.contextBrowser = browser;
      this.context = browser.newContext({ viewport: A4_VIEWPORT, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
      this.context.catch(() => {
        this.context = null;
      });
    }
    return this.context;
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('printer closed'));
    this.assertAvailable();
    if (!this.browser) {
      const launching = (async () => {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({
          executablePath: this.options.executablePath,
          args: CHROMIUM_ARGS,
          timeout: this.options.launchTimeoutMs ?? 60_000,
        });
        // A browser that died (killed, crashed) is launched again for the next job.
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = null;
        });
        return browser;
      })();
      this.browser = launching;
      launching.catch(() => {
        if (this.browser === launching) this.browser = null;
      });
    }
    return this.browser;
  }

  /** Closes Chromium (server shutdown). Jobs still queued fail. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
