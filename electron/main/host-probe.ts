// "Test the connection" on a terminal's pairing screen: the page may reach only the host its CSP
// names (the saved one), so a newly typed address is tried from the main process instead, before
// it is saved. Only GET /api/v1/health of that address; nothing of the answer but version and name.
import type { HostProbe } from '../contract/desktop.js';
import { isHttpUrl } from './validation.js';

export const HOST_PROBE_TIMEOUT_MS = 5_000;

type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'error'; headers: Record<string, string> }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** The typed address reduced to its origin (a pasted page link still finds the host), or null. */
export function hostOrigin(hostUrl: string): string | null {
  if (!isHttpUrl(hostUrl)) return null;
  const url = new URL(hostUrl);
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

export async function probeHost(hostUrl: string, fetchImpl: FetchLike = fetch, timeoutMs = HOST_PROBE_TIMEOUT_MS): Promise<HostProbe> {
  const origin = hostOrigin(hostUrl);
  if (origin === null) return { ok: false, error: 'invalid_url' };
  let body: unknown;
  try {
    const response = await fetchImpl(`${origin}/api/v1/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return { ok: false, error: 'not_a_hall' };
    body = await response.json();
  } catch (error) {
    // A JSON body that does not parse comes from something that is not a hall.
    return { ok: false, error: error instanceof SyntaxError ? 'not_a_hall' : 'unreachable' };
  }
  const health = body as { ok?: unknown; version?: unknown; hallName?: unknown } | null;
  if (health === null || typeof health !== 'object' || health.ok !== true || typeof health.version !== 'string') {
    return { ok: false, error: 'not_a_hall' };
  }
  return { ok: true, version: health.version.slice(0, 40), hallName: typeof health.hallName === 'string' ? health.hallName.slice(0, 100) : null };
}
