import { describe, expect, it, vi } from 'vitest';
import { parseSession, SESSION_STORAGE_KEY, SessionStore } from '../../renderer/shared/session-store';
import type { KeyValueStore } from '../../renderer/shared/terminal-store';

const user = { id: 1, username: 'admin', role: 'admin' as const, displayName: '管理员' };
const login = { token: 'tok', expiresAt: '2030-01-01T00:00:00Z', user };

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('parseSession', () => {
  it('reads a stored session until it expires', () => {
    const raw = JSON.stringify(login);
    expect(parseSession(raw, new Date('2029-12-31T23:59:59Z'))?.token).toBe('tok');
    expect(parseSession(raw, new Date('2030-01-01T00:00:00Z'))).toBeNull();
    expect(parseSession('{"token":"x"}', new Date())).toBeNull();
    expect(parseSession('garbage', new Date())).toBeNull();
  });
});

describe('SessionStore', () => {
  it('keeps the login in hall.session and tells listeners', () => {
    const store = memoryStore();
    const sessions = new SessionStore(store, new Date('2029-01-01T00:00:00Z'));
    const listener = vi.fn();
    sessions.subscribe(listener);
    sessions.signIn(login);
    expect(JSON.parse(store.data.get(SESSION_STORAGE_KEY)!)).toMatchObject({ token: 'tok', user });
    expect(sessions.token()).toBe('tok');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ends the session on a 401 and remembers why, once', () => {
    const store = memoryStore({ [SESSION_STORAGE_KEY]: JSON.stringify(login) });
    const sessions = new SessionStore(store, new Date('2029-01-01T00:00:00Z'));
    expect(sessions.getState().session?.user.username).toBe('admin');
    const listener = vi.fn();
    sessions.subscribe(listener);
    sessions.signOut('token_expired');
    sessions.signOut('token_expired');
    expect(sessions.getState()).toEqual({ session: null, endedBecause: 'token_expired' });
    expect(store.data.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    sessions.signIn(login);
    expect(sessions.getState().endedBecause).toBeNull();
  });

  it('treats a session that expired while the page was closed as expired', () => {
    const store = memoryStore({ [SESSION_STORAGE_KEY]: JSON.stringify({ ...login, expiresAt: '2020-01-01T00:00:00Z' }) });
    const sessions = new SessionStore(store, new Date('2025-01-01T00:00:00Z'));
    expect(sessions.getState()).toEqual({ session: null, endedBecause: 'token_expired' });
    expect(store.data.size).toBe(0);
  });
});
