// The staff member's login on this browser: token + user in localStorage `hall.session`.
// A 401 on any call ends it and sends the page back to the login screen saying why.
import { z } from 'zod';
import { SessionUser, type CredentialEndReason, type LoginResponse } from './contract';
import type { KeyValueStore } from './terminal-store';

export const SESSION_STORAGE_KEY = 'hall.session';

const Session = z.object({ token: z.string().min(1), expiresAt: z.string(), user: SessionUser });
export type Session = z.infer<typeof Session>;

/** `logout`: this page's own button; otherwise how the host said the session ended. */
export type SignOutReason = 'logout' | CredentialEndReason;

export interface SessionState {
  session: Session | null;
  /** Why the last session ended, shown once on the login screen. */
  endedBecause: SignOutReason | null;
}

/** A stored session that is readable and not past its expiry, else null. */
export function parseSession(raw: string | null, now: Date): Session | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = Session.safeParse(value);
  if (!parsed.success) return null;
  const expires = Date.parse(parsed.data.expiresAt);
  if (Number.isFinite(expires) && expires <= now.getTime()) return null;
  return parsed.data;
}

export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: KeyValueStore | null, now: Date = new Date()) {
    const raw = safely(() => store?.getItem(SESSION_STORAGE_KEY) ?? null, null);
    const session = parseSession(raw, now);
    // A session that expired while the page was closed ends the same way as one refused by the host.
    this.state = { session, endedBecause: raw && !session ? 'token_expired' : null };
    if (raw && !session) safely(() => store?.removeItem(SESSION_STORAGE_KEY), undefined);
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  token = (): string | null => this.state.session?.token ?? null;

  signIn(login: LoginResponse): void {
    const session: Session = { token: login.token, expiresAt: login.expiresAt, user: login.user };
    safely(() => this.store?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session)), undefined);
    this.set({ session, endedBecause: null });
  }

  signOut(reason: SignOutReason): void {
    if (!this.state.session && this.state.endedBecause === reason) return;
    safely(() => this.store?.removeItem(SESSION_STORAGE_KEY), undefined);
    this.set({ session: null, endedBecause: reason });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
