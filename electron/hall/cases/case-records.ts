// What the county receives about a case (DOMAIN §5): the case record at intake and one case-event
// record per action, seq 1, 2, 3… Built here so the upload format lives in one place; always called
// inside the transaction of the change it reports.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { CaseStatus } from '../../contract/cases.js';
import type { Actor } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { hallTime } from '../sync/hall-time.js';
import { enqueueRecord } from '../sync/outbox.js';
import { checkListOf, type CaseRow } from './case-store.js';

function materialsPayload(db: Db, caseId: number) {
  const scans = all<{ material_name: string; sha256: string }>(db, sql`SELECT material_name, sha256 FROM case_scans WHERE case_id = ${caseId} ORDER BY id`);
  return checkListOf(db, caseId).map((m) => ({
    name: m.name,
    kind: m.requirement,
    applicable: m.applicable,
    count: { originals: m.originals, copies: m.copies, electronic: m.electronic },
    sha256: scans.filter((s) => s.material_name === m.name).map((s) => s.sha256),
  }));
}

/** The agent of an agent case (DOMAIN §5): name and village, with the village's division code when known. */
export interface CaseAgent {
  name: string;
  village: string | null;
  villageCode?: string;
}

export function enqueueCaseRecord(db: Db, r: CaseRow, agent: CaseAgent | null): string {
  return enqueueRecord(db, {
    kind: 'case',
    caseNo: r.case_no,
    occurredAt: hallTime(new Date(r.received_at)),
    payload: {
      caseNo: r.case_no,
      queryPasswordHash: r.password_hash,
      item: { basicCode: r.item_code, implementationCode: r.implementation_code, name: r.item_name, type: r.item_type },
      // The county is the government platform the case is reported to: it gets the applicant in full.
      applicant: {
        kind: r.applicant_kind,
        name: r.applicant_name,
        certificateType: r.id_type,
        certificateNumber: r.id_number,
        mobile: r.mobile,
        contactName: r.contact_name,
      },
      agent,
      hallCode: getSetting(db, 'hall.code'),
      channel: r.channel,
      receivedAt: hallTime(new Date(r.received_at)),
      acceptedAt: null,
      promisedLimit: { value: r.limit_value, unit: r.limit_unit },
      dueDate: null,
      materials: materialsPayload(db, r.id),
    },
  });
}

export interface CaseEventFacts {
  action: string;
  before: CaseStatus;
  after: CaseStatus;
  at: Date;
  actor: Actor;
  note: string | null;
  extra: Record<string, unknown>;
}

export function enqueueCaseEventRecord(db: Db, r: CaseRow, seq: number, e: CaseEventFacts): string {
  return enqueueRecord(db, {
    kind: 'case-event',
    caseNo: r.case_no,
    seq,
    occurredAt: hallTime(e.at),
    payload: {
      caseNo: r.case_no,
      seq,
      action: e.action,
      stateBefore: e.before,
      stateAfter: e.after,
      user: { kind: e.actor.kind, name: e.actor.name },
      time: hallTime(e.at),
      opinion: e.note,
      ...e.extra,
    },
  });
}

/** The materials as they now stand, for a resubmit event. */
export const materialsNow = materialsPayload;
