// Host addresses as people type them ("192.168.1.10:8620") turned into an origin we can call.

/** An http(s) origin, or null if the text cannot be one. A missing scheme means http. */
export function normalizeHostUrl(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.origin;
}

/** The page's own origin when the host served it over http(s); empty under app:// or file://. */
export function servedOrigin(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}
