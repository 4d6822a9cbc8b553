/**
 * The staff screens in real Chromium against the real server and demo data: the admin screen
 * (users, a token shown once, the audit log), KPI settings (a zone's crime target changes the
 * overview at once), and an import of a small Thai CSV with preview, commit and undo.
 * Screenshots go to test-results/ for a human to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, repoRoot, thaiPage, browserSuite } from './server.ts';
import { sidewaysScroll } from './what-users-see.ts';

const suite = browserSuite('');
const { problems, shot, signIn } = suite;

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'imports', name);

/** A zone of สภ.หาดใหญ่ in the demo data whose crime fell by about a third since its start. */
const ZONE = 'Z-HDY-01';

let page: Page;

/** The crime cell of one zone's row in the overview table (th = zone name, then fear, trust, crime). */
const crimeCell = (target: Page) => target.locator(`[data-testid=zone-table] tr[data-zone-id=${ZONE}] td`).nth(2);

describe('staff screens in Chromium', () => {
  beforeAll(async () => {
    page = await suite.newPage(1440, 950);
  }, 300_000);

  test('an administrator sees every staff screen in the menu', async () => {
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    for (const view of ['overview', 'imports', 'settings', 'admin']) {
      expect(await page.getByTestId(`nav-${view}`).count()).toBe(1);
    }
    await crimeCell(page).waitFor();
    expect(await crimeCell(page).textContent()).toContain('ผ่านเป้าหมาย');
  });

  test('admin screen: the demo users, a token shown once, the audit log', async () => {
    await page.getByTestId('nav-admin').click();
    await expect.poll(() => page.url()).toContain('/admin');
    const users = page.getByTestId('users-table');
    await users.waitFor();
    for (const name of ['admin', 'demo-analyst', 'demo-commander', 'demo-executive', 'demo-viewer']) {
      expect(await users.locator(`tr[data-username="${name}"]`).count()).toBe(1);
    }
    // Scope in words, with the station's Thai name.
    expect(await users.locator('tr[data-username="demo-commander"]').textContent()).toContain('สภ.หาดใหญ่');
    await page.screenshot({ path: shot('20-admin-users-th') });

    await page.locator('.tabs label', { hasText: 'โทเคน API' }).click();
    await page.getByRole('button', { name: 'สร้างโทเคน' }).first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name=tokenName]').fill('e2e-import');
    await dialog.locator('select').selectOption('commander');
    await dialog.locator('.segmented label', { hasText: 'สถานีตำรวจ' }).click();
    await dialog.locator('.pick', { hasText: 'สภ.หาดใหญ่' }).locator('input').check();
    await dialog.getByRole('button', { name: 'สร้างโทเคน' }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    expect(await secret.locator('input').inputValue()).toMatch(/^ssz_/);
    expect(await secret.textContent()).toContain('คุณจะไม่เห็นโทเคนนี้อีก');
    await page.screenshot({ path: shot('21-admin-token-once-th') });
    await page.getByRole('button', { name: 'เก็บโทเคนแล้ว ปิดกล่องนี้' }).click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.getByTestId('tokens-table').textContent()).toContain('e2e-import');

    await page.locator('.tabs label', { hasText: 'บันทึกการใช้งาน' }).click();
    const audit = page.getByTestId('audit-table');
    await audit.waitFor();
    await expect.poll(() => audit.textContent()).toContain('สร้างโทเคน');
    // Bangkok time, Buddhist Era.
    expect(await audit.locator('time').first().textContent()).toMatch(/25\d\d \d\d:\d\d น\.$/);
    await page.screenshot({ path: shot('22-admin-audit-th') });
  });

  test("settings: a zone's crime target changes its status on the overview at once", async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('programme-fearTarget').waitFor();
    // Each setting explains itself beside its input.
    expect(await page.getByTestId('programme-fearTarget').textContent()).toContain('ไม่เกินค่านี้');
    await page.getByTestId('settings-zone').selectOption(ZONE);
    const row = page.getByTestId('zone-crimeTarget');
    await row.getByRole('checkbox').check();
    await row.locator('input[type=text]').fill('-50');
    await page.getByTestId('save-zone-settings').click();
    await expect
      .poll(() => page.locator('[data-testid=zone-settings-form] .notice').textContent())
      .toContain('บันทึกค่าของ');
    await page.screenshot({ path: shot('23-settings-zone-th'), fullPage: true });

    await page.getByTestId('nav-overview').click();
    await expect.poll(() => crimeCell(page).textContent(), { timeout: 20_000 }).toContain('ไม่ผ่านเป้าหมาย');
  });

  test('imports: errors block the commit; a clean Thai CSV imports, then is undone', async () => {
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('drop-zone').waitFor();

    await page.getByTestId('file-input').setInputFiles(fixture('incidents-hat-yai-errors.csv'));
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('error-count').textContent()).toMatch(/[1-9]/);
    expect(await page.getByTestId('error-table').textContent()).toContain('31/2/2567');
    expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);
    await page.screenshot({ path: shot('24-import-errors-th'), fullPage: true });

    await page.getByRole('button', { name: 'ยกเลิก ไม่นำเข้าไฟล์นี้' }).click();
    await page.getByTestId('file-input').setInputFiles(fixture('incidents-hat-yai.csv'));
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('rows-to-write').textContent()).toContain('5');
    expect(await page.getByTestId('error-count').textContent()).toContain('0');
    // Dates as stored, in the Buddhist Era for Thai.
    expect(await page.getByTestId('preview-rows').textContent()).toContain('3/2/2567 20:15');
    await page.screenshot({ path: shot('25-import-preview-th'), fullPage: true });
    await expect.poll(() => page.getByTestId('commit-import').isEnabled()).toBe(true);
    await page.getByTestId('commit-import').click();
    await page.getByTestId('import-done').waitFor();
    const history = page.getByTestId('import-history');
    const row = history.locator('tbody tr', { hasText: 'incidents-hat-yai.csv' }).first();
    await expect.poll(() => row.textContent()).toContain('นำเข้าแล้ว');
    await page.screenshot({ path: shot('26-import-done-th') });

    await row.getByRole('button', { name: /ยกเลิกการนำเข้า/ }).click();
    const confirm = page.locator('dialog[open]');
    await confirm.waitFor();
    await page.screenshot({ path: shot('27-import-undo-confirm-th') });
    // The two choices cannot be mistaken for each other ("ยกเลิก" used to mean both).
    expect(await confirm.getByRole('button', { name: 'ไม่ใช่ กลับไป' }).count()).toBe(1);
    await confirm.getByRole('button', { name: 'ใช่ ยกเลิกการนำเข้านี้' }).click();
    await expect.poll(() => row.textContent()).toContain('ยกเลิกแล้ว');
    await page.screenshot({ path: shot('28-import-undone-th') });
  });

  test('the settings screen in English', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('KPI settings');
    await page.screenshot({ path: shot('29-settings-en') });
    await page.getByRole('button', { name: 'ไทย', exact: true }).click();
  });

  test('a commander sees imports but not settings or admin; admin URLs say no', async () => {
    const phone = await thaiPage(suite.browser, 390, 844);
    await signIn(phone, 'demo-commander', 'demo-commander-2567');
    expect(await phone.getByTestId('nav-imports').count()).toBe(1);
    expect(await phone.getByTestId('nav-settings').count()).toBe(0);
    expect(await phone.getByTestId('nav-admin').count()).toBe(0);
    await phone.getByTestId('nav-imports').click();
    await phone.getByTestId('drop-zone').waitFor();
    await phone.getByTestId('import-history').waitFor();
    expect(await sidewaysScroll(phone), 'the imports screen scrolls sideways at 390 px').toBe(0);
    await phone.screenshot({ path: shot('30-imports-phone-commander') });
    await phone.goto(`${suite.baseUrl}/admin`);
    await expect.poll(() => phone.locator('main [role=alert]').textContent()).toContain('ไม่มีสิทธิ์');
    await phone.close();
  });

  test('no script errors, failed requests or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
