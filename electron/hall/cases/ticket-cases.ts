// GET /queue/tickets/:id/cases: the cases received for a ticket (intake started from it), oldest
// first, so the counter's 服务结束 lists the items handled without the clerk typing codes.
import { IdParam } from '../../contract/api.js';
import { TicketCases, type TicketCase } from '../../contract/ticket-cases.js';
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { HallContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { findTicket } from '../queue/tickets.js';

export function casesOfTicket(db: Db, ticketId: number): TicketCase[] {
  const ticket = findTicket(db, ticketId);
  if (!ticket) throw notFound();
  // A case is received after its ticket was issued: the range keeps the query on cases_received.
  return all<{ id: number; case_no: string; item_code: string; item_name: string; status: TicketCase['status'] }>(
    db,
    sql`SELECT id, case_no, item_code, item_name, status FROM cases
        WHERE received_at >= ${ticket.issued_at} AND ticket_id = ${ticketId} ORDER BY received_at, id`,
  ).map((r) => ({ id: r.id, caseNo: r.case_no, itemCode: r.item_code, itemName: r.item_name, status: r.status }));
}

export function registerTicketCaseRoutes(hall: HallContext): void {
  hall.route({
    method: 'GET', url: '/queue/tickets/:id/cases', tag: 'cases', summary: 'Cases received for this ticket (the items its service handled)', allow: ['clerk', 'supervisor', 'admin'],
    params: IdParam, response: TicketCases,
    handler: ({ params }) => casesOfTicket(hall.db, params.id),
  });
}
