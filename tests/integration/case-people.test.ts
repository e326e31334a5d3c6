// Who did what on a case, as the back office reads it: the staff member's display name and role
// (the stored entry and the audit log keep the username), and 待我办理 (`mine=1`): only the caller's
// own cases in a status where the caller's role has a step to take.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
let otherReviewer = '';
let otherReviewerId = 0;

beforeAll(async () => {
  h = await startHall();
  h.clock.advance(Date.parse('2026-09-29T02:00:00Z') - h.clock.now().getTime());
  addItems(h);
  s = await staff(h);
  otherReviewer = await h.userToken('backoffice', 'review-b');
  otherReviewerId = (h.db.prepare("SELECT id FROM users WHERE username = 'review-b'").get() as { id: number }).id;
  h.db.prepare("UPDATE users SET display_name = '王芳' WHERE username = 'clerk-a'").run();
  h.db.prepare("UPDATE users SET display_name = '李强' WHERE username = 'review-a'").run();
});
afterAll(() => h.close());

const act = (id: number, token: string, body: Record<string, unknown>) => h.api('POST', `/cases/${id}/actions`, { token, body });
const receive = async (itemCode = 'TOWN01'): Promise<number> => {
  const res = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode, applicant: PERSON, materials: ALL_PROVIDED, channel: 'window' } });
  expect(res.status).toBe(201);
  return res.body.id as number;
};
const assignTo = async (id: number, assigneeId: number) => {
  expect((await act(id, s.clerk, { action: 'accept' })).status).toBe(200);
  expect((await act(id, s.backoffice, { action: 'assign', assigneeId })).status).toBe(200);
};
const mine = async (token: string) => {
  const res = await h.api('GET', '/cases?mine=1', { token });
  expect(res.status).toBe(200);
  return { total: res.body.total as number, ids: (res.body.rows as { id: number }[]).map((r) => r.id).sort((a, b) => a - b) };
};

describe('case history names people, not accounts', () => {
  it('shows the display name and role of whoever acted, the address as the terminal', async () => {
    const id = await receive();
    await assignTo(id, s.backofficeId);
    const res = await h.api('GET', `/cases/${id}`, { token: s.backoffice });
    expect(res.status).toBe(200);
    const who = (res.body.events as { action: string; actorName: string; actorKind: string; actorRole: string | null; terminal: string | null }[]).map((e) => [e.action, e.actorName, e.actorKind, e.actorRole]);
    expect(who).toEqual([
      ['receive', '王芳', 'user', 'clerk'],
      ['accept', '王芳', 'user', 'clerk'],
      ['assign', '李强', 'user', 'backoffice'],
    ]);
    for (const e of res.body.events as { terminal: string | null }[]) expect(e.terminal).toBe('127.0.0.1');
    // The stored timeline and the audit log keep the username they were written with.
    const stored = h.db.prepare('SELECT actor_name FROM case_events WHERE case_id = ? ORDER BY seq').all(id) as { actor_name: string }[];
    expect(stored.map((e) => e.actor_name)).toEqual(['clerk-a', 'clerk-a', 'review-a']);
    const audit = h.db.prepare("SELECT actor_name FROM audit_log WHERE action = 'case-assign' AND entity_id = ?").get(String(id)) as { actor_name: string };
    expect(audit.actor_name).toBe('review-a');
  });
});

describe('待我办理 (mine=1)', () => {
  it('returns only the caller’s cases where the caller must act', async () => {
    const before = { clerk: await mine(s.clerk), reviewer: await mine(s.backoffice), other: await mine(otherReviewer) };
    const fresh = await receive(); // received: the clerk must accept, correct or reject
    const reviewing = await receive();
    await assignTo(reviewing, s.backofficeId); // in_review with review-a
    const elsewhere = await receive();
    await assignTo(elsewhere, otherReviewerId); // in_review with review-b
    const forwarded = await receive('CNTY01');
    await assignTo(forwarded, s.backofficeId);
    expect((await act(forwarded, s.backoffice, { action: 'forward' })).status).toBe(200); // waits on the county, not on review-a

    const clerk = await mine(s.clerk);
    expect(clerk.ids).toEqual([...before.clerk.ids, fresh].sort((a, b) => a - b));
    expect(clerk.total).toBe(before.clerk.total + 1);
    const reviewer = await mine(s.backoffice);
    expect(reviewer.ids).toEqual([...before.reviewer.ids, reviewing].sort((a, b) => a - b));
    expect(reviewer.total).toBe(before.reviewer.total + 1);
    const other = await mine(otherReviewer);
    expect(other.ids).toEqual([...before.other.ids, elsewhere].sort((a, b) => a - b));
    // A supervisor has no steps of its own: nothing waits on it.
    const supervisor = await h.userToken('supervisor');
    expect(await mine(supervisor)).toEqual({ total: 0, ids: [] });
  });

  it('refuses any other value for mine with 400 naming the field', async () => {
    const res = await h.api('GET', '/cases?mine=yes', { token: s.clerk });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('mine');
  });
});
