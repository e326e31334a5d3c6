// Queue set-up for tests: categories, windows with signed-in clerks, a kiosk device, open hours.
import { ADMIN_PASSWORD, type TestHall } from './hall.js';

export interface QueueFixture {
  admin: string;
  kiosk: string;
  rating: { id: number; token: string };
  windows: Array<{ id: number; number: number; clerk: string }>;
}

export const ALL_DAY = { periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false };

export async function setupQueue(h: TestHall, windowCount = 2, categories: string[][] = [['A'], ['A', 'B']]): Promise<QueueFixture> {
  const admin = await h.login('admin', ADMIN_PASSWORD);
  const settings = (await h.api('GET', '/queue/settings', { token: admin })).body;
  await h.api('PUT', '/queue/settings', { token: admin, body: { ...settings, ...ALL_DAY } });
  await h.api('POST', '/queue/categories', { token: admin, body: { code: 'A', name: '社保医保', prefix: 'A', description: '社保、医保参保缴费', sortOrder: 1 } });
  await h.api('POST', '/queue/categories', { token: admin, body: { code: 'B', name: '民政救助', prefix: 'B', sortOrder: 2 } });
  const kiosk = (await h.api('POST', '/devices', { token: admin, body: { name: '取号机', kind: 'kiosk' } })).body.token;
  const pad = (await h.api('POST', '/devices', { token: admin, body: { name: '评价器', kind: 'rating' } })).body;
  const windows = [];
  for (let i = 1; i <= windowCount; i++) {
    const codes = categories[(i - 1) % categories.length]!;
    const w = await h.api('POST', '/windows', { token: admin, body: { number: i, name: `${i}号窗口`, categoryCodes: codes, ratingDeviceId: i === 1 ? pad.id : null } });
    if (w.status !== 201) throw new Error(JSON.stringify(w.body));
    const clerk = await h.userToken('clerk', `counter${i}`);
    const signed = await h.api('POST', `/windows/${w.body.id}/sign-in`, { token: clerk });
    if (signed.status !== 200) throw new Error(JSON.stringify(signed.body));
    windows.push({ id: w.body.id, number: i, clerk });
  }
  return { admin, kiosk, rating: { id: pad.id, token: pad.token }, windows };
}
