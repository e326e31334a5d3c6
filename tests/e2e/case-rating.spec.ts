// Issue 8 point 4 at the kiosk: the applicant looks an accepted case up with its number and query
// password and rates its acceptance with the rating pad's own form; the stage is then no longer
// offered, and the host has stored exactly that rating. Chinese first, English complete.
import { ADMIN_PASSWORD, expect, test } from './host.js';

for (const lang of ['zh-CN', 'en'] as const) {
  test(`kiosk: look a case up, rate its acceptance once (${lang})`, async ({ host, browser }) => {
    const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
    const clerk = (await host.api('POST', '/auth/login', null, { username: 'clerk1', password: 'demo1234' })).token;
    // A town-level item of the demo catalogue, every required material handed in, accepted.
    const items = await host.api('GET', '/items', admin);
    const summary = (items.rows ?? items).find((i: { handlingLevel: string }) => i.handlingLevel === 'town');
    const item = await host.api('GET', `/items/${summary.code}`, admin);
    const materials = item.materials
      .filter((m: { requirement: string }) => m.requirement === 'required')
      .map((m: { name: string; originals: number; copies: number }) => ({ name: m.name, originals: m.originals, copies: m.copies }));
    const applicant = { kind: 'person', name: '王秀英', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' };
    const created = await host.api('POST', '/cases', clerk, { itemCode: item.code, applicant, materials, channel: 'window' });
    await host.api('POST', `/cases/${created.id}/actions`, clerk, { action: 'accept' });
    const kioskToken = /\/kiosk#pair=(\S+)/.exec(host.stdout)![1]!;

    const kiosk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await kiosk.addInitScript((l) => localStorage.setItem('hall.lang', l), lang);
    await kiosk.goto(`${host.base}/kiosk#pair=${kioskToken}`);
    await kiosk.getByTestId('kiosk-lookup').click();
    await kiosk.getByTestId('kiosk-lookup-case-no').fill(created.caseNo);
    await kiosk.getByTestId('kiosk-lookup-password').fill(created.queryPassword);
    await kiosk.getByTestId('kiosk-lookup-submit').click();
    await expect(kiosk.getByTestId('kiosk-lookup-result')).toHaveAttribute('data-status', 'accepted');
    // Accepted, not concluded: only the acceptance may be rated.
    await expect(kiosk.getByTestId('kiosk-rate-concluded')).toHaveCount(0);
    await expect(kiosk.getByTestId('kiosk-rate-accepted')).toContainText(lang === 'en' ? 'Rate the acceptance' : '评价受理服务');
    await kiosk.getByTestId('kiosk-rate-accepted').click();

    await expect(kiosk.getByTestId('kiosk-case-rating')).toHaveAttribute('data-stage', 'accepted');
    await expect(kiosk.getByTestId('kiosk-case-rating-stage')).toHaveText(lang === 'en' ? 'Step: acceptance' : '受理环节');
    await expect(kiosk.getByTestId('rating-submit')).toBeDisabled();
    await kiosk.getByTestId('rating-level-2').click();
    await kiosk.getByTestId('rating-reason-slow').click();
    await kiosk.getByTestId('rating-indicator-efficiency-2').click();
    await kiosk.getByTestId('rating-submit').click();

    await expect(kiosk.getByTestId('kiosk-case-rating-note')).toContainText(lang === 'en' ? 'Thank you for your rating' : '感谢您的评价');
    await expect(kiosk.getByTestId('kiosk-rate-stages')).toHaveCount(0);
    await expect(kiosk.getByTestId('kiosk-lookup-result')).toHaveAttribute('data-status', 'accepted');
    await kiosk.close();

    // The host holds it: the lookup offers nothing more, and a second rating of the stage is refused.
    const again = await host.api('POST', '/cases/lookup', kioskToken, { caseNo: created.caseNo, password: created.queryPassword });
    expect(again.rateableStages).toEqual([]);
    await expect(
      host.api('POST', '/ratings', kioskToken, { case: { caseNo: created.caseNo, password: created.queryPassword, stage: 'accepted' }, level: 5 }),
    ).rejects.toThrow(/409/);
  });
}
