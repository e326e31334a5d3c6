// The one-window queue (DOMAIN §7): categories, windows, tickets, the public queue state, settings,
// appointments and ratings. Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { PlainName } from './api.js';
import { lineText, multilineText } from './text.js';
import { CaseLookupRequest, CaseRatingStage } from './cases.js';

export const PRIORITY_KINDS = ['elderly', 'disabled', 'military', 'pregnant', 'appointment'] as const;
export const PriorityKind = z.enum(PRIORITY_KINDS);
export type PriorityKind = z.infer<typeof PriorityKind>;

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred', 'expired'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TICKET_ACTIONS = ['recall', 'no-show', 'start', 'complete', 'transfer', 'cancel'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const CategoryCode = z
  .string()
  .trim()
  .min(1)
  .max(8)
  .refine((s) => /^[A-Z][A-Z0-9]*$/.test(s), { params: { reason: 'category_code_chars' } });

/** A category's fields with no defaults: an update changes only what it names. */
const CategoryFields = z.object({
  code: CategoryCode,
  name: PlainName,
  /** Letters printed before the number: `A` → A001. */
  prefix: z
    .string()
    .trim()
    .min(1)
    .max(3)
    .refine((s) => /^[A-Z]+$/.test(s), { params: { reason: 'prefix_chars' } }),
  description: lineText(200),
  /** Tickets per business day; null for no limit. */
  dailyLimit: z.number().int().min(1).max(9999).nullable(),
  priorityAllowed: z.boolean(),
  /** The catalogue item whose guide the slip's QR code opens (optional). */
  itemCode: lineText(64).nullable(),
  sortOrder: z.number().int().min(0).max(999),
});

export const CreateCategoryRequest = CategoryFields.extend({
  description: CategoryFields.shape.description.default(''),
  dailyLimit: CategoryFields.shape.dailyLimit.default(null),
  priorityAllowed: CategoryFields.shape.priorityAllowed.default(true),
  itemCode: CategoryFields.shape.itemCode.default(null),
  sortOrder: CategoryFields.shape.sortOrder.default(0),
});
export type CreateCategoryRequest = z.infer<typeof CreateCategoryRequest>;

export const UpdateCategoryRequest = CategoryFields.omit({ code: true }).partial().extend({ active: z.boolean().optional() });
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequest>;

export const CategoryView = z.object({
  code: z.string(),
  name: z.string(),
  prefix: z.string(),
  description: z.string(),
  dailyLimit: z.number().int().nullable(),
  priorityAllowed: z.boolean(),
  itemCode: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type CategoryView = z.infer<typeof CategoryView>;

export const WINDOW_STATUSES = ['open', 'paused', 'closed'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

const WindowFields = z.object({
  number: z.number().int().min(1).max(999),
  name: PlainName,
  /** The categories this window serves, in the order it calls them. */
  categoryCodes: z.array(CategoryCode).min(1).max(20),
  /** The rating pad beside this window (a device of kind rating), if any. */
  ratingDeviceId: z.number().int().positive().nullable(),
});
export const CreateWindowRequest = WindowFields.extend({ ratingDeviceId: WindowFields.shape.ratingDeviceId.default(null) });
export type CreateWindowRequest = z.infer<typeof CreateWindowRequest>;

export const UpdateWindowRequest = WindowFields.omit({ number: true }).partial().extend({ active: z.boolean().optional() });
export type UpdateWindowRequest = z.infer<typeof UpdateWindowRequest>;

export const WindowView = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  categoryCodes: z.array(z.string()),
  status: z.enum(WINDOW_STATUSES),
  clerk: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  ratingDeviceId: z.number().int().nullable(),
  active: z.boolean(),
});
export type WindowView = z.infer<typeof WindowView>;

export const IssueTicketRequest = z.object({
  categoryCode: CategoryCode.optional(),
  priority: PriorityKind.exclude(['appointment']).optional(),
  /** Check-in of a booked appointment: the category and priority come from the booking. */
  appointmentCode: z
    .string()
    .trim()
    .refine((s) => /^\d{6}$/.test(s), { params: { reason: 'appointment_code_format' } })
    .optional(),
  /** The terminal's key for this press of the button: a retry whose first reply was lost sends the
   *  same key and gets the same ticket back, never a second one. */
  issueKey: z
    .string()
    .refine((s) => /^[A-Za-z0-9_-]{8,64}$/.test(s), { params: { reason: 'issue_key_format' } })
    .optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const TicketView = z.object({
  id: z.number().int(),
  number: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  status: TicketStatus,
  priority: PriorityKind.nullable(),
  priorityConfirmed: z.boolean(),
  businessDay: z.string(),
  arrivedAt: z.string(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  servingAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  callCount: z.number().int(),
  windowId: z.number().int().nullable(),
  windowNumber: z.number().int().nullable(),
  itemsHandled: z.array(z.string()),
  transferredFrom: z.number().int().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

/** What the kiosk gets back after the ticket is committed; the slip is printed from it. */
export const IssuedTicket = z.object({
  id: z.number().int(),
  number: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  priority: PriorityKind.nullable(),
  ahead: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
  businessDay: z.string(),
  issuedAt: z.string(),
  hallName: z.string(),
  /** Where the slip's QR code points: the item guide on the host, or the hall's home page. */
  guideUrl: z.string(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const CompleteTicketRequest = z.object({
  itemCodes: z.array(lineText(64, 1)).max(20).default([]),
});
export const StartTicketRequest = z.object({ priorityConfirmed: z.boolean().optional() });
export const TransferTicketRequest = z.union([
  z.object({ categoryCode: CategoryCode }).strict(),
  z.object({ windowId: z.number().int().positive() }).strict(),
]);
export type TransferTicketRequest = z.infer<typeof TransferTicketRequest>;

export const CallEntry = z.object({
  ticketId: z.number().int(),
  number: z.string(),
  windowNumber: z.number().int(),
  windowName: z.string(),
  calledAt: z.string(),
  callCount: z.number().int(),
});
export type CallEntry = z.infer<typeof CallEntry>;

/** When the hall next opens, in its own time zone (the kiosk shows 下次开放：3月2日 08:30). */
export const NextOpening = z.object({ date: z.string(), time: z.string() });
export type NextOpening = z.infer<typeof NextOpening>;

export const QueueState = z.object({
  businessDay: z.string(),
  open: z.boolean(),
  /** Null while open, or when no opening is found in the coming weeks. */
  nextOpen: NextOpening.nullable(),
  categories: z.array(
    z.object({ code: z.string(), name: z.string(), description: z.string(), waiting: z.number().int(), priorityAllowed: z.boolean(), soldOut: z.boolean() }),
  ),
  /** Tickets being called right now (called, not yet serving), newest first. */
  calling: z.array(CallEntry),
  /** The last calls, newest first, for the display's history column. */
  recent: z.array(CallEntry),
  notice: z.string(),
});
export type QueueState = z.infer<typeof QueueState>;

/** The queue for one catalogue item (public, like the guide): the categories that take it and how
 *  many wait in each now; `matched` false when no category names the item (then every category). */
export const ItemQueue = z.object({
  matched: z.boolean(),
  categories: z.array(z.object({ code: z.string(), name: z.string(), waiting: z.number().int(), soldOut: z.boolean() })),
  open: z.boolean(),
  nextOpen: NextOpening.nullable(),
});
export type ItemQueue = z.infer<typeof ItemQueue>;

const HHMM = z.string().refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { params: { reason: 'time_format' } });

/** One opening period of a day, `open` ≤ time < `close`, in the hall's time zone. */
export const OpeningPeriod = z
  .object({ open: HHMM, close: HHMM })
  .refine((p) => p.open < p.close, { params: { reason: 'period_order' }, path: ['close'] });
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

export const QueueSettings = z.object({
  /** Business hours in the hall's time zone, one or two periods (a lunch break between them);
   *  tickets are issued only within them. */
  periods: z
    .array(OpeningPeriod)
    .min(1)
    .max(2)
    .refine((ps) => ps.every((p, i) => i === 0 || ps[i - 1]!.close <= p.open), { params: { reason: 'periods_overlap' } }),
  /** ISO weekdays (1 = Monday) the hall opens; the working-day calendar overrides them: a holiday
   *  is closed, a make-up working day (调休) open. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  /** Whether the working-day calendar overrides the weekdays (holidays closed, 调休 days open). On
   *  for every real hall; off only for a demo or a training set-up that must open whatever the date. */
  holidaysClosed: z.boolean().default(true),
  /** `{number}` and `{window}` are replaced: 请 {number} 号到 {window} 号窗口办理. */
  announcementTemplate: lineText(100, 1),
  announceRepeat: z.number().int().min(1).max(3),
  /** digits: "A 零 一 二"; natural: "A 十二". */
  numberReading: z.enum(['digits', 'natural']),
  slipWidthMm: z.union([z.literal(58), z.literal(80)]),
  /** html: the system/browser print dialog or silent print; escpos: raw to a network thermal printer. */
  printMode: z.enum(['html', 'escpos']),
  printerHost: lineText(255),
  printerPort: z.number().int().min(1).max(65535),
  printerName: lineText(255),
  noticeLine: lineText(200),
  /** Minutes a finished ticket may still be rated on the pad. */
  ratingWindowMinutes: z.number().int().min(1).max(60),
  /** 过号 only once the number has been called this many times (first call included)… */
  noShowAfterCalls: z.number().int().min(1).max(5).default(2),
  /** …or this many minutes have passed since the first call. */
  noShowAfterMinutes: z.number().int().min(0).max(30).default(3),
  /** Where the slip's QR code sends a phone (guideUrlFor): the published guide's address, http or
   *  https. Empty: this host, at the address the kiosk used. */
  publicGuideUrl: lineText(300)
    .refine((s) => s === '' || isWebAddress(s), { params: { reason: 'http_url' } })
    .default(''),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

/** An http(s) address with a host, no user or password in it (it is printed on every slip). */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * The address a slip's QR code opens for an item (or the guide's index when there is none): the
 * hall's published guide when set — a bare host gets the host's own `/guide` page, a page address
 * is used as it stands — else this host's `/guide` at `origin`. The item goes after `#`, which the
 * guide page reads.
 */
export function guideUrlFor(publicGuideUrl: string, origin: string, itemCode: string | null): string {
  let base = `${origin}/guide`;
  if (publicGuideUrl) {
    const url = new URL(publicGuideUrl);
    url.hash = '';
    if (url.pathname === '/' && url.search === '') url.pathname = '/guide';
    base = url.toString();
  }
  return itemCode ? `${base}#${encodeURIComponent(itemCode)}` : base;
}

export const RATING_INDICATORS = ['overall', 'efficiency', 'skill', 'attitude'] as const;

/** Who gave a rating (DOMAIN §3): the pad beside the window, the kiosk for a looked-up case, an agent's node. */
export const RATING_CHANNELS = ['pad', 'kiosk', 'agent'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/**
 * A citizen's rating: of a ticket (the rating pad of the window that served it), or of one stage of
 * a case (the kiosk, proving the citizen holds the case by its number and query password).
 * Exactly one target; anything else, such as a bare case id, is refused.
 */
export const RatingRequest = z
  .object({
    ticketId: z.number().int().positive().optional(),
    case: CaseLookupRequest.extend({ stage: CaseRatingStage }).strict().optional(),
    level: z.number().int().min(1).max(5),
    indicators: z
      .object({
        overall: z.number().int().min(1).max(5),
        efficiency: z.number().int().min(1).max(5),
        skill: z.number().int().min(1).max(5),
        attitude: z.number().int().min(1).max(5),
      })
      .partial()
      .strict()
      .optional(),
    // Line breaks and tabs are fine in a comment; other control characters are not.
    comment: multilineText(500).optional(),
  })
  .strict()
  .refine((r) => (r.ticketId !== undefined) !== (r.case !== undefined), { params: { reason: 'rating_target' } });
export type RatingRequest = z.infer<typeof RatingRequest>;

export const RatingView = z.object({
  id: z.number().int(),
  ticketId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  /** The case stage rated; null for a ticket's rating. */
  stage: CaseRatingStage.nullable(),
  channel: z.enum(RATING_CHANNELS),
  level: z.number().int(),
  bad: z.boolean(),
  windowNumber: z.number().int().nullable(),
  clerkName: z.string().nullable(),
  createdAt: z.string(),
});
export type RatingView = z.infer<typeof RatingView>;

/** The ticket that the pad beside a window should ask about now, if any. */
export const PendingRating = z.object({
  ticket: z.object({ id: z.number().int(), number: z.string(), windowNumber: z.number().int(), clerkName: z.string().nullable(), finishedAt: z.string() }).nullable(),
});
export type PendingRating = z.infer<typeof PendingRating>;

export const DailyFigures = z.object({
  businessDay: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
  p90ServiceMinutes: z.number().nullable(),
  closed: z.boolean(),
});
export type DailyFigures = z.infer<typeof DailyFigures>;

export const CreateAppointmentRequest = z.object({
  categoryCode: CategoryCode,
  /** The hall-local date of the appointment, YYYY-MM-DD. */
  day: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { params: { reason: 'date_format' } }),
  name: PlainName,
});
export const AppointmentView = z.object({
  id: z.number().int(),
  code: z.string(),
  categoryCode: z.string(),
  day: z.string(),
  /** Masked in lists: 王*. */
  name: z.string(),
  checkedInTicketId: z.number().int().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;
