import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/shared/api-error';
import { checkSetup, formFromSetup, onKnownDisplays } from '../../renderer/setup/setup-model';
import { deviceState, isLoopbackHost, pairingPagePath } from '../../renderer/staff/admin/device-state';
import { userPatch } from '../../renderer/staff/admin/user-patch';
import { checkPairing, pairingCodeFromHash, pairingProblemFrom } from '../../renderer/terminal/pairing';

describe('checkPairing', () => {
  it('accepts a device of exactly this page\'s kind', () => {
    expect(checkPairing({ kind: 'device', device: { id: 3, name: '大厅取号机', kind: 'kiosk' } }, 'kiosk')).toEqual({
      ok: true,
      device: { id: 3, name: '大厅取号机', kind: 'kiosk' },
    });
  });
  it('refuses a device of another kind, and a user token', () => {
    expect(checkPairing({ kind: 'device', device: { id: 3, name: 'x', kind: 'display' } }, 'kiosk')).toEqual({
      ok: false,
      problem: { field: 'token', key: 'pairing.wrongKind', params: { kind: 'display', expected: 'kiosk' } },
    });
    expect(checkPairing({ kind: 'user', user: { id: 1, username: 'a', role: 'admin', displayName: 'A' } }, 'rating')).toMatchObject({
      ok: false,
      problem: { key: 'pairing.notDevice' },
    });
  });
  it('says what went wrong with the check itself', () => {
    expect(pairingProblemFrom(new ApiError(401, 'unauthorized', ''))).toEqual({ field: 'token', key: 'pairing.badCode' });
    expect(pairingProblemFrom(new ApiError(0, 'unreachable', ''))).toEqual({ field: 'hostUrl', key: 'errors.unreachable' });
    expect(pairingProblemFrom(new ApiError(404, 'not_found', ''))).toEqual({ field: 'hostUrl', key: 'pairing.notAHost' });
    expect(pairingProblemFrom(new Error('x'))).toEqual({ field: null, key: 'errors.internal' });
  });
});

describe('device facts', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('names the state', () => {
    expect(deviceState({ revoked: true, tokenExpiresAt: '2030-01-01T00:00:00Z' }, now)).toBe('revoked');
    expect(deviceState({ revoked: false, tokenExpiresAt: '2025-01-01T00:00:00Z' }, now)).toBe('expired');
    expect(deviceState({ revoked: false, tokenExpiresAt: '2030-01-01T00:00:00Z' }, now)).toBe('active');
  });
  it('knows which page each kind pairs on, and which hosts are loopback', () => {
    expect(pairingPagePath('kiosk')).toBe('/kiosk');
    expect(pairingPagePath('counter')).toBeNull();
    expect(isLoopbackHost('http://127.0.0.1:8620')).toBe(true);
    expect(isLoopbackHost('http://localhost:8620')).toBe(true);
    expect(isLoopbackHost('http://192.168.1.10:8620')).toBe(false);
  });
});

describe('userPatch', () => {
  const user = { id: 2, username: 'li', role: 'clerk' as const, displayName: '李四', active: true, createdAt: '', lastLoginAt: null };
  it('sends only what changed; an empty password keeps the old one', () => {
    expect(userPatch(user, { displayName: '李四', role: 'clerk', active: true, password: '' })).toEqual({});
    expect(userPatch(user, { displayName: '李四', role: 'backoffice', active: false, password: 'newpass123' })).toEqual({
      role: 'backoffice',
      active: false,
      password: 'newpass123',
    });
  });
});

describe('set-up form', () => {
  it('starts as a host with the staff window on a first run', () => {
    const form = formFromSetup(null);
    expect(form.mode).toBe('host');
    expect(form.windows.staff.open).toBe(true);
    expect(form.windows.kiosk.open).toBe(false);
  });

  it('builds the AppSetup for a host, with pairing codes only where given', () => {
    const form = formFromSetup(null);
    form.port = '8631';
    form.listenOnLan = true;
    form.windows.kiosk = { open: true, displayId: 7, pairingCode: '  code-1 ' };
    form.windows.display = { open: true, displayId: 0, pairingCode: '' };
    form.pin = '1234';
    form.pinAgain = '1234';
    expect(checkSetup(form)).toEqual({
      ok: true,
      pin: '1234',
      adminPassword: null,
      setup: {
        mode: 'host',
        hostUrl: 'http://127.0.0.1:8631',
        listenOnLan: true,
        port: 8631,
        windows: [
          { role: 'staff', displayId: 0 },
          { role: 'kiosk', displayId: 7, deviceToken: 'code-1' },
          { role: 'display', displayId: 0 },
        ],
        autoStart: true,
      },
    });
  });

  it('asks a new hall host for the first admin password, and only then', () => {
    const form = formFromSetup(null);
    form.pin = '1234';
    form.pinAgain = '1234';
    expect(checkSetup(form, false)).toEqual({ ok: false, errors: { adminPassword: 'setup.errors.adminPassword' } });
    form.adminPassword = 'Hall-admin-2026';
    form.adminPasswordAgain = 'Hall-admin-2025';
    expect(checkSetup(form, false)).toEqual({ ok: false, errors: { adminPasswordAgain: 'setup.errors.adminPasswordMismatch' } });
    form.adminPasswordAgain = 'Hall-admin-2026';
    expect(checkSetup(form, false)).toMatchObject({ ok: true, adminPassword: 'Hall-admin-2026' });
    expect(checkSetup(form, true)).toMatchObject({ ok: true, adminPassword: null });
    form.mode = 'terminal';
    form.hostUrl = 'http://192.168.1.20:8620';
    expect(checkSetup(form, false)).toMatchObject({ ok: true, adminPassword: null });
  });

  it('names each wrong field', () => {
    const form = formFromSetup(null);
    form.mode = 'terminal';
    form.hostUrl = 'ftp://x';
    form.windows.staff.open = false;
    form.pin = '12';
    expect(checkSetup(form)).toEqual({ ok: false, errors: { hostUrl: 'host.invalidAddress', windows: 'setup.errors.noWindow', pin: 'setup.errors.pin' } });
    form.pin = '123456';
    form.pinAgain = '654321';
    form.hostUrl = '10.0.0.2:8620';
    form.windows.staff.open = true;
    expect(checkSetup(form)).toEqual({ ok: false, errors: { pinAgain: 'setup.errors.pinMismatch' } });
    form.mode = 'host';
    form.port = '70000';
    form.pinAgain = '123456';
    expect(checkSetup(form)).toEqual({ ok: false, errors: { port: 'setup.errors.port' } });
  });

  it('moves windows off displays that are no longer attached', () => {
    const form = formFromSetup({ mode: 'host', hostUrl: 'http://127.0.0.1:8620', listenOnLan: false, port: 8620, windows: [{ role: 'kiosk', displayId: 9 }, { role: 'staff', displayId: 5 }] });
    const known = onKnownDisplays(form, [{ id: 4, primary: false }, { id: 5, primary: true }]);
    expect(known.windows.kiosk.displayId).toBe(5);
    expect(known.windows.staff.displayId).toBe(5);
    expect(onKnownDisplays(form, [])).toBe(form);
  });

  it('refills the form from a saved set-up', () => {
    const form = formFromSetup({ mode: 'terminal', hostUrl: 'http://10.0.0.2:8620', listenOnLan: false, port: 8620, windows: [{ role: 'rating', displayId: 2, deviceToken: 'r1' }] });
    expect(form.hostUrl).toBe('http://10.0.0.2:8620');
    expect(form.windows.staff.open).toBe(false);
    expect(form.windows.rating).toEqual({ open: true, displayId: 2, pairingCode: 'r1' });
  });
});

describe('pairingCodeFromHash', () => {
  it('reads #pair=<code> and nothing else', () => {
    expect(pairingCodeFromHash('#pair=abc-DEF_123')).toBe('abc-DEF_123');
    expect(pairingCodeFromHash('pair=x&y=1')).toBe('x');
    expect(pairingCodeFromHash('#pair=')).toBeNull();
    expect(pairingCodeFromHash('#/admin/users')).toBeNull();
    expect(pairingCodeFromHash('')).toBeNull();
  });
});
