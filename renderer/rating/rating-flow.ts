// The rating pad's flow as a pure reducer: idle → asking (one finished ticket) → thanks → idle.
// A level once chosen survives a lost connection; the host's "already rated" or "too late" ends it.
// The citizen's choice itself (level, indicators, comment) is one part shared with the kiosk's case
// rating, which asks the same questions through the same form.
import { RATING_INDICATORS, type PendingRating } from '../shared/queue-contract';

export type RatedTicket = NonNullable<PendingRating['ticket']>;
export type Indicator = (typeof RATING_INDICATORS)[number];
export type Indicators = Partial<Record<Indicator, number>>;
/** The rows the citizen is asked (DOMAIN §3): the level chosen first is the overall rating, so the
 *  contract's `overall` indicator is never asked again as a row of its own. */
export const ASKED_INDICATORS = RATING_INDICATORS.filter((i): i is Exclude<Indicator, 'overall'> => i !== 'overall');

export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];
/** 1–2 are bad ratings (差评, DOMAIN §3): the citizen may say why. */
export const isBad = (level: number): boolean => level <= 2;

export const BAD_REASONS = ['longWait', 'attitude', 'unclearMaterials', 'slow'] as const;
export type BadReason = (typeof BAD_REASONS)[number];

export const THANKS_MS = 5_000;
export const NOTICE_MS = 6_000;

export type SubmitProblem = 'unreachable' | 'failed';

/** What the citizen has chosen so far, and whether it is on its way to the host. */
export interface RatingChoice {
  level: Level | null;
  indicators: Indicators;
  comment: string;
  submitting: boolean;
  problem: SubmitProblem | null;
}

export const NO_CHOICE: RatingChoice = { level: null, indicators: {}, comment: '', submitting: false, problem: null };

/** What the rating form sends: a choice, and the press of "submit". */
export type ChoiceAction =
  | { type: 'level'; level: Level }
  | { type: 'indicator'; indicator: Indicator; value: number }
  | { type: 'comment'; text: string }
  | { type: 'reason'; text: string; separator: string }
  | { type: 'submit' };

export type RatingPhase =
  | { name: 'idle' }
  | ({
      name: 'asking';
      ticket: RatedTicket;
      /** Local time (ms) after which nobody is asked about this ticket any more. */
      deadline: number;
      /** A submit may have reached the host before the connection broke. */
      triedUnreachable: boolean;
    } & RatingChoice)
  | { name: 'thanks'; ticketId: number }
  | { name: 'ended'; ticketId: number; message: string };

export type RatingAction =
  | { type: 'pending'; ticket: RatedTicket | null; deadline?: number }
  | ChoiceAction
  | { type: 'submitted' }
  | { type: 'submitFailed'; failure: 'unreachable' | 'rejected' | 'failed'; message?: string }
  | { type: 'expired' }
  | { type: 'finished' };

export const IDLE: RatingPhase = { name: 'idle' };

/**
 * When asking about a ticket stops: the rating window counted from its finish on the host's clock.
 * The pad's own clock may differ, so only the time already gone is taken from the host's times,
 * and it is bounded to [0, window].
 */
export function ratingDeadline(finishedAt: string, windowMinutes: number, receivedAt: number): number {
  const windowMs = windowMinutes * 60_000;
  const finished = Date.parse(finishedAt);
  const gone = Number.isNaN(finished) ? 0 : Math.min(Math.max(receivedAt - finished, 0), windowMs);
  return receivedAt + windowMs - gone;
}

function ask(ticket: RatedTicket, deadline: number): RatingPhase {
  return { name: 'asking', ticket, deadline, triedUnreachable: false, ...NO_CHOICE };
}

/** One choice of the citizen's; nothing changes while the answer is on its way, nor without a level to send. */
export function choose<C extends RatingChoice>(choice: C, action: ChoiceAction): C {
  if (choice.submitting) return choice;
  switch (action.type) {
    case 'level':
      return { ...choice, level: action.level, problem: null };
    case 'indicator': {
      const indicators = { ...choice.indicators };
      // Touching the chosen value again takes it back: every indicator is optional.
      if (indicators[action.indicator] === action.value) delete indicators[action.indicator];
      else indicators[action.indicator] = action.value;
      return { ...choice, indicators };
    }
    case 'comment':
      return { ...choice, comment: action.text.slice(0, 500) };
    case 'reason': {
      // A quick-pick reason toggles in and out of the comment; what the citizen typed stays.
      const parts = choice.comment.split(action.separator.trim()).map((p) => p.trim()).filter(Boolean);
      const next = parts.includes(action.text) ? parts.filter((p) => p !== action.text) : [...parts, action.text];
      return { ...choice, comment: next.join(action.separator).slice(0, 500) };
    }
    case 'submit':
      return choice.level === null ? choice : { ...choice, submitting: true, problem: null };
  }
}

export function ratingReducer(phase: RatingPhase, action: RatingAction): RatingPhase {
  switch (action.type) {
    case 'pending': {
      const { ticket } = action;
      const deadline = action.deadline ?? Number.POSITIVE_INFINITY;
      if (phase.name === 'asking') {
        if (ticket && ticket.id === phase.ticket.id) return { ...phase, ticket: { ...phase.ticket, ...ticket, clerkName: ticket.clerkName ?? phase.ticket.clerkName } };
        // The citizen has started (or is sending): keep the answer; the host decides at submit.
        if (phase.level !== null || phase.submitting) return phase;
        return ticket ? ask(ticket, deadline) : IDLE;
      }
      if (!ticket) return phase;
      if ((phase.name === 'thanks' || phase.name === 'ended') && phase.ticketId === ticket.id) return phase;
      return ask(ticket, deadline);
    }
    case 'level':
    case 'indicator':
    case 'comment':
    case 'reason':
    case 'submit':
      return phase.name === 'asking' ? choose(phase, action) : phase;
    case 'submitted':
      return phase.name === 'asking' ? { name: 'thanks', ticketId: phase.ticket.id } : phase;
    case 'submitFailed': {
      if (phase.name !== 'asking') return phase;
      if (action.failure === 'unreachable') return { ...phase, submitting: false, problem: 'unreachable', triedUnreachable: true };
      if (action.failure === 'rejected') {
        // An earlier attempt that lost its answer may have been saved: "already rated" is then ours.
        if (phase.triedUnreachable) return { name: 'thanks', ticketId: phase.ticket.id };
        return { name: 'ended', ticketId: phase.ticket.id, message: action.message ?? '' };
      }
      return { ...phase, submitting: false, problem: 'failed' };
    }
    case 'expired':
      return phase.name === 'asking' && !phase.submitting ? IDLE : phase;
    case 'finished':
      return phase.name === 'thanks' || phase.name === 'ended' ? IDLE : phase;
  }
}

/** What the citizen said, as the host takes it: only the indicators chosen, a comment only with a bad rating. */
export function ratingScores(choice: RatingChoice): { level: Level; indicators?: Indicators; comment?: string } | null {
  if (choice.level === null) return null;
  const comment = isBad(choice.level) ? choice.comment.trim() : '';
  return {
    level: choice.level,
    ...(Object.keys(choice.indicators).length > 0 ? { indicators: choice.indicators } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The pad's request body: the ticket it asks about, and the scores. */
export function ratingRequest(phase: Extract<RatingPhase, { name: 'asking' }>) {
  const scores = ratingScores(phase);
  return scores ? { ticketId: phase.ticket.id, ...scores } : null;
}

/** How a failed submit is taken: nobody there (keep everything), the host said no (409/422), or other. */
export function submitFailure(error: unknown): 'unreachable' | 'rejected' | 'failed' {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  const status = error !== null && typeof error === 'object' ? (error as { status?: unknown }).status : undefined;
  if (code === 'unreachable') return 'unreachable';
  if (status === 409 || status === 422) return 'rejected';
  return 'failed';
}

interface CompletedData {
  ratingDeviceId?: unknown;
  ticketId?: unknown;
  number?: unknown;
  windowNumber?: unknown;
}

/** The ticket a ticket.completed event names for this pad, or null when it is for another pad. */
export function completedForPad(type: string, data: unknown, at: string, deviceId: number | null): RatedTicket | null {
  if (type !== 'ticket.completed' || deviceId === null || data === null || typeof data !== 'object') return null;
  const d = data as CompletedData;
  if (d.ratingDeviceId !== deviceId || typeof d.ticketId !== 'number' || typeof d.number !== 'string' || typeof d.windowNumber !== 'number') return null;
  return { id: d.ticketId, number: d.number, windowNumber: d.windowNumber, clerkName: null, finishedAt: at };
}
