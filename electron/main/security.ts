// The one place where the shell's security settings live (STYLE §6, Electron security checklist).
// Installed once at start, before any window exists, so no web contents escapes it.
import { shell } from 'electron';
import type { App, IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';

/** The only origin our own pages are served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hall';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Sites a page may ask the OS browser to open. Exact host names: a suffix or substring test would
 * let `www.gjzwfw.gov.cn.evil.com` through.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'www.gjzwfw.gov.cn', // 国家政务服务平台
  'zwfw.jiangsu.gov.cn', // 江苏政务服务网
];

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for our own pages: app://hall/… with no user info or port that could confuse a check. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export function isAllowedExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname)
  );
}

/** http(s) origin of a hall host plus the matching ws(s) origin, or none when the URL is unusable. */
function hostOrigins(hostUrl: string): string[] {
  const parsed = parseUrl(hostUrl);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return [];
  const socketScheme = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  return [parsed.origin, `${socketScheme}//${parsed.host}`];
}

/**
 * The CSP sent with every app:// response. Pages may talk only to themselves and to the hall
 * host(s) they are configured for; no eval, no plugins, no framing, no form posts elsewhere.
 */
export function contentSecurityPolicy(hostUrls: string | readonly string[] | null): string {
  const hosts = hostUrls === null ? [] : typeof hostUrls === 'string' ? [hostUrls] : hostUrls;
  const connect = ["'self'", ...new Set(hosts.flatMap(hostOrigins))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Inline styles: React's style props and ag-grid set element styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * webPreferences for every window we open. The preload is optional because the print window
 * runs untrusted-looking HTML with no bridge at all.
 */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
  };
}

/**
 * Web contents that may load exactly one URL and nothing else (the print window's data: document).
 * Keyed weakly so a closed window's entry goes with it.
 */
const singleUrlContents = new WeakMap<WebContents, string>();

/** Restricts `contents` to the one URL it is about to load; no app:// page, no other URL. */
export function allowOnlyUrl(contents: WebContents, url: string): void {
  singleUrlContents.set(contents, url);
}

export function isNavigationAllowed(contents: WebContents, url: string): boolean {
  const only = singleUrlContents.get(contents);
  if (only !== undefined) return url === only;
  return isAppUrl(url);
}

/** Navigation, new windows and webviews for one web contents: all denied but our own pages. */
export function guardWebContents(contents: WebContents): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isNavigationAllowed(contents, event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The page never gets a window of ours; a government site may open in the citizen's browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Decides a Local Network Access permission for a page (lan-permission.ts); the print window's
 * session has none, so it is refused there like everything else.
 */
export type LocalNetworkRule = (contents: WebContents | null, permission: string, requestingUrl: string | undefined) => boolean;

/**
 * No camera, microphone, location, notifications, clipboard reads or devices for any page. Only
 * Local Network Access may be granted, and only by `localNetwork`.
 */
export function denyAllPermissions(session: Session, localNetwork: LocalNetworkRule = () => false): void {
  // `details` read defensively: a call without it (an older Electron, a test) is judged on no URL, so refused.
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(localNetwork(contents, permission, (details as { requestingUrl?: string } | undefined)?.requestingUrl)),
  );
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    localNetwork(contents, permission, (details as { requestingUrl?: string } | undefined)?.requestingUrl ?? requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

export function installSecurity(app: App, session: Session, localNetwork?: LocalNetworkRule): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  denyAllPermissions(session, localNetwork);
}

/**
 * Every IPC handler asks this first: the call must come from a frame showing one of our own
 * pages. A frame that is gone, or any other origin (a navigated-away page, an iframe), is refused.
 */
export function checkIpcSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && isAppUrl(frame.url);
  } catch {
    // Reading a disposed frame throws; such a sender cannot be trusted.
    return false;
  }
}
