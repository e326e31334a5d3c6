// Deny by default: every route × every kind of caller. The expectations are written out here by hand,
// not read from the routes, so a route that lets in the wrong caller fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

const CALLERS = ['anonymous', 'admin', 'clerk', 'backoffice', 'agent', 'supervisor', 'device:kiosk', 'device:display', 'device:counter', 'device:rating', 'device:village'] as const;
type CallerName = (typeof CALLERS)[number];

const EVERYONE: CallerName[] = [...CALLERS];
const SIGNED_IN: CallerName[] = CALLERS.filter((c) => c !== 'anonymous');
const ADMIN: CallerName[] = ['admin'];
const CLERK: CallerName[] = ['clerk'];
const STAFF_LISTS: CallerName[] = ['clerk', 'supervisor', 'admin'];
/** Every signed-in person, no terminal. */
const STAFF: CallerName[] = ['admin', 'clerk', 'backoffice', 'agent', 'supervisor'];

/** method + path (with :id of a record that does not exist, so nothing changes) → who gets through. */
const EXPECTED: Record<string, CallerName[]> = {
  'GET /health': EVERYONE,
  'POST /auth/login': EVERYONE,
  'POST /auth/logout': SIGNED_IN,
  'GET /auth/me': SIGNED_IN,
  'GET /users': ADMIN,
  'GET /users/:id': ADMIN,
  'POST /users': ADMIN,
  'PATCH /users/:id': ADMIN,
  'GET /devices': ADMIN,
  'POST /devices': ADMIN,
  'POST /devices/:id/revoke': ADMIN,
  'POST /devices/:id/token': ADMIN,
  'GET /audit/verify': ADMIN,
  'GET /queue/categories': SIGNED_IN,
  'POST /queue/categories': ADMIN,
  'PUT /queue/categories/:code': ADMIN,
  'GET /windows': SIGNED_IN,
  'POST /windows': ADMIN,
  'PUT /windows/:id': ADMIN,
  'GET /queue/settings': SIGNED_IN,
  'PUT /queue/settings': ADMIN,
  'GET /hall/settings': ADMIN,
  'PUT /hall/settings': ADMIN,
  'GET /appointments': ['admin', 'clerk'],
  'POST /appointments': ['admin', 'clerk'],
  'GET /queue/state': SIGNED_IN,
  'POST /queue/tickets': ['device:kiosk', 'clerk'],
  'GET /queue/tickets/:id': STAFF_LISTS,
  'GET /queue/tickets/:id/cases': STAFF_LISTS,
  'POST /windows/:id/call-next': CLERK,
  'POST /queue/tickets/:id/recall': CLERK,
  'POST /queue/tickets/:id/no-show': CLERK,
  'POST /queue/tickets/:id/start': CLERK,
  'POST /queue/tickets/:id/complete': CLERK,
  'POST /queue/tickets/:id/cancel': CLERK,
  'POST /queue/tickets/:id/transfer': CLERK,
  'POST /queue/tickets/:id/print': ['device:kiosk', 'clerk'],
  'POST /windows/:id/sign-in': CLERK,
  'POST /windows/:id/pause': CLERK,
  'POST /windows/:id/resume': CLERK,
  'POST /windows/:id/sign-out': CLERK,
  'POST /windows/:id/release': ['supervisor', 'admin'],
  'GET /windows/:id/tickets': STAFF_LISTS,
  'GET /queue/daily': ['supervisor', 'admin'],
  'GET /reports/queue': ['supervisor', 'admin'],
  'GET /reports/ratings': ['supervisor', 'admin'],
  'GET /reports/ratings.xlsx': ['supervisor', 'admin'],
  'GET /reports/summary': ['supervisor', 'admin'],
  'GET /dashboard': ['supervisor', 'admin'],
  // Bad-rating work orders: the lead takes the steps; the rated staff member (clerk, back office or a supervisor) appeals.
  'GET /work-orders': ['supervisor', 'admin', 'clerk', 'backoffice'],
  'GET /work-orders/:id': ['supervisor', 'admin', 'clerk', 'backoffice'],
  'POST /work-orders/:id/callback': ['supervisor', 'admin'],
  'POST /work-orders/:id/rectification': ['supervisor', 'admin'],
  'POST /work-orders/:id/close': ['supervisor', 'admin'],
  'POST /work-orders/:id/appeal': ['clerk', 'backoffice', 'supervisor'],
  'POST /work-orders/:id/review': ['supervisor', 'admin'],
  'POST /ratings/followup': ['device:kiosk'],
  // Only the citizen's terminals; which ticket or case each may rate is tests/integration/ratings-security.test.ts.
  'POST /ratings': ['device:rating', 'device:kiosk'],
  'GET /ratings/pending': ['device:rating'],
  'GET /sync/alert': ['admin', 'supervisor', 'clerk', 'backoffice', 'agent'],
  'GET /sync/status': ['supervisor', 'admin'],
  'POST /sync/run': ['supervisor', 'admin'],
  'POST /sync/records/:recordId/resend': ADMIN,
  'GET /sync/settings': ADMIN,
  'GET /items': EVERYONE,
  'GET /items/export': ADMIN,
  'POST /items/import': ADMIN,
  'GET /items/:code': EVERYONE,
  'GET /items/:code/queue': EVERYONE,
  'POST /items': ADMIN,
  'PUT /items/:code': ADMIN,
  'PUT /sync/settings': ADMIN,
  'POST /cases': ['clerk', 'agent'],
  'POST /cases/:id/actions': ['clerk', 'backoffice'],
  'GET /cases': ['clerk', 'backoffice', 'supervisor', 'admin'],
  'GET /cases/:id': ['clerk', 'backoffice', 'supervisor', 'admin'],
  'POST /cases/:id/scans': CLERK,
  'POST /cases/lookup': EVERYONE,
  'GET /cases/lookup-locks': STAFF_LISTS,
  'POST /cases/:id/lookup-unlock': STAFF_LISTS,
  'POST /cases/:id/query-password': ['clerk'],
  'GET /cases/:id/notices/:kind': ['clerk', 'backoffice', 'supervisor', 'admin'],
  'GET /cases/:id/notices/:kind/:seq': ['clerk', 'backoffice', 'supervisor', 'admin'],
  'GET /calendar': STAFF,
  'PUT /calendar/days/:date': ADMIN,
  'DELETE /calendar/days/:date': ADMIN,
  'PUT /calendar/years/:year': ADMIN,
  'GET /calendar/working-days': STAFF,
  'GET /calendar/settings': STAFF,
  'PUT /calendar/settings': ADMIN,
  'GET /villages': ['admin', 'clerk', 'supervisor'],
  'POST /villages': ADMIN,
  'PATCH /villages/:code': ADMIN,
  'PUT /agents/:id/villages': ADMIN,
  'GET /agent-requests': STAFF,
  'GET /agent-requests/:id': STAFF,
  'POST /agent-requests/:id/receive': CLERK,
  'POST /agent-requests/:id/intake': CLERK,
  'GET /village/profile': ['device:village'],
  'GET /village/catalog': ['device:village'],
  'POST /village/batches': ['device:village'],
  'GET /village/changes': ['device:village'],
  'GET /village/scans/:sha256': ['device:village'],
  'PUT /village/scans/:sha256': ['device:village'],
};

let h: TestHall;
const tokens = new Map<CallerName, string>();

beforeAll(async () => {
  h = await startHall();
  const admin = await h.login('admin', ADMIN_PASSWORD);
  tokens.set('admin', admin);
  for (const role of ['clerk', 'backoffice', 'agent', 'supervisor'] as const) tokens.set(role, await h.userToken(role));
  for (const kind of ['kiosk', 'display', 'counter', 'rating'] as const) {
    const res = await h.api('POST', '/devices', { token: admin, body: { name: `test ${kind}`, kind } });
    tokens.set(`device:${kind}`, res.body.token);
  }
  const agentId = (h.db.prepare("SELECT id FROM users WHERE role = 'agent'").get() as { id: number }).id;
  const node = await h.api('POST', '/devices', { token: admin, body: { name: 'test village', kind: 'village', agentId } });
  tokens.set('device:village', node.body.token);
});
afterAll(() => h.close());

describe('role denial matrix', () => {
  it('covers every registered route', () => {
    const registered = h.hall.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [route, allowed] of Object.entries(EXPECTED)) {
    const [method, path] = route.split(' ') as [string, string];
    // Logging out would end the caller's session for the rows after it; it runs last per caller below.
    if (route === 'POST /auth/logout') continue;
    it(`${route}`, async () => {
      for (const caller of CALLERS) {
        const token = caller === 'anonymous' ? undefined : tokens.get(caller);
        const res = await h.api(method, path.replace(':id', '999999').replace(':code', 'ZZ').replace(':kind', 'acceptance'), { token, body: method === 'GET' ? undefined : {} });
        const expected = allowed.includes(caller) ? 'through' : caller === 'anonymous' ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'through';
        expect({ caller, got }).toEqual({ caller, got: expected });
        if (got !== 'through') expect(res.body.error.code).toBe(got === 401 ? 'unauthorized' : 'forbidden');
      }
    });
  }

  it('POST /auth/logout', async () => {
    for (const caller of CALLERS) {
      const token = caller === 'anonymous' ? undefined : tokens.get(caller);
      const res = await h.api('POST', '/auth/logout', { token });
      expect({ caller, status: res.status }).toEqual({ caller, status: caller === 'anonymous' ? 401 : 204 });
    }
  });

  it('answers an unknown API path with a 404 in the error shape', async () => {
    const res = await h.api('GET', '/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('treats a malformed Authorization header as no token', async () => {
    const res = await fetch(`${h.base}/api/v1/users`, { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
  });
});
