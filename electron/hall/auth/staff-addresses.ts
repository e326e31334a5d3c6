// The addresses staff have logged in from in the last 30 days: the hall's own PCs. Their password
// checks are served first when a flood fills the public queue (work-gate.ts). Only a successful login
// adds an address, so a guesser cannot put itself on the list; and since the list is by address, not
// by name, it says nothing about which user names exist.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';

const KEEP_MS = 30 * 86_400_000;

export class StaffAddresses {
  private readonly lastLogin = new Map<string, number>();

  /** Seeds the list from the sessions table, so a restart of the host forgets no PC. */
  constructor(db: Db, nowMs: number) {
    const since = new Date(nowMs - KEEP_MS).toISOString();
    const rows = all<{ ip: string; at: string }>(
      db,
      sql`SELECT client_ip AS ip, max(created_at) AS at FROM sessions WHERE created_at > ${since} AND client_ip IS NOT NULL GROUP BY client_ip`,
    );
    for (const r of rows) this.lastLogin.set(r.ip, Date.parse(r.at));
  }

  has(address: string, nowMs: number): boolean {
    const at = this.lastLogin.get(address);
    if (at === undefined) return false;
    if (nowMs - at < KEEP_MS) return true;
    this.lastLogin.delete(address);
    return false;
  }

  loggedIn(address: string, nowMs: number): void {
    this.lastLogin.set(address, nowMs);
  }
}
