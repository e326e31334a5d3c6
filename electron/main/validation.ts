// Run-time checks for values that cross into the main process from a page or from disk. The
// renderer is untrusted, so types alone prove nothing: every field is checked and nothing extra
// is let through.
import type { PrintRequest, TerminalConfig, TerminalRole } from '../contract/desktop.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const TERMINAL_ROLES: readonly TerminalRole[] = ['staff', 'kiosk', 'display', 'rating'];

/** Chromium cannot load a data: URL much beyond this, and no slip or notice comes near it. */
export const MAX_PRINT_HTML_BYTES = 2 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;
const MAX_TOKEN_LENGTH = 512;
const MAX_PRINTER_NAME_LENGTH = 256;
/** Narrowest thermal roll (~40 mm) to a wide-format sheet; Chromium refuses < 353 µm anyway. */
const MIN_PAGE_WIDTH_MICRONS = 20_000;
const MAX_PAGE_WIDTH_MICRONS = 1_000_000;
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 64;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Names the first key not in `allowed`, so a typo in the page is an error, not silently lost. */
export function unknownKey(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  return Object.keys(value).find((key) => !allowed.includes(key)) ?? null;
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isTerminalRole(value: unknown): value is TerminalRole {
  return typeof value === 'string' && (TERMINAL_ROLES as readonly string[]).includes(value);
}

export function isDeviceToken(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH && !CONTROL_CHARS.test(value);
}

export function validateTerminalConfig(value: unknown): Checked<TerminalConfig> {
  if (!isPlainObject(value)) return { ok: false, error: 'config: must be an object' };
  const extra = unknownKey(value, ['hostUrl', 'deviceToken', 'role']);
  if (extra !== null) return { ok: false, error: `config.${extra}: unknown field` };
  if (!isHttpUrl(value.hostUrl)) return { ok: false, error: 'config.hostUrl: must be an http or https URL' };
  if (!isTerminalRole(value.role)) return { ok: false, error: `config.role: must be one of ${TERMINAL_ROLES.join(', ')}` };
  if (value.deviceToken !== undefined && !isDeviceToken(value.deviceToken)) {
    return { ok: false, error: 'config.deviceToken: must be a non-empty string without control characters' };
  }
  const config: TerminalConfig = { hostUrl: value.hostUrl, role: value.role };
  if (value.deviceToken !== undefined) config.deviceToken = value.deviceToken;
  return { ok: true, value: config };
}

export function validatePrintRequest(value: unknown): Checked<PrintRequest> {
  if (!isPlainObject(value)) return { ok: false, error: 'request: must be an object' };
  const extra = unknownKey(value, ['html', 'printerName', 'pageWidthMicrons']);
  if (extra !== null) return { ok: false, error: `request.${extra}: unknown field` };
  const { html, printerName, pageWidthMicrons } = value;
  if (typeof html !== 'string' || html.length === 0) return { ok: false, error: 'request.html: must be a non-empty string' };
  if (Buffer.byteLength(html, 'utf8') > MAX_PRINT_HTML_BYTES) return { ok: false, error: 'request.html: larger than 2 MB' };
  if (typeof printerName !== 'string' || printerName.length > MAX_PRINTER_NAME_LENGTH || CONTROL_CHARS.test(printerName)) {
    return { ok: false, error: 'request.printerName: must be a printer name (may be empty)' };
  }
  if (
    pageWidthMicrons !== undefined &&
    (typeof pageWidthMicrons !== 'number' ||
      !Number.isInteger(pageWidthMicrons) ||
      pageWidthMicrons < MIN_PAGE_WIDTH_MICRONS ||
      pageWidthMicrons > MAX_PAGE_WIDTH_MICRONS)
  ) {
    return { ok: false, error: `request.pageWidthMicrons: must be an integer from ${MIN_PAGE_WIDTH_MICRONS} to ${MAX_PAGE_WIDTH_MICRONS}` };
  }
  const request: PrintRequest = { html, printerName };
  if (pageWidthMicrons !== undefined) request.pageWidthMicrons = pageWidthMicrons;
  return { ok: true, value: request };
}

/** An admin PIN as typed on a kiosk's keypad or a keyboard. */
export function isValidPin(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= MIN_PIN_LENGTH &&
    value.length <= MAX_PIN_LENGTH &&
    !CONTROL_CHARS.test(value)
  );
}
