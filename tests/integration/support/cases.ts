// Case set-up for tests: two catalogue items (town and county level), staff tokens, and a dump of the
// case tables to prove a refused action changed nothing.
import { Item } from '../../../electron/contract/catalog.js';
import { writeItem } from '../../../electron/hall/catalog/item-store.js';
import { ADMIN_PASSWORD, type TestHall } from './hall.js';

export const ID_NUMBER = '11010519491231002X';
export const MOBILE = '13812345678';
export const NAME = '王芳';
export const PERSON = { kind: 'person', name: NAME, idType: 'resident_id', idNumber: ID_NUMBER, mobile: MOBILE } as const;

const MATERIALS = [
  { name: '居民身份证', requirement: 'required', originals: 1, copies: 1, electronic: true, source: 'government' },
  { name: '户口簿', requirement: 'required', originals: 1, copies: 0, electronic: false, source: 'government' },
  { name: '授权委托书', requirement: 'conditional', condition: '委托他人办理的', originals: 1, copies: 0, electronic: false, source: 'applicant' },
] as const;

export function addItems(h: TestHall): void {
  const base = { type: '07', department: '民政办', implementingBody: '某某镇人民政府', visits: 1, promisedLimit: { value: 5, unit: 'working_days' }, materials: MATERIALS };
  h.db.transaction(() => {
    writeItem(h.db, Item.parse({ ...base, code: 'TOWN01', name: '居住证明', handlingLevel: 'town' }), h.clock.now().toISOString());
    writeItem(h.db, Item.parse({ ...base, code: 'CNTY01', name: '低保申请', handlingLevel: 'county' }), h.clock.now().toISOString());
  })();
}

export const ALL_PROVIDED = [
  { name: '居民身份证', originals: 1, copies: 1 },
  { name: '户口簿', originals: 1 },
];

export interface Staff {
  admin: string;
  clerk: string;
  backoffice: string;
  backofficeId: number;
  /** Logs everyone in again (sessions last a working day; tests move the clock by weeks). */
  relogin(): Promise<void>;
}

export async function staff(h: TestHall): Promise<Staff> {
  const s: Staff = { admin: '', clerk: '', backoffice: '', backofficeId: 0, relogin: async () => {} };
  s.relogin = async () => {
    s.admin = await h.login('admin', ADMIN_PASSWORD);
    s.clerk = await h.login('clerk-a', 'password-clerk');
    s.backoffice = await h.login('review-a', 'password-backoffice');
  };
  await h.userToken('clerk', 'clerk-a');
  await h.userToken('backoffice', 'review-a');
  s.backofficeId = (h.db.prepare("SELECT id FROM users WHERE username = 'review-a'").get() as { id: number }).id;
  await s.relogin();
  return s;
}

/** Every row of the case tables and the outbox, and the audit chain's length and head. */
export function dump(h: TestHall): string {
  const rows = (table: string) => h.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return JSON.stringify({
    cases: rows('cases'),
    materials: rows('case_materials'),
    events: rows('case_events'),
    numbers: rows('case_numbers'),
    outbox: h.db.prepare('SELECT record_id, kind, case_no, seq, payload FROM outbox ORDER BY id').all(),
    audit: h.db.prepare('SELECT count(*) AS n, max(id) AS last, (SELECT last_hash FROM audit_head) AS head FROM audit_log').get(),
  });
}
