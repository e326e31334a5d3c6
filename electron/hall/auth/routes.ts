import { z } from 'zod';
import { LoginRequest, LoginResponse, WhoAmI } from '../../contract/api.js';
import { HallError } from '../http/errors.js';
import type { HallContext } from '../context.js';
import { login, logout } from './sessions.js';
import { LoginLimiter } from './login-limiter.js';
import { findDevice } from '../devices/service.js';

export function registerAuthRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  const limiter = new LoginLimiter();

  hall.route({
    method: 'POST',
    url: '/auth/login',
    tag: 'auth',
    summary: 'Log in with user name and password; returns a session token',
    allow: 'public',
    body: LoginRequest,
    response: LoginResponse,
    handler: async ({ body, request }) => {
      const ip = request.ip;
      const nowMs = clock.now().getTime();
      const waitMs = limiter.retryAfterMs(ip, body.username, nowMs);
      if (waitMs > 0) throw new HallError('rate_limited', 'rate_limited', { minutes: Math.ceil(waitMs / 60_000) });
      try {
        const result = await login(db, clock, body.username, body.password, ip);
        limiter.recordSuccess(ip, body.username);
        return result;
      } catch (err) {
        if (err instanceof HallError && err.code === 'unauthorized') limiter.recordFailure(ip, body.username, nowMs);
        throw err;
      }
    },
  });

  hall.route({
    method: 'POST',
    url: '/auth/logout',
    tag: 'auth',
    summary: 'End this session',
    allow: 'authenticated',
    status: 204,
    handler: ({ principal, actor }) => logout(db, clock, principal!, actor),
  });

  hall.route({
    method: 'GET',
    url: '/auth/me',
    tag: 'auth',
    summary: 'Who this token belongs to: a user or a paired device',
    allow: 'authenticated',
    response: WhoAmI,
    handler: ({ principal }): z.infer<typeof WhoAmI> => {
      if (principal!.kind === 'user') return { kind: 'user', user: principal!.user };
      const device = findDevice(db, principal!.device.id)!;
      return { kind: 'device', device: { id: device.id, name: device.name, kind: device.kind } };
    },
  });
}
