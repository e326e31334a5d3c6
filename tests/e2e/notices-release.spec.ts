// Issue 12, points 2 and 4 on screen at 1366×768 against the built host: the case detail lists every
// notice given (two correction rounds) and 重新打印 prints the first one exactly as it was; the admin
// (window list) and the supervisor (home) free a window a clerk left signed in. Screenshots go to test-results/screens.
import { ADMIN_PASSWORD, expect, itemWithTwoRequired, signIn, test } from './host.js';

test('case detail lists both correction notices and reprints the first; admin releases a held window', async ({ host, browser }) => {
  const clerk = (await host.api('POST', '/auth/login', null, { username: 'clerk1', password: 'demo1234' })).token;
  const item = await itemWithTwoRequired(host, clerk);
  const required = item.materials.filter((m: { requirement: string }) => m.requirement === 'required');
  const [kept, left] = required;
  // Everything handed in but one required material.
  const handedIn = required
    .filter((m: { name: string }) => m.name !== left.name)
    .map((m: { name: string; originals: number; copies: number; electronic: boolean }) => ({ name: m.name, originals: m.originals, copies: m.copies, electronic: m.electronic && m.originals + m.copies === 0 ? 1 : 0 }));
  const applicant = { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' };
  const created = await host.api('POST', '/cases', clerk, { itemCode: item.code, applicant, materials: handedIn, channel: 'window' });
  const act = (body: unknown) => host.api('POST', `/cases/${created.id}/actions`, clerk, body);
  await act({ action: 'request-correction', corrections: [{ name: left.name, reason: '第一次：未提交' }, { name: kept.name, reason: '第一次：复印件不清晰' }] });
  await act({ action: 'resubmit', materials: handedIn });
  const second = await act({ action: 'request-correction', corrections: [{ name: left.name, reason: '第二次：仍未提交' }] });
  const seqs = second.events.filter((e: { action: string }) => e.action === 'request-correction').map((e: { seq: number }) => e.seq);

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(page, host, 'clerk1', 'demo1234');
  await page.goto(`${host.base}/#/cases/${created.id}`);
  const rows = page.getByTestId('case-notices').getByTestId('case-notice');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`${created.caseNo}-${seqs[0]}`);
  await expect(rows.nth(1)).toContainText(`${created.caseNo}-${seqs[1]}`);
  await page.getByTestId('case-notices').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/case-notices-1366x768.png' });
  await rows.nth(0).getByRole('button', { name: '重新打印' }).click();
  await expect(page.getByTestId('case-notices').getByRole('status')).toContainText('补正材料告知书');
  const printed = (await page.getByTestId('case-notice-frame').getAttribute('srcdoc'))!;
  expect(printed).toContain('第一次：未提交');
  expect(printed).toContain('第一次：复印件不清晰');
  expect(printed).not.toContain('第二次');

  // A clerk left window 1 signed in (the PC died): the admin frees it from the window list.
  const window1 = (await host.api('GET', '/windows', clerk)).find((w: { number: number }) => w.number === 1);
  const signedIn = await fetch(`${host.base}/api/v1/windows/${window1.id}/sign-in`, { method: 'POST', headers: { authorization: `Bearer ${clerk}` } });
  expect(signedIn.status).toBe(200);
  const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(admin, host, 'admin', ADMIN_PASSWORD);
  await admin.goto(`${host.base}/#/admin/queue`);
  await admin.getByTestId('queue-tab-windows').click();
  await admin.getByRole('button', { name: '释放 1 号窗口' }).click();
  await expect(admin.getByTestId('window-release-confirm')).toContainText('王芳');
  await admin.screenshot({ path: 'test-results/screens/window-release-1366x768.png' });
  await admin.getByTestId('window-release-confirm').getByRole('button', { name: '确认释放' }).click();
  await expect(admin.getByTestId('queue-windows').getByRole('status')).toContainText('1 号窗口已释放');
  const after = (await host.api('GET', '/windows', clerk)).find((w: { number: number }) => w.number === 1);
  expect(after).toMatchObject({ status: 'closed', clerk: null });

  // The supervisor (督办) does the same from the home screen's window list.
  expect((await fetch(`${host.base}/api/v1/windows/${window1.id}/sign-in`, { method: 'POST', headers: { authorization: `Bearer ${clerk}` } })).status).toBe(200);
  const lead = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(lead, host, 'lead1', 'demo1234');
  await expect(lead.getByTestId('home-windows').locator('[data-window="1"]')).toContainText('王芳');
  await lead.getByTestId('home-windows').getByRole('button', { name: '释放 1 号窗口' }).click();
  await lead.getByTestId('window-release-confirm').getByRole('button', { name: '确认释放' }).click();
  await expect(lead.getByTestId('home-windows').getByRole('status')).toContainText('1 号窗口已释放');
  await expect(lead.getByTestId('home-windows').locator('[data-window="1"]')).not.toContainText('王芳');
  await lead.screenshot({ path: 'test-results/screens/supervisor-home-windows-1366x768.png' });
  for (const open of [page, admin, lead]) await open.close();
});
