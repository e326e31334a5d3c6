// 本次办理事项 as data: the items a service handled, from the cases received for its ticket and any
// the clerk added by name. Pure, so the merge rules are tested.
import type { TicketCase } from '../../../electron/contract/ticket-cases.js';

export interface HandledItem {
  code: string;
  name: string;
  /** The case received for this item at the window, when there is one. */
  caseNo: string | null;
}

/** The ticket's cases first (one line per item, the first case's number), then the clerk's additions. */
export function mergeHandled(cases: readonly TicketCase[], current: readonly HandledItem[]): HandledItem[] {
  const out: HandledItem[] = [];
  for (const c of cases) if (!out.some((i) => i.code === c.itemCode)) out.push({ code: c.itemCode, name: c.itemName, caseNo: c.caseNo });
  for (const i of current) if (!out.some((o) => o.code === i.code)) out.push(i);
  return out;
}

export function addHandled(current: readonly HandledItem[], item: { code: string; name: string }): HandledItem[] {
  return current.some((i) => i.code === item.code) ? [...current] : [...current, { code: item.code, name: item.name, caseNo: null }];
}

/** What 服务结束 sends: the codes, each once, at most the host's 20. */
export function handledCodes(items: readonly HandledItem[]): string[] {
  return [...new Set(items.map((i) => i.code))].slice(0, 20);
}
