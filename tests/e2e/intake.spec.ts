// Issue 4's path, in Chinese and in English: a clerk serves a ticket and starts an intake with one
// required material missing; the correction notice (printed, read back as PDF text) lists exactly
// that material; the applicant returns; the case is accepted with a due date that skips a holiday;
// the back office approves and concludes, the clerk delivers; the kiosk lookup shows the state; the
// audit chain verifies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { ADMIN_PASSWORD, expect, itemWithTwoRequired, signIn, test } from './host.js';

/** The printed notice, as the printer would get it: rendered to PDF by Chromium, then its text. */
async function printedPdfText(browser: Browser, html: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'notice-')), 'notice.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`intake → correction → acceptance → back office → delivery → kiosk lookup → audit (${lang})`, async ({ host, browser }) => {
    const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
    // A town-level item of the demo catalogue with at least two required materials.
    const item = await itemWithTwoRequired(
      host,
      admin,
      (summary) => summary.handlingLevel === 'town' && summary.promisedLimit.unit === 'working_days' && summary.promisedLimit.value >= 1,
    );
    const required = item.materials.filter((m: { requirement: string }) => m.requirement === 'required');
    const missing = required[required.length - 1];

    // Make the next working day a holiday, so the due date must step over it.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const before = await host.api('GET', `/calendar/working-days?from=${today}&n=1`, admin);
    const nextWorkingDay: string = before.due;
    await host.api('PUT', `/calendar/days/${nextWorkingDay}`, admin, { kind: 'holiday', name: '测试假日' });
    const after = await host.api('GET', `/calendar/working-days?from=${today}&n=${item.promisedLimit.value}`, admin);
    const expectedDue: string = after.due;
    expect(expectedDue > nextWorkingDay).toBe(true);

    // A ticket from the kiosk, called and started at window 1 by clerk1.
    const kioskToken = /\/kiosk#pair=(\S+)/.exec(host.stdout)![1]!;
    const ticket = await host.api('POST', '/queue/tickets', kioskToken, { categoryCode: 'A' });
    const clerk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(clerk, host, 'clerk1', 'demo1234', lang);
    await clerk.goto(host.base + '/#/counter');
    const windows = await host.api('GET', '/windows', admin);
    await clerk.getByTestId('counter-window-select').selectOption(String(windows.find((w: { number: number }) => w.number === 1).id));
    await clerk.getByTestId('counter-sign-in').click();
    await clerk.getByTestId('counter-call-next').click();
    await expect(clerk.getByTestId('counter-current-number')).toHaveText(ticket.number);
    await clerk.getByTestId('counter-start').click();
    await clerk.getByTestId('counter-intake').click();

    // Intake: item, applicant, every required material but one.
    await expect(clerk.getByTestId('intake-screen')).toHaveAttribute('data-ticket-id', String(ticket.id));
    await clerk.getByTestId('intake-item-search').fill(item.name);
    await clerk.getByTestId(`intake-item-option-${item.code}`).click();
    await clerk.getByTestId('intake-kind-person').check();
    await clerk.getByTestId('intake-name').fill('王秀英');
    await clerk.getByTestId('intake-idNumber').fill('11010519491231002X');
    await clerk.getByTestId('intake-mobile').fill('13812345678');
    for (let i = 0; i < item.materials.length; i++) {
      const m = item.materials[i];
      if (m.requirement === 'required' && m.name !== missing.name) await clerk.getByTestId(`intake-material-${i}-complete`).click();
    }
    await clerk.getByTestId('intake-submit').click();
    const caseNo = (await clerk.getByTestId('intake-case-no').first().textContent())!.trim();
    const password = (await clerk.getByTestId('intake-query-password').textContent())!.trim();
    expect(password).toMatch(/^\d{6}$/);
    await expect(clerk.getByTestId('intake-missing')).toHaveAttribute('data-count', '1');
    await expect(clerk.getByTestId('intake-missing')).toContainText(missing.name);
    await expect(clerk.getByTestId('intake-accept')).toBeDisabled();

    // One-time notification: the printed notice lists exactly the missing material.
    await clerk.getByTestId('intake-request-correction').click();
    await clerk.getByTestId('intake-correction-confirm').click();
    await expect(clerk.getByTestId('intake-notice-state')).toHaveAttribute('data-status', 'printed');
    const correctionHtml = (await clerk.getByTestId('notice-frame').getAttribute('srcdoc'))!;
    const pdfText = await printedPdfText(browser, correctionHtml);
    expect(pdfText).toContain(missing.name);
    expect(pdfText).toContain(caseNo);
    // Printed right after intake, the correction notice carries the query password (办件查询 in 补正).
    expect(pdfText).toContain(password);
    for (const m of required.filter((r: { name: string }) => r.name !== missing.name)) expect(pdfText).not.toContain(m.name);

    // The applicant comes back with it: resubmit, accept.
    await clerk.getByTestId('intake-next').click();
    await clerk.getByTestId('intake-mode-returning').click();
    await clerk.getByTestId('intake-returning-case-no').fill(caseNo);
    await clerk.getByTestId('intake-returning-find').click();
    const missingIndex = item.materials.findIndex((m: { name: string }) => m.name === missing.name);
    await clerk.getByTestId(`intake-material-${missingIndex}-complete`).click();
    await clerk.getByTestId('intake-resubmit').click();
    await expect(clerk.getByTestId('intake-accept')).toBeEnabled();
    await clerk.getByTestId('intake-accept').click();
    await expect(clerk.getByTestId('intake-case')).toHaveAttribute('data-status', 'accepted');
    const cases = await host.api('GET', `/cases?limit=50`, admin);
    const summary = cases.rows.find((r: { caseNo: string }) => r.caseNo === caseNo);
    expect(summary.dueDate).toBe(expectedDue);

    // Back office: assign to me, approve, conclude.
    const back = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(back, host, 'back1', 'demo1234', lang);
    await back.goto(`${host.base}/#/cases/${summary.id}`);
    for (const action of ['assign', 'approve', 'conclude']) {
      await back.getByTestId(`case-action-${action}`).click();
      await back.getByTestId('case-action-submit').click();
      await expect(back.getByTestId('case-action-result')).toBeVisible();
    }
    await expect(back.getByTestId('case-status')).toHaveAttribute('data-status', 'concluded');

    // The clerk hands the result over at the window.
    await clerk.goto(`${host.base}/#/cases/${summary.id}`);
    await clerk.getByTestId('case-action-deliver').click();
    await clerk.getByTestId('case-action-form').locator('input[name=method][value=window]').check();
    await clerk.getByTestId('case-action-submit').click();
    await expect(clerk.getByTestId('case-status')).toHaveAttribute('data-status', 'delivered');

    // The citizen looks it up at the kiosk: state, no personal data.
    const kiosk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await kiosk.addInitScript((l) => localStorage.setItem('hall.lang', l), lang);
    await kiosk.goto(`${host.base}/kiosk#pair=${kioskToken}`);
    await kiosk.getByTestId('kiosk-lookup').click();
    await kiosk.getByTestId('kiosk-lookup-case-no').fill(caseNo);
    await kiosk.getByTestId('kiosk-lookup-password').fill(password);
    await kiosk.getByTestId('kiosk-lookup-submit').click();
    await expect(kiosk.getByTestId('kiosk-lookup-result')).toHaveAttribute('data-status', 'delivered');
    await expect(kiosk.getByTestId('kiosk-lookup-result')).not.toContainText('王');
    await expect(kiosk.getByTestId('kiosk-lookup-result')).not.toContainText('1101');

    // The audit chain is whole.
    const adminPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(adminPage, host, 'admin', ADMIN_PASSWORD, lang);
    await adminPage.goto(host.base + '/#/admin/audit');
    await adminPage.getByTestId('audit-verify').click();
    await expect(adminPage.getByTestId('audit-result')).toHaveAttribute('data-ok', 'true');
    for (const open of [clerk, back, kiosk, adminPage]) await open.close();
  });
}
