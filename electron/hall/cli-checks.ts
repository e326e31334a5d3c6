// Checks of the command-line options the hall host and the village node share (DESIGN §5). Each
// takes the error its program reports, so each command line keeps its own error type.
import { isIP } from 'node:net';

export type Fail = (message: string) => Error;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function wholeNumber(fail: Fail, name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw fail(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

export function listenHost(fail: Fail, host: string): string {
  if (host !== 'localhost' && isIP(host) === 0) throw fail(`--host must be an IP address, got "${host}"`);
  return host;
}

export function logLevel(fail: Fail, level: string): string {
  if (!LOG_LEVELS.includes(level)) throw fail(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return level;
}
