// The cases received at the window for one queue ticket: what the counter fills 本次办理事项 from when
// the service ends. No applicant data: the counter needs the items, not the people.
import { z } from 'zod';
import { CaseStatus } from './cases.js';

export const TicketCase = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  status: CaseStatus,
});
export type TicketCase = z.infer<typeof TicketCase>;
export const TicketCases = z.array(TicketCase);
