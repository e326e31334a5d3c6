import { describe, expect, it } from 'vitest';
import { ROLES } from '../../electron/contract/api.js';
import { navFor, parseHashPath, resolveRoute } from '../../renderer/staff/routes';

describe('parseHashPath', () => {
  it('normalises the hash to a path', () => {
    expect(parseHashPath('')).toBe('/');
    expect(parseHashPath('#')).toBe('/');
    expect(parseHashPath('#/')).toBe('/');
    expect(parseHashPath('#/admin/users')).toBe('/admin/users');
    expect(parseHashPath('#/admin/users/')).toBe('/admin/users');
    expect(parseHashPath('#admin//devices?x=1')).toBe('/admin/devices');
  });
});

describe('resolveRoute', () => {
  it('lets an administrator open the admin screens', () => {
    expect(resolveRoute('#/admin/users', 'admin')).toMatchObject({ status: 'ok', screen: { id: 'users' } });
    expect(resolveRoute('#/admin/devices', 'admin')).toMatchObject({ status: 'ok', screen: { id: 'devices' } });
    expect(resolveRoute('#/admin/calendar', 'admin')).toMatchObject({ status: 'ok', screen: { id: 'calendar' } });
  });

  it('says "forbidden" to every other role that types an admin address', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(resolveRoute('#/admin/users', role).status, role).toBe('forbidden');
      expect(resolveRoute('#/admin/devices/', role).status, role).toBe('forbidden');
      expect(resolveRoute('#/', role).status, role).toBe('ok');
    }
  });

  it('says "not found" for an unknown address', () => {
    expect(resolveRoute('#/nowhere', 'admin')).toEqual({ status: 'not_found', path: '/nowhere' });
  });
});

describe('navFor', () => {
  it('lists the admin screens for administrators only', () => {
    expect(navFor('admin').map((s) => s.id)).toEqual(['home', 'users', 'devices', 'queue', 'catalog', 'calendar', 'sync']);
    expect(navFor('clerk').map((s) => s.id)).toEqual(['home', 'counter']);
    expect(navFor('supervisor').map((s) => s.id)).toEqual(['home', 'sync']);
    for (const role of ROLES.filter((r) => !['admin', 'clerk', 'supervisor'].includes(r))) expect(navFor(role).map((s) => s.id), role).toEqual(['home']);
  });
});
