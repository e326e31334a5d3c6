// The actions of DOMAIN §2 on a case. Each is one transaction: the case row, its timeline entry, the
// audit row and the county's case-event record commit together, or — for an action the state machine
// or the caller's role does not allow — nothing at all is written.
import type { Db } from '../../../db/connection.js';
import { run, sql, type SqlFragment } from '../../../db/sql.js';
import type { Role } from '../../contract/api.js';
import type { CaseActionRequest, CaseStatus } from '../../contract/cases.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { agentCaseLink } from './agent-link.js';
import { enqueueCaseEventRecord } from './case-records.js';
import { findCase, insertCaseEvent, type CaseRow } from './case-store.js';
import { effectOf } from './action-effects.js';
import { hallToday } from './intake.js';
import { ACTION_ROLE, nextStatus } from './state-machine.js';

export interface Transition {
  action: string;
  before: CaseStatus;
  after: CaseStatus;
  note: string | null;
  set: SqlFragment[];
  extra: Record<string, unknown>;
}

/** Writes one transition of a case already checked; the caller holds the transaction. */
export function recordTransition(db: Db, actor: Actor, now: Date, r: CaseRow, t: Transition): CaseRow {
  const seq = r.last_seq + 1;
  const sets = sql.join([sql`status = ${t.after}`, sql`last_seq = ${seq}`, sql`updated_at = ${now.toISOString()}`, ...t.set], ', ');
  // The status in the WHERE makes a racing second writer change nothing rather than skip a state.
  const changed = run(db, sql`UPDATE cases SET ${sets} WHERE id = ${r.id} AND status = ${t.before} AND last_seq = ${r.last_seq}`);
  if (changed.changes !== 1) throw conflict('case_state', { caseNo: r.case_no, status: t.before, action: t.action }, { status: t.before, action: t.action });
  insertCaseEvent(db, r.id, actor, { seq, action: t.action, before: t.before, after: t.after, at: now, note: t.note, detail: Object.keys(t.extra).length ? t.extra : null });
  appendAudit(db, actor, now, {
    action: `case-${t.action}`,
    entity: 'case',
    entityId: r.id,
    before: t.before,
    after: t.after,
    note: t.note,
    detail: { caseNo: r.case_no, seq },
  });
  enqueueCaseEventRecord(db, r, seq, { action: t.action, before: t.before, after: t.after, at: now, actor, note: t.note, extra: t.extra });
  const row = findCase(db, r.id)!;
  // An agent case tells the village node what happened, in this same transaction (cases/agent-link.ts).
  if (row.channel === 'agent' && row.agent_request_id !== null) {
    agentCaseLink(db)?.afterTransition(db, row, { action: t.action, before: t.before, after: t.after, note: t.note, extra: t.extra, at: now, actor });
  }
  return row;
}

export interface ActionResult {
  row: CaseRow;
  before: CaseStatus;
}

export function performCaseAction(db: Db, clock: Clock, actor: Actor, role: Role, id: number, body: CaseActionRequest): ActionResult {
  return db.transaction((): ActionResult => {
    const r = findCase(db, id);
    if (!r) throw notFound();
    if (ACTION_ROLE[body.action] !== role) throw forbidden();
    const after = nextStatus(r.status, body.action);
    if (!after) throw conflict('case_state', { caseNo: r.case_no, status: r.status, action: body.action }, { status: r.status, action: body.action });
    const now = clock.now();
    const effect = effectOf(db, r, body, now, hallToday(db, clock));
    const row = recordTransition(db, actor, now, r, { action: body.action, before: r.status, after, note: body.note ?? null, ...effect });
    return { row, before: r.status };
  }).immediate();
}
