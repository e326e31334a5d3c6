// `npm run village` (DESIGN §5): the node's command line, parsed and checked before anything starts.
import { parseArgs } from 'node:util';
import { listenHost, logLevel as checkLogLevel, wholeNumber } from '../hall/cli-checks.js';
import type { DatabaseFiles } from '../../db/db-key.js';

/** The node's database: its own file and key (never the hall's), encrypted at rest like the hall's. */
export const VILLAGE_DATABASE_FILES: DatabaseFiles = { db: 'village.db', keyFile: 'village.db.key', keyEnv: 'VILLAGE_DB_KEY' };

export interface VillageOptions {
  data: string;
  port: number;
  host: string;
  /** Seconds between link cycles while there is work or the hall is reachable. */
  syncIntervalSeconds: number;
  /** The longest wait between tries of one record (the backoff's cap), in seconds. */
  retryCapSeconds: number;
  logLevel: string;
}

export class VillageCliError extends Error {}

export const VILLAGE_USAGE = `usage: npm run village -- [--data DIR] [--port N] [--host ADDR] [--sync-interval SECONDS]
                        [--retry-cap SECONDS] [--log-level LEVEL]`;

const fail = (message: string) => new VillageCliError(message);
const integer = (name: string, raw: string, min: number, max: number) => wholeNumber(fail, name, raw, min, max);

export function parseVillageArgs(argv: readonly string[]): VillageOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string', default: './village-data' },
        port: { type: 'string', default: '8630' },
        host: { type: 'string', default: '127.0.0.1' },
        'sync-interval': { type: 'string', default: '5' },
        'retry-cap': { type: 'string', default: '600' },
        'log-level': { type: 'string', default: 'info' },
      },
    }));
  } catch (err) {
    throw new VillageCliError((err as Error).message);
  }
  const host = listenHost(fail, values.host!);
  const logLevel = checkLogLevel(fail, values['log-level']!);
  return {
    data: values.data!,
    port: integer('port', values.port!, 0, 65535),
    host,
    syncIntervalSeconds: integer('sync-interval', values['sync-interval']!, 1, 3600),
    retryCapSeconds: integer('retry-cap', values['retry-cap']!, 1, 600),
    logLevel,
  };
}

/** Loopback addresses: the agent on this machine. */
export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
