// Booked appointments: a 6-digit code the citizen enters at the kiosk for a priority ticket.
// A code is worth guessing (it jumps the queue), so each terminal may get only a few wrong in a row,
// and a wrong code, another day's code and a code already used all get the same answer.
import { randomInt } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { AppointmentView } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { BoundedLogs, reserveAll, tooManyAttempts, type WindowRule } from '../auth/attempt-window.js';
import { HallError, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { categoryByCode } from './setup-service.js';
import { maskName } from '../privacy/mask.js';

interface AppointmentRow {
  id: number;
  code: string;
  category_code: string;
  day: string;
  name: string;
  ticket_id: number | null;
}

const toView = (r: AppointmentRow): AppointmentView => ({
  id: r.id,
  code: r.code,
  categoryCode: r.category_code,
  day: r.day,
  name: maskName(r.name),
  checkedInTicketId: r.ticket_id,
});

export function createAppointment(db: Db, clock: Clock, actor: Actor, input: { categoryCode: string; day: string; name: string }): AppointmentView {
  return db.transaction(() => {
    const category = categoryByCode(db, input.categoryCode);
    if (!category || !category.active) throw validationError([{ field: 'categoryCode', code: 'unknown_category', params: { code: input.categoryCode } }]);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (get(db, sql`SELECT 1 FROM appointments WHERE code = ${code}`));
    const id = Number(
      run(
        db,
        sql`INSERT INTO appointments (code, category_id, day, name, created_at, created_by)
            VALUES (${code}, ${category.id}, ${input.day}, ${input.name}, ${clock.now().toISOString()}, ${actor.kind === 'user' ? actor.id : null})`,
      ).lastInsertRowid,
    );
    appendAudit(db, actor, clock.now(), { action: 'appointment-create', entity: 'appointment', entityId: id, detail: { day: input.day, category: input.categoryCode } });
    return listAppointments(db, input.day).find((a) => a.id === id)!;
  }).immediate();
}

export function listAppointments(db: Db, day: string): AppointmentView[] {
  return all<AppointmentRow>(
    db,
    sql`SELECT a.id, a.code, c.code AS category_code, a.day, a.name, a.ticket_id FROM appointments a
        JOIN queue_categories c ON c.id = a.category_id WHERE a.day = ${day} ORDER BY a.id`,
  ).map(toView);
}

/** The one refusal for a code that is unknown, not for today or already checked in. */
export const invalidAppointmentCode = (): HallError => new HallError('domain_rule', 'appointment_invalid');

/** 5 wrong codes in 10 minutes per terminal; a kiosk lifts itself, since the code is the citizen's
 *  own and a mistyped one is retyped at once, not ten times. */
export const APPOINTMENT_GUESSES: WindowRule = { max: 5, windowMs: 10 * 60_000 };

/** Wrong appointment codes per terminal (a device id or an address), remembered for up to 10,000. */
export class AppointmentGuesses {
  private readonly terminals: BoundedLogs<string>;

  constructor(private readonly rule: WindowRule = APPOINTMENT_GUESSES) {
    this.terminals = new BoundedLogs(rule.windowMs, 10_000);
  }

  /** Runs `checkIn` (which judges the code) under the terminal's limit: refused with 429 when the
   *  terminal has used up its wrong codes; a refusal of the code counts, anything else does not. */
  limit<T>(terminal: string, nowMs: number, checkIn: () => T): T {
    const taken = reserveAll([{ log: this.terminals.get(terminal), max: this.rule.max }], nowMs);
    if (!('atMs' in taken)) throw tooManyAttempts(taken.retryAfterMs);
    try {
      const result = checkIn();
      taken.release();
      return result;
    } catch (err) {
      if (err instanceof HallError && err.messageKey === 'appointment_invalid') taken.failed();
      else taken.release();
      throw err;
    }
  }
}
