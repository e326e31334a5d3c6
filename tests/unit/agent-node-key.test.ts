// The agent page on a LAN village node: the access key as the page reads it (from the link the node
// prints, its `#key=` part, or the bare key; anything else is refused rather than sent), and request
// ids made where crypto.randomUUID is missing (plain http to a LAN address is not a secure context).
import { describe, expect, it } from 'vitest';
import { keyFromText } from '../../renderer/agent/node-key.js';
import { uuidFromBytes } from '../../renderer/agent/request-id.js';

const KEY = 'a1'.repeat(32);

describe('the node access key from what the agent has', () => {
  it('takes it from the printed link, its fragment or the bare key', () => {
    expect(keyFromText(`http://192.168.1.20:8630/#key=${KEY}`)).toBe(KEY);
    expect(keyFromText(`  http://[fd00::2]:8630/#key=${KEY.toUpperCase()}\n`)).toBe(KEY);
    expect(keyFromText(`#key=${KEY}`)).toBe(KEY);
    expect(keyFromText(KEY)).toBe(KEY);
  });

  it('refuses a link without a key, a short key and other text', () => {
    expect(keyFromText('http://192.168.1.20:8630/')).toBeNull();
    expect(keyFromText(`http://192.168.1.20:8630/?key=${KEY}`)).toBeNull();
    expect(keyFromText(KEY.slice(2))).toBeNull();
    expect(keyFromText('village node listening on http://192.168.1.20:8630')).toBeNull();
    expect(keyFromText('')).toBeNull();
  });
});

describe('a new request id on the page', () => {
  it('is a version-4 UUID from 16 random bytes, made without crypto.randomUUID (absent over plain http)', () => {
    expect(uuidFromBytes(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(() => uuidFromBytes(new Uint8Array(15))).toThrow();
  });
});
