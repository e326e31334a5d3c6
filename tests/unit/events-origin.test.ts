import { describe, expect, it } from 'vitest';
import { socketOriginAllowed } from '../../electron/hall/events/origin.js';

describe('which pages may open the events socket', () => {
  it('lets in clients without Origin (the token decides), the desktop app and the host\'s own pages', () => {
    expect(socketOriginAllowed(undefined, '192.168.1.10:8620')).toBe(true);
    expect(socketOriginAllowed('app://hall', '192.168.1.10:8620')).toBe(true);
    expect(socketOriginAllowed('http://192.168.1.10:8620', '192.168.1.10:8620')).toBe(true);
    expect(socketOriginAllowed('https://hall.local', 'hall.local:443')).toBe(true);
    expect(socketOriginAllowed('http://hall.local', 'HALL.local:80')).toBe(true);
    expect(socketOriginAllowed('http://[::1]:8620', '[::1]:8620')).toBe(true);
  });

  it('refuses every other page', () => {
    const host = '192.168.1.10:8620';
    for (const origin of [
      'http://evil.example',
      'http://192.168.1.10:8621',
      'http://192.168.1.10',
      'https://192.168.1.10:8620.evil.example',
      'http://192.168.1.10:8620/path',
      'http://user@192.168.1.10:8620',
      'null',
      '',
      'file://',
      'app://hall.evil',
      'APP://hall',
      'ws://192.168.1.10:8620',
    ]) {
      expect({ origin, allowed: socketOriginAllowed(origin, host) }).toEqual({ origin, allowed: false });
    }
  });

  it('refuses a page when the request names no usable Host', () => {
    expect(socketOriginAllowed('http://192.168.1.10:8620', undefined)).toBe(false);
    expect(socketOriginAllowed('http://192.168.1.10:8620', 'a b')).toBe(false);
    expect(socketOriginAllowed('http://evil.example/', 'evil.example/')).toBe(false);
  });
});
