import { describe, expect, it } from 'vitest';
import { ROLES } from '../../electron/contract/api.js';
import { matchPath, navFor, parseHashPath, resolveRoute } from '../../renderer/staff/routes';

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
    expect(navFor('admin').map((s) => s.id)).toEqual(['home', 'users', 'devices', 'queue', 'catalog', 'calendar', 'sync', 'cases', 'audit', 'dashboard', 'reports', 'workOrders', 'backup', 'villages', 'agentRequests']);
    expect(navFor('clerk').map((s) => s.id)).toEqual(['home', 'counter', 'intake', 'cases', 'workOrders', 'agentRequests']);
    expect(navFor('supervisor').map((s) => s.id)).toEqual(['home', 'sync', 'cases', 'dashboard', 'reports', 'workOrders', 'agentRequests']);
    expect(navFor('backoffice').map((s) => s.id)).toEqual(['home', 'cases', 'workOrders', 'agentRequests']);
    // An agent signed in at the hall reads their villages' requests (the agent's own screens are the node's).
    expect(navFor('agent').map((s) => s.id)).toEqual(['home', 'agentRequests']);
  });
});

describe('case routes', () => {
  it('opens one case by its id for the case roles, with the id as a parameter', () => {
    for (const role of ['backoffice', 'clerk', 'supervisor', 'admin'] as const) {
      expect(resolveRoute('#/cases/42', role), role).toMatchObject({ status: 'ok', screen: { id: 'case' }, params: { id: '42' } });
      expect(resolveRoute('#/cases?warning=red', role), role).toMatchObject({ status: 'ok', screen: { id: 'cases' } });
    }
    expect(resolveRoute('#/cases/42/', 'backoffice')).toMatchObject({ status: 'ok', params: { id: '42' } });
  });

  it('refuses other roles and anything that is not a case id', () => {
    for (const role of ROLES.filter((r) => !['backoffice', 'clerk', 'supervisor', 'admin'].includes(r))) {
      expect(resolveRoute('#/cases/42', role).status, role).toBe('forbidden');
    }
    expect(resolveRoute('#/cases/abc', 'backoffice').status).toBe('not_found');
    expect(resolveRoute('#/cases/0', 'backoffice').status).toBe('not_found');
    expect(resolveRoute('#/cases/42/x', 'backoffice').status).toBe('not_found');
  });

  it('keeps one case out of the menu and the audit check for administrators', () => {
    expect(navFor('backoffice').some((s) => s.id === 'case')).toBe(false);
    expect(resolveRoute('#/admin/audit', 'admin')).toMatchObject({ status: 'ok', screen: { id: 'audit' } });
    expect(resolveRoute('#/admin/audit', 'backoffice').status).toBe('forbidden');
  });
});

describe('matchPath', () => {
  it('matches digit segments only', () => {
    expect(matchPath('/cases/:id', '/cases/7')).toEqual({ id: '7' });
    expect(matchPath('/cases/:id', '/cases')).toBeNull();
    expect(matchPath('/cases/:id', '/cases/1e3')).toBeNull();
  });
});
