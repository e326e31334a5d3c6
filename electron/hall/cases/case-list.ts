// The back-office list (DESIGN §6): filters, whitelisted sorts and paging done by SQLite on indexes.
// A search never matches a fragment of an ID number: the list shows numbers masked, so letting "0023"
// find a case would let anyone read a masked number back digit by digit.
import type { Db } from '../../../db/connection.js';
import { all, get, sql, type SqlFragment } from '../../../db/sql.js';
import type { CaseList, CaseListQuery } from '../../contract/cases.js';
import { isValidCreditCode, isValidResidentId } from '../../contract/identity.js';
import { calendarSettings, workingCalendar } from '../calendar/service.js';
import type { Clock } from '../clock.js';
import { toCaseSummary, type CaseRow } from './case-store.js';
import { hallToday } from './intake.js';
import { CLOCK_RUNNING } from './state-machine.js';
import { limitState, yellowUntil } from './time-limit.js';

/** Sort keys of the contract → columns, fixed here; the query only picks a key. */
const SORT_COLUMNS = { due: 'due_date', received: 'received_at', caseNo: 'case_no', status: 'status' } as const;
const COLUMNS = Object.values(SORT_COLUMNS);

function orderBy(sort: CaseListQuery['sort']): SqlFragment {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const direction = descending ? sql` DESC` : sql` ASC`;
  const column = sql.identifier(SORT_COLUMNS[key], COLUMNS);
  // Cases without a due date (not accepted yet, paused) sort after those with one either way.
  const nulls = key === 'due' ? sql`(due_date IS NULL), ` : sql.empty;
  return sql`ORDER BY ${nulls}${column}${direction}, id${direction}`;
}

const running = sql.join(CLOCK_RUNNING.map((s) => sql`${s}`), ', ');

function applicantFilter(q: string): SqlFragment {
  const upper = q.toUpperCase();
  if (isValidResidentId(upper) || isValidCreditCode(upper)) return sql`id_number = ${upper}`;
  // A name prefix as an index range: [q, q + U+10FFFF) covers every name starting with q.
  return sql`(applicant_name >= ${q} AND applicant_name < ${q + '\u{10FFFF}'})`;
}

export function listCases(db: Db, clock: Clock, query: CaseListQuery): CaseList {
  const today = hallToday(db, clock);
  const calendar = workingCalendar(db);
  const { yellowAt } = calendarSettings(db);
  const where: SqlFragment[] = [];
  if (query.status) where.push(sql`status = ${query.status}`);
  if (query.item) where.push(sql`item_code = ${query.item}`);
  if (query.channel) where.push(sql`channel = ${query.channel}`);
  if (query.clerk) where.push(sql`clerk_id = ${query.clerk}`);
  if (query.village) where.push(sql`village_code = ${query.village}`);
  if (query.q) where.push(applicantFilter(query.q));
  if (query.warning === 'red') where.push(sql`due_date IS NOT NULL AND due_date < ${today} AND status IN (${running})`);
  if (query.warning === 'yellow') {
    where.push(sql`due_date >= ${today} AND due_date <= ${yellowUntil(calendar, today, yellowAt)} AND status IN (${running})`);
  }
  const whereSql = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty;
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM cases ${whereSql}`)!.n;
  const rows = all<CaseRow>(db, sql`SELECT * FROM cases ${whereSql} ${orderBy(query.sort)} LIMIT ${query.limit} OFFSET ${query.offset}`);
  return {
    total,
    rows: rows.map((r) => toCaseSummary(r, limitState(calendar, r.due_date, CLOCK_RUNNING.includes(r.status), today, yellowAt))),
  };
}

export function caseLimitState(db: Db, clock: Clock, r: CaseRow) {
  return limitState(workingCalendar(db), r.due_date, CLOCK_RUNNING.includes(r.status), hallToday(db, clock), calendarSettings(db).yellowAt);
}
