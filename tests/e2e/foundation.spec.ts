// Issue 2's path in real Chromium against the built headless host: the admin creates a clerk and
// pairs a kiosk, switches the language to English and back; the clerk cannot see admin screens.
import { ADMIN_PASSWORD, expect, test } from './host.js';

test('admin creates a clerk, pairs a kiosk, switches language; the clerk sees no admin screens', async ({ host, browser }) => {
  const staff = await browser.newPage();
  await staff.goto(host.base + '/');
  const login = staff.getByTestId('login-form');
  await expect(staff.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await login.getByLabel('用户名').fill('admin');
  await login.getByLabel('密码').fill('wrong-password');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(staff.getByRole('alert')).toContainText('用户名或密码不正确');
  await login.getByLabel('密码').fill(ADMIN_PASSWORD);
  await login.getByRole('button', { name: '登录' }).click();

  const nav = staff.getByTestId('main-nav');
  await expect(nav.getByRole('link', { name: '用户管理' })).toBeVisible();
  await expect(staff.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');

  // A new clerk, first with a field error, then right.
  await nav.getByRole('link', { name: '用户管理' }).click();
  await expect(staff.getByTestId('users-grid')).toContainText('admin');
  await staff.getByRole('button', { name: '新建用户' }).click();
  const form = staff.getByTestId('user-create-form');
  await form.getByLabel('用户名').fill('zhanglan');
  await form.getByLabel('姓名').fill('张兰');
  await form.getByLabel('密码').fill('short');
  await form.getByLabel('角色').selectOption('clerk');
  await form.getByRole('button', { name: '创建用户' }).click();
  await expect(form).toContainText('至少需要 8 个字符');
  await form.getByLabel('密码').fill('clerk-pass-1');
  await form.getByRole('button', { name: '创建用户' }).click();
  await expect(staff.getByTestId('users-grid')).toContainText('张兰');

  // A kiosk: its pairing code is shown once, and the kiosk page pairs with it.
  await nav.getByRole('link', { name: '设备管理' }).click();
  await staff.getByRole('button', { name: '新建设备' }).click();
  const deviceForm = staff.getByTestId('device-create-form');
  await deviceForm.getByLabel('名称').fill('东门取号机');
  await deviceForm.getByLabel('类型').selectOption('kiosk');
  await deviceForm.getByRole('button', { name: '创建设备并生成配对码' }).click();
  const code = (await staff.getByTestId('device-token-value').textContent())!.trim();
  expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const kiosk = await browser.newPage();
  await kiosk.goto(host.base + '/kiosk');
  const pairing = kiosk.getByTestId('pairing-form');
  await pairing.getByLabel('配对码').fill(code);
  await pairing.getByRole('button', { name: '配对' }).click();
  await expect(kiosk.getByTestId('terminal-paired')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-unreachable')).toHaveCount(0);
  // Paired means stored on the terminal: a reload stays paired.
  await kiosk.reload();
  await expect(kiosk.getByTestId('terminal-paired')).toBeVisible();
  await expect(staff.getByTestId('devices-grid')).toContainText('东门取号机');

  // English and back.
  await staff.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
  await expect(staff.locator('html')).toHaveAttribute('lang', 'en');
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await staff.reload();
  await expect(staff.getByTestId('main-nav').getByRole('link', { name: 'Devices' })).toBeVisible();
  await staff.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
  await expect(staff.getByTestId('main-nav').getByRole('link', { name: '设备管理' })).toBeVisible();

  // The clerk: no admin navigation, and the admin address says "no permission".
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await clerk.goto(host.base + '/');
  const clerkLogin = clerk.getByTestId('login-form');
  await clerkLogin.getByLabel('用户名').fill('zhanglan');
  await clerkLogin.getByLabel('密码').fill('clerk-pass-1');
  await clerkLogin.getByRole('button', { name: '登录' }).click();
  await expect(clerk.getByTestId('main-nav')).toBeVisible();
  await expect(clerk.getByTestId('main-nav')).not.toContainText('用户管理');
  await expect(clerk.getByTestId('main-nav')).not.toContainText('设备管理');
  await clerk.goto(host.base + '/#/admin/users');
  await expect(clerk.getByTestId('forbidden')).toBeVisible();
  await expect(clerk.getByTestId('users-grid')).toHaveCount(0);
  // And the host refuses the clerk's token on admin routes whatever the page does.
  const token = await clerk.evaluate(() => JSON.parse(localStorage.getItem('hall.session') ?? '{}').token as string);
  const res = await clerk.request.get(host.base + '/api/v1/users', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(403);
  await clerkContext.close();
  // Pages from browser.newPage() own their contexts: closing them leaves nothing open for the next test.
  await kiosk.close();
  await staff.close();
});
