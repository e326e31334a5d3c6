// The command centre's figures (管理服务一中心, DOMAIN §8). Shared by the hall and the renderer.
// A figure without data is null (shown as "—"), never 0.
import { z } from 'zod';

const Minutes = z.number().nullable();
const Share = z.number().nullable();

export const WindowNow = z.object({
  number: z.number(),
  name: z.string(),
  /** serving / called: a ticket at the window; paused; empty: open with nobody; closed. */
  state: z.enum(['serving', 'called', 'paused', 'empty', 'closed']),
  /** The ticket's number, never the citizen's name. */
  ticketNumber: z.string().nullable(),
  /** Minutes since the ticket was called (called) or its service began (serving). */
  forMinutes: Minutes,
});
export type WindowNow = z.infer<typeof WindowNow>;

export const QueueNow = z.object({
  waiting: z.array(z.object({ code: z.string(), name: z.string(), waiting: z.number() })),
  waitingTotal: z.number(),
  longestWaitMinutes: Minutes,
  windows: z.array(WindowNow),
  issued: z.number(),
  served: z.number(),
  noShow: z.number(),
  /** 过号率: no-shows / tickets called. */
  noShowRate: Share,
  legsCalled: z.number(),
  avgWaitMinutes: Minutes,
  p90WaitMinutes: Minutes,
  avgServiceMinutes: Minutes,
  p90ServiceMinutes: Minutes,
  targetMinutes: z.number(),
  aboveTarget: z.number(),
  aboveTargetShare: Share,
});
export type QueueNow = z.infer<typeof QueueNow>;

export const CaseFigures = z.object({
  byStatus: z.array(z.object({ status: z.string(), count: z.number() })),
  yellow: z.number(),
  red: z.number(),
  overdueByItem: z.array(z.object({ itemCode: z.string(), itemName: z.string(), count: z.number() })),
  overdueByVillage: z.array(z.object({ village: z.string().nullable(), count: z.number() })),
  receivedToday: z.number(),
  acceptedToday: z.number(),
  concludedToday: z.number(),
});
export type CaseFigures = z.infer<typeof CaseFigures>;

export const RatingFigures = z.object({
  from: z.string(),
  to: z.string(),
  servicesFinished: z.number(),
  servicesRated: z.number(),
  /** 主动评价率: services rated / services finished. */
  ratedShare: Share,
  ratings: z.number(),
  satisfied: z.number(),
  /** 满意率: levels 3–5 / all ratings, without ratings removed by an upheld appeal. */
  satisfiedShare: Share,
  bad: z.number(),
  ordersDue: z.number(),
  ordersClosed: z.number(),
  /** 差评整改率: orders closed as rectified or answered / orders due in the period. */
  rectifiedShare: Share,
  realNameBad: z.number(),
  realNameCalledBack: z.number(),
  /** 实名差评回访率: real-name bad ratings with a call-back / all real-name bad ratings. */
  calledBackShare: Share,
});
export type RatingFigures = z.infer<typeof RatingFigures>;

export const OpenOrder = z.object({ id: z.number(), level: z.number(), callbackDue: z.string(), rectifyDue: z.string(), calledBack: z.boolean(), windowNumber: z.number().nullable(), caseNo: z.string().nullable() });

export const UploadHealth = z.object({ pending: z.number(), oldestPendingAt: z.string().nullable(), lastSuccessAt: z.string().nullable(), rejected: z.number() });

export const AgentFigures = z.object({
  requestsByVillage: z.array(z.object({ village: z.string(), name: z.string(), count: z.number() })),
  handoverOverdue: z.number(),
});

export const Dashboard = z.object({
  at: z.string(),
  businessDay: z.string(),
  queue: QueueNow,
  cases: CaseFigures,
  ratingsToday: RatingFigures,
  ratingsMonth: RatingFigures,
  openOrders: z.array(OpenOrder),
  openOrderCount: z.number(),
  upload: UploadHealth,
  /** null until the village agents' tables exist (DOMAIN §4). */
  agents: AgentFigures.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The events after which the dashboard asks for its figures again (at most once a second). */
export const DASHBOARD_EVENTS = ['ticket.', 'window.', 'queue.', 'case.', 'rating.', 'sync.'] as const;

/** One row of a report's grouping: the ratings of one window, clerk or channel. */
export const RatingGroup = z.object({ key: z.string().nullable(), label: z.string().nullable(), ratings: z.number(), satisfied: z.number(), bad: z.number(), satisfiedShare: Share });
export type RatingGroup = z.infer<typeof RatingGroup>;

export const RatingReport = z.object({
  from: z.string(),
  to: z.string(),
  totals: RatingFigures,
  byWindow: z.array(RatingGroup),
  byClerk: z.array(RatingGroup),
  byChannel: z.array(RatingGroup),
});
export type RatingReport = z.infer<typeof RatingReport>;
