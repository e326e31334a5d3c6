// What the kiosk and the slip show of a ticket: the same view whether just issued or printed later.
import type { Db } from '../../../db/connection.js';
import { guideUrlFor, type IssuedTicket } from '../../contract/queue.js';
import { getSetting } from '../settings/service.js';
import { queueSettings } from './settings.js';
import { categoryByCode } from './setup-service.js';
import type { TicketRow } from './tickets.js';

/** What the slip's guide link is made of: the category's item and the hall's published address. */
export interface GuideSource {
  itemCode: string | null;
  publicGuideUrl: string;
}

export function guideSource(db: Db, categoryCode: string): GuideSource {
  return { itemCode: categoryByCode(db, categoryCode)?.item_code ?? null, publicGuideUrl: queueSettings(db).publicGuideUrl };
}

/** `guide`: what the issue already read (issueTicket), else read here. The link points at the public
 *  guide page (no pairing, so a citizen's phone can open it) of the category's item, or the guide's
 *  index: at the hall's published address (setting publicGuideUrl), else on the host the caller reached. */
export function issuedTicketView(
  db: Db,
  t: TicketRow,
  wait: { ahead: number; estimatedWaitMinutes: number },
  origin: string,
  guide: GuideSource = guideSource(db, t.category_code),
): IssuedTicket {
  return {
    id: t.id,
    number: t.number,
    categoryCode: t.category_code,
    categoryName: t.category_name,
    priority: t.priority,
    ahead: wait.ahead,
    estimatedWaitMinutes: wait.estimatedWaitMinutes,
    businessDay: t.business_day,
    issuedAt: t.issued_at,
    hallName: getSetting(db, 'hall.name'),
    guideUrl: guideUrlFor(guide.publicGuideUrl, origin, guide.itemCode),
  };
}
