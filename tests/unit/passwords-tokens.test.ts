import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/hall/auth/passwords.js';
import { hashToken, newToken } from '../../electron/hall/auth/tokens.js';

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('正确的密码-123');
    const b = await hashPassword('正确的密码-123');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('正确的密码-123', a)).toBe(true);
    expect(await verifyPassword('正确的密码-124', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('tokens', () => {
  it('are 256 random bits, and the stored form is their SHA-256', () => {
    const t = newToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toHaveLength(32);
    expect(hashToken(t).equals(hashToken(t))).toBe(true);
  });
});
