// Who is calling, and who a route lets in. Routes name their callers; anything unnamed is denied.
import type { DeviceKind, Role, SessionUser } from '../../contract/api.js';

export type Principal =
  | { kind: 'user'; user: SessionUser; sessionId: number }
  | { kind: 'device'; device: { id: number; name: string; kind: DeviceKind } };

export type Caller = Role | `device:${DeviceKind}`;

/** `public`: no token needed. `authenticated`: any user or device. Otherwise the listed callers only. */
export type Allow = 'public' | 'authenticated' | readonly Caller[];

export function callerOf(principal: Principal): Caller {
  return principal.kind === 'user' ? principal.user.role : `device:${principal.device.kind}`;
}

export function isAllowed(allow: Allow, principal: Principal | null): boolean {
  if (allow === 'public') return true;
  if (!principal) return false;
  if (allow === 'authenticated') return true;
  return allow.includes(callerOf(principal));
}

/** Who did it, for the audit trail: never personal data beyond the staff member's display name. */
export interface Actor {
  kind: 'user' | 'device' | 'system';
  id: number | null;
  name: string;
  terminal: string | null;
}

export function actorOf(principal: Principal | null, terminal: string | null): Actor {
  if (!principal) return { kind: 'system', id: null, name: 'system', terminal };
  if (principal.kind === 'user') {
    return { kind: 'user', id: principal.user.id, name: principal.user.username, terminal };
  }
  return { kind: 'device', id: principal.device.id, name: principal.device.name, terminal };
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: 'system', terminal: null };
