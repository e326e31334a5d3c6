// The headless host's command line (DESIGN §5), parsed and checked before anything starts.
import { parseArgs } from 'node:util';
import { listenHost, logLevel as checkLogLevel, wholeNumber } from './cli-checks.js';

export interface HallOptions {
  data: string;
  port: number;
  host: string;
  adminPassword: string | null;
  demo: boolean;
  countyUrl: string | null;
  countyKey: string | null;
  hallCode: string | null;
  syncIntervalSeconds: number;
  /** Whether --sync-interval was given: only then does it replace the interval the admin stored. */
  syncIntervalGiven: boolean;
  logLevel: string;
  /** `--reset-admin-password`: set user admin's password (--admin-password or a random one) and exit. */
  resetAdminPassword: boolean;
  /** `--restore FILE`: replace the hall database with this backup (checked first), then serve. */
  restore: string | null;
  /** `--group-commit off`: one commit per write request, for comparison (group-commit.ts). */
  groupCommit: boolean;
}

export class CliError extends Error {}

export const USAGE = `usage: npm run serve -- [--data DIR] [--port N] [--host ADDR] [--admin-password PW] [--demo]
                      [--county-url URL] [--county-key KEY] [--hall-code CODE] [--sync-interval SECONDS]
                      [--log-level LEVEL] [--restore BACKUP_FILE] [--group-commit on|off]
       npm run serve -- --reset-admin-password [--data DIR] [--admin-password PW]
                      (on the host, with the hall stopped: new password for user admin, printed once)`;

const fail = (message: string) => new CliError(message);
const integer = (name: string, raw: string, min: number, max: number) => wholeNumber(fail, name, raw, min, max);

export function parseHallArgs(argv: readonly string[]): HallOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string', default: './data' },
        port: { type: 'string', default: '8620' },
        host: { type: 'string', default: '127.0.0.1' },
        'admin-password': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'county-url': { type: 'string' },
        'county-key': { type: 'string' },
        'hall-code': { type: 'string' },
        'sync-interval': { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        'reset-admin-password': { type: 'boolean', default: false },
        restore: { type: 'string' },
        'group-commit': { type: 'string', default: 'on' },
      },
    }));
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const host = listenHost(fail, values.host!);
  const adminPassword = values['admin-password'] ?? null;
  if (adminPassword !== null && (adminPassword.length < 8 || adminPassword.length > 128)) {
    throw new CliError('--admin-password must be 8 to 128 characters');
  }
  const countyUrl = values['county-url'] ?? null;
  if (countyUrl !== null) {
    let protocol = '';
    try {
      protocol = new URL(countyUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') throw new CliError(`--county-url must be an http(s) URL, got "${countyUrl}"`);
  }
  const hallCode = values['hall-code'] ?? null;
  if (hallCode !== null && !/^\d{6,12}$/.test(hallCode)) throw new CliError('--hall-code must be 6 to 12 digits (the hall\'s division code)');
  const logLevel = checkLogLevel(fail, values['log-level']!);
  const groupCommit = values['group-commit']!;
  if (groupCommit !== 'on' && groupCommit !== 'off') throw new CliError(`--group-commit must be on or off, got "${groupCommit}"`);
  const restore = values.restore ?? null;
  if (restore !== null && restore.trim() === '') throw new CliError('--restore needs the path of a backup file');
  return {
    data: values.data!,
    port: integer('port', values.port!, 0, 65535),
    host,
    adminPassword,
    demo: values.demo!,
    countyUrl,
    countyKey: values['county-key'] ?? null,
    hallCode,
    // From 1 s so tests and a hall trying its set-up against the simulator need not wait; 300 s by default.
    syncIntervalSeconds: values['sync-interval'] === undefined ? 300 : integer('sync-interval', values['sync-interval'], 1, 86_400),
    syncIntervalGiven: values['sync-interval'] !== undefined,
    logLevel,
    resetAdminPassword: values['reset-admin-password']!,
    restore,
    groupCommit: groupCommit === 'on',
  };
}
