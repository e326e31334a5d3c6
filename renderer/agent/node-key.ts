// The village node's access key on the agent's page. A node bound to a LAN address (a tablet on the
// station's Wi-Fi) asks callers from other machines for its key (electron/village/local-access.ts);
// the node prints a link `http://ADDR:PORT/#key=…` for the tablet. The page takes the key from that
// link once, keeps it in this browser and takes it out of the address bar, then sends it with every call.
const STORAGE_KEY = 'village-node-key';
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The key in what the agent pasted: the node's whole link, its `#key=…` part, or the bare key. */
export function keyFromText(text: string): string | null {
  const trimmed = text.trim();
  let fragment = trimmed;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      fragment = new URL(trimmed).hash;
    } catch {
      return null;
    }
  }
  const value = new URLSearchParams(fragment.replace(/^#/, '')).get('key') ?? fragment;
  const key = value.trim().toLowerCase();
  return KEY_PATTERN.test(key) ? key : null;
}

export function nodeKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberNodeKey(key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // No storage: the key lasts while the page is open.
  }
  sessionKey = key;
}

let sessionKey: string | null = null;

/** The key to send: the one taken this session, else the one kept in this browser. */
export function currentNodeKey(): string | null {
  return sessionKey ?? nodeKey();
}

/** At start: a `#key=…` in the address is taken and removed, so it is neither shown nor bookmarked. */
export function takeKeyFromAddress(location: Location, history: History): void {
  if (!location.hash.includes('key=')) return;
  const key = keyFromText(location.hash);
  if (key) rememberNodeKey(key);
  history.replaceState(null, '', location.pathname + location.search);
}
