import { describe, expect, it } from 'vitest';
import { CliError, parseHallArgs } from '../../electron/hall/config.js';

describe('parseHallArgs', () => {
  it('has the defaults of DESIGN §5', () => {
    expect(parseHallArgs([])).toEqual({
      data: './data',
      port: 8620,
      host: '127.0.0.1',
      adminPassword: null,
      demo: false,
      countyUrl: null,
      countyKey: null,
      hallCode: null,
      syncIntervalSeconds: 300,
      syncIntervalGiven: false,
      logLevel: 'info',
      resetAdminPassword: false,
      restore: null,
      groupCommit: true,
    });
  });

  it('reads --restore FILE and --group-commit on|off', () => {
    expect(parseHallArgs(['--restore', '/media/usb/hall-2026-03-02.db'])).toMatchObject({ restore: '/media/usb/hall-2026-03-02.db', groupCommit: true });
    expect(parseHallArgs(['--group-commit', 'off'])).toMatchObject({ groupCommit: false });
    expect(() => parseHallArgs(['--group-commit', 'maybe'])).toThrow(CliError);
    expect(() => parseHallArgs(['--restore', ' '])).toThrow(CliError);
  });

  it('reads --reset-admin-password with or without a chosen password', () => {
    expect(parseHallArgs(['--reset-admin-password', '--data', '/srv/hall'])).toMatchObject({ resetAdminPassword: true, data: '/srv/hall', adminPassword: null });
    expect(parseHallArgs(['--reset-admin-password', '--admin-password', 'new-secret-1'])).toMatchObject({ resetAdminPassword: true, adminPassword: 'new-secret-1' });
    expect(() => parseHallArgs(['--reset-admin-password', '--admin-password', 'short'])).toThrow('--admin-password must be 8 to 128 characters');
  });

  it('reads every flag', () => {
    const o = parseHallArgs([
      '--data', '/srv/hall', '--port', '9000', '--host', '0.0.0.0', '--admin-password', 'secret-pw', '--demo',
      '--county-url', 'https://county.example/api', '--county-key', 'k', '--hall-code', '320722100', '--sync-interval', '60',
    ]);
    expect(o).toMatchObject({ data: '/srv/hall', port: 9000, host: '0.0.0.0', adminPassword: 'secret-pw', demo: true, countyUrl: 'https://county.example/api', countyKey: 'k', hallCode: '320722100', syncIntervalSeconds: 60, syncIntervalGiven: true });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /port/],
    [['--host', 'example.com'], /--host/],
    [['--admin-password', '1234'], /--admin-password/],
    [['--county-url', 'ftp://x'], /--county-url/],
    [['--hall-code', 'abc'], /--hall-code/],
    [['--sync-interval', '0'], /--sync-interval/],
    [['--sync-interval', '86401'], /--sync-interval/],
    [['--unknown'], /unknown/i],
    [['extra'], /positional|unexpected/i],
  ])('refuses %j naming the flag', (args, message) => {
    expect(() => parseHallArgs(args)).toThrow(CliError);
    expect(() => parseHallArgs(args)).toThrow(message);
  });
});
