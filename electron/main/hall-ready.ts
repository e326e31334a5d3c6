// Reading the hall service's output: it prints `hall listening on http://ADDR:PORT` once ready
// (DESIGN §5); everything else is log output.

export interface HallAddress {
  /** As printed, e.g. http://0.0.0.0:8620. */
  url: string;
  host: string;
  port: number;
}

const READY_PREFIX = 'hall listening on ';

export function parseReadyLine(line: string): HallAddress | null {
  const trimmed = line.replace(/\r$/, '');
  if (!trimmed.startsWith(READY_PREFIX)) return null;
  const printed = trimmed.slice(READY_PREFIX.length);
  if (/\s/.test(printed)) return null;
  let url: URL;
  try {
    url = new URL(printed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.port === '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  if (url.username !== '' || url.password !== '') return null;
  // `new URL` keeps IPv6 brackets in hostname; callers want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { url: printed.replace(/\/$/, ''), host, port: Number(url.port) };
}

const ADMIN_PASSWORD_MARK = 'admin password (shown once): ';

/**
 * The initial admin password the service prints once on a new database (not part of the CLI
 * contract, so matched loosely). In host mode nobody reads the service's stdout, so the main
 * process shows it to the operator instead, and keeps it out of the log.
 */
export function parseAdminPasswordLine(line: string): string | null {
  const at = line.indexOf(ADMIN_PASSWORD_MARK);
  if (at < 0) return null;
  const password = line.slice(at + ADMIN_PASSWORD_MARK.length).trim();
  return password === '' ? null : password;
}

/** Splits a byte stream into lines; a line cut across two chunks is held until its end arrives. */
export class LineSplitter {
  private pending = '';

  constructor(private readonly maxLineLength = 64 * 1024) {}

  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    // A runaway line without newline must not grow memory for ever.
    if (this.pending.length > this.maxLineLength) this.pending = this.pending.slice(-this.maxLineLength);
    return parts;
  }

  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}
