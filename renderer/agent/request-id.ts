// A new request's id, made on the page (the node keeps drafts under it). Not crypto.randomUUID():
// browsers give that only to secure contexts, and a tablet opens a LAN node over plain http
// (http://192.168.x.x:8630 is not one), where calling it ended the page before it drew.
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('a UUID takes 16 bytes');
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newRequestId(): string {
  return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}
