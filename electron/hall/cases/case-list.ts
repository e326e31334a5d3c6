// The back-office list (DESIGN §6): filters, whitelisted sorts and paging done by SQLite on indexes.
// A search never matches a fragment of a name or an ID number: the list shows them masked (王*,
// 110105********002X), so letting "王" then "王芳" or "0023" find a case would let anyone read the
// masked text back letter by letter, round the audited reveal. Names and numbers match whole only.
import type { Db } from '../../../db/connection.js';
import { all, get, sql, type SqlFragment } from '../../../db/sql.js';
import type { Role } from '../../contract/api.js';
import { statusesAwaiting, type CaseList, type CaseListQuery } from '../../contract/cases.js';
import { isValidCreditCode, isValidResidentId } from '../../contract/identity.js';
import { calendarSettings, workingCalendar } from '../calendar/service.js';
import type { Clock } from '../clock.js';
import { staffNames, toCaseSummary, type CaseRow } from './case-store.js';
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
  return sql`ORDER BY ${column}${direction}, id${direction}`;
}

const running = sql.join(CLOCK_RUNNING.map((s) => sql`${s}`), ', ');

function applicantFilter(q: string): SqlFragment {
  const upper = q.toUpperCase();
  // A case number ({hallCode}{YYYYMMDD}{NNNN}, all digits) as the returning applicant gives it; an
  // 18-digit one can also read as a resident ID, so both are tried.
  const caseNo = /^\d{18,24}$/.test(upper) ? sql`case_no = ${upper}` : null;
  if (isValidResidentId(upper) || isValidCreditCode(upper)) return caseNo ? sql`(${caseNo} OR id_number = ${upper})` : sql`id_number = ${upper}`;
  if (caseNo) return caseNo;
  // The full name, exactly (index cases_applicant_name); a prefix finds nothing.
  return sql`applicant_name = ${q}`;
}

/** Who asks for the list: `mine` means this staff member's cases. */
export interface ListCaller {
  id: number;
  role: Role;
}

/** 待我办理: a clerk's own intakes, a reviewer's assigned cases, each where the role has a step to take. */
function awaitingFilter(caller: ListCaller | null): SqlFragment {
  const statuses = caller ? statusesAwaiting(caller.role) : [];
  if (!caller || statuses.length === 0) return sql`0`;
  const owner = caller.role === 'clerk' ? sql`clerk_id = ${caller.id}` : sql`assignee_id = ${caller.id}`;
  return sql`${owner} AND status IN (${sql.join(statuses.map((s) => sql`${s}`), ', ')})`;
}

export function listCases(db: Db, clock: Clock, query: CaseListQuery, caller: ListCaller | null = null): CaseList {
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
  if (query.mine) where.push(awaitingFilter(caller));
  if (query.warning === 'red') where.push(sql`due_date IS NOT NULL AND due_date < ${today} AND status IN (${running})`);
  if (query.warning === 'yellow') {
    where.push(sql`due_date >= ${today} AND due_date <= ${yellowUntil(calendar, today, yellowAt)} AND status IN (${running})`);
  }
  const whereSql = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty;
  const and = (extra: SqlFragment) => sql`WHERE ${sql.join([...where, extra], ' AND ')}`;
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM cases ${whereSql}`)!.n;
  let rows: CaseRow[];
  if (query.sort === 'due' || query.sort === '-due') {
    // Cases without a due date (not accepted yet, paused) sort after those with one either way. As
    // one ORDER BY ((due_date IS NULL), due_date) no index gives that order, so SQLite would fetch and
    // sort every matching row to hand out one page. As two runs — dated cases by (due_date, id), then
    // undated ones by id — each walks an index in order and stops after the page.
    rows = all<CaseRow>(db, sql`SELECT * FROM cases ${and(sql`due_date IS NOT NULL`)} ${orderBy(query.sort)} LIMIT ${query.limit} OFFSET ${query.offset}`);
    if (rows.length < query.limit && total > 0) {
      // A short page ran out of dated cases, so their number is known — unless the page started past them.
      const dated = rows.length > 0 ? query.offset + rows.length : get<{ n: number }>(db, sql`SELECT count(*) AS n FROM cases ${and(sql`due_date IS NOT NULL`)}`)!.n;
      if (total > dated) {
        const id = query.sort === 'due' ? sql`id ASC` : sql`id DESC`;
        const undated = all<CaseRow>(db, sql`SELECT * FROM cases ${and(sql`due_date IS NULL`)} ORDER BY ${id} LIMIT ${query.limit - rows.length} OFFSET ${Math.max(0, query.offset - dated)}`);
        rows = rows.concat(undated);
      }
    }
  } else {
    rows = all<CaseRow>(db, sql`SELECT * FROM cases ${whereSql} ${orderBy(query.sort)} LIMIT ${query.limit} OFFSET ${query.offset}`);
  }
  const names = staffNames(db, rows);
  return {
    total,
    rows: rows.map((r) => toCaseSummary(r, limitState(calendar, r.due_date, CLOCK_RUNNING.includes(r.status), today, yellowAt), { names })),
  };
}

export function caseLimitState(db: Db, clock: Clock, r: CaseRow) {
  return limitState(workingCalendar(db), r.due_date, CLOCK_RUNNING.includes(r.status), hallToday(db, clock), calendarSettings(db).yellowAt);
}
