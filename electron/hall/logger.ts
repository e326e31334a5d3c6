// pino, with personal data and secrets kept out: tokens, passwords, ID numbers and phones are
// redacted wherever they appear in a logged object, and URLs are logged without their query.
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  'token',
  'deviceToken',
  'countyKey',
  'idNumber',
  'phone',
  'mobile',
  '*.password',
  '*.token',
  '*.deviceToken',
  '*.countyKey',
  '*.idNumber',
  '*.phone',
  '*.mobile',
];

/** Drops the query string: /api/v1/events?token=… must not reach the log. */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

// Synchronous writes: a line is on disk before the next request, so a killed host leaves a complete
// log, and an early exit (a refused database) cannot race an unopened stream.
export function createLogger(options: { level?: string; file?: string | null }): Logger {
  const destination = options.file ? pino.destination({ dest: options.file, mkdir: true, sync: true }) : pino.destination(2);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: pathOnly(req.url), ip: req.ip }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}
