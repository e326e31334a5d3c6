// The catalogue over HTTP: create, update, get, search (Chinese and pinyin), who may change it, and
// the shipped catalogue a new database gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogIfEmpty } from '../../electron/hall/catalog/load-catalog.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { testItem } from './support/catalog.js';

let h: TestHall;
let admin: string;
let kiosk: string;

beforeAll(async () => {
  h = await startHall();
  admin = await h.login('admin', ADMIN_PASSWORD);
  kiosk = (await h.api('POST', '/devices', { token: admin, body: { name: '取号机', kind: 'kiosk' } })).body.token;
});
afterAll(() => h.close());

describe('items', () => {
  it('creates an item with its materials in order and audits it', async () => {
    const res = await h.api('POST', '/items', { token: admin, body: testItem(1, { name: '户籍证明开具' }) });
    expect(res.status).toBe(201);
    expect(res.body.materials.map((m: { name: string }) => m.name)).toEqual(['居民身份证', '授权委托书']);
    expect(res.body.fee).toEqual({ charged: false, standard: '', basis: '' });
    const audit = h.db.prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'item'").all();
    expect(audit).toEqual([{ action: 'item-create', entity_id: '2000000001' }]);
  });

  it('refuses a taken code with 409 and a bad field with 400 naming it', async () => {
    const taken = await h.api('POST', '/items', { token: admin, body: testItem(1) });
    expect(taken.status).toBe(409);
    const bad = await h.api('POST', '/items', { token: admin, body: testItem(2, { consultPhone: 'call me', parentCode: '9999' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'consultPhone', code: 'phone_chars' }]);
    expect(bad.body.error.message).toContain('咨询电话');
    const orphan = await h.api('POST', '/items', { token: admin, body: testItem(2, { parentCode: '9999' }) });
    expect(orphan.body.error.details[0]).toMatchObject({ field: 'parentCode', code: 'unknown_parent' });
  });

  it('updates the whole item, reorders materials, and a kiosk reads it', async () => {
    const { code: _code, ...rest } = testItem(1, { name: '户籍证明开具' });
    const materials = [...(rest.materials ?? [])].reverse();
    const res = await h.api('PUT', '/items/2000000001', { token: admin, body: { ...rest, materials, visits: 0 } });
    expect(res.status).toBe(200);
    const got = await h.api('GET', '/items/2000000001', { token: kiosk });
    expect(got.body.materials.map((m: { name: string }) => m.name)).toEqual(['授权委托书', '居民身份证']);
    expect(got.body.visits).toBe(0);
    expect((await h.api('GET', '/items/NOPE', { token: kiosk })).status).toBe(404);
  });

  it('finds items by Chinese text, full pinyin and initials', async () => {
    await h.api('POST', '/items', { token: admin, body: testItem(3, { name: '临时救助', type: '05' }) });
    for (const q of ['户籍', 'huji', 'hj']) {
      const res = await h.api('GET', `/items?q=${encodeURIComponent(q)}`, { token: kiosk });
      expect(res.body.map((i: { name: string }) => i.name), q).toEqual(['户籍证明开具']);
    }
    const byType = await h.api('GET', '/items?type=05', { token: admin });
    expect(byType.body.map((i: { code: string }) => i.code)).toEqual(['2000000003']);
  });

  it('hides an inactive item from kiosks but not from the admin', async () => {
    const { code: _code, ...rest } = testItem(3, { name: '临时救助', type: '05' });
    await h.api('PUT', '/items/2000000003', { token: admin, body: { ...rest, active: false } });
    expect((await h.api('GET', '/items?q=lsjz', { token: kiosk })).body).toEqual([]);
    expect((await h.api('GET', '/items/2000000003', { token: kiosk })).status).toBe(404);
    expect((await h.api('GET', '/items?q=lsjz&active=false', { token: admin })).body).toHaveLength(1);
    expect((await h.api('GET', '/items/2000000003', { token: admin })).status).toBe(200);
    // Guides are public (the slip's QR code opens them on a phone): no token sees what a kiosk sees,
    // and asking for inactive items changes nothing.
    expect((await h.api('GET', '/items?q=lsjz&active=false')).body).toEqual([]);
    expect((await h.api('GET', '/items/2000000003')).status).toBe(404);
    expect((await h.api('GET', '/items?q=hj')).status).toBe(200);
    // A dead token on a public route is simply no token.
    expect((await h.api('GET', '/items?q=lsjz&active=false', { token: 'not-a-token' })).body).toEqual([]);
  });

  it('lets only the admin change the catalogue', async () => {
    const clerk = await h.userToken('clerk');
    expect((await h.api('POST', '/items', { token: clerk, body: testItem(4) })).status).toBe(403);
    expect((await h.api('POST', '/items', { token: kiosk, body: testItem(4) })).status).toBe(403);
  });
});

describe('the shipped catalogue', () => {
  it('loads into an empty catalogue once: at least 30 example items', async () => {
    const fresh = await startHall();
    try {
      expect(loadCatalogIfEmpty(fresh.db, fresh.clock)).toBeGreaterThanOrEqual(30);
      expect(loadCatalogIfEmpty(fresh.db, fresh.clock)).toBe(0);
      const token = await fresh.login('admin', ADMIN_PASSWORD);
      const all = await fresh.api('GET', '/items', { token });
      expect(all.body.length).toBeGreaterThanOrEqual(30);
      expect(all.body.every((i: { example: boolean }) => i.example)).toBe(true);
      const homestead = await fresh.api('GET', `/items?q=${encodeURIComponent('宅基地')}`, { token });
      expect(homestead.body[0].handlingLevel).toBe('county');
    } finally {
      await fresh.close();
    }
  });
});
