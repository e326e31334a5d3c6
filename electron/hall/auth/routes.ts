import { z } from 'zod';
import { LoginRequest, LoginResponse, WhoAmI } from '../../contract/api.js';
import { HallError } from '../http/errors.js';
import type { HallContext } from '../context.js';
import { accountIdOf, login, logout } from './sessions.js';
import { tooManyAttempts } from './attempt-window.js';
import { FailedLoginAudit } from './failed-login-audit.js';
import { LoginLimiter } from './login-limiter.js';
import { StaffAddresses } from './staff-addresses.js';
import { findDevice } from '../devices/service.js';

export function registerAuthRoutes(hall: HallContext): void {
  const { db, clock, app } = hall;
  const limiter = new LoginLimiter();
  const failedLogins = new FailedLoginAudit(db, clock);
  const staffPcs = new StaffAddresses(db, clock.now().getTime());
  // Summaries of windows that ended while nobody tried again; the rest is written at close.
  const flushTimer = setInterval(() => failedLogins.flush(clock.now().getTime()), 60_000);
  flushTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(flushTimer);
    failedLogins.flush(clock.now().getTime(), true);
  });

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
      failedLogins.flush(clock.now().getTime());
      const accountId = accountIdOf(db, body.username);
      // The slot is taken before scrypt is awaited: guesses in flight count (login-limiter.ts).
      const attempt = limiter.reserve(ip, body.username, accountId, clock.now().getTime());
      if (!attempt.ok) {
        failedLogins.refused(ip, body.username, accountId);
        throw tooManyAttempts(attempt.retryAfterMs);
      }
      try {
        const lane = staffPcs.has(ip, clock.now().getTime()) ? 'known' : 'public';
        const result = await login(db, clock, body.username, body.password, ip, lane);
        attempt.succeeded();
        staffPcs.loggedIn(ip, clock.now().getTime());
        return result;
      } catch (err) {
        if (err instanceof HallError && err.code === 'unauthorized') {
          attempt.reservation.failed();
          failedLogins.failed(ip, body.username, accountId, attempt.reservation.last);
        } else {
          attempt.reservation.release();
        }
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
