// Slows password guessing at the staff login. Every attempt reserves a failure in each counter it
// falls under *before* the password is hashed, so a hundred guesses sent at once are refused like a
// hundred sent one by one: at most `max` of them are ever judged.
//
// Which counters, and why:
// - (address, account) for a name that exists: 5 failures in 15 minutes. One person at one PC who
//   forgot the password, or one attacker at one address, is stopped here; the account stays open
//   from every other address, so an attacker on the Wi-Fi cannot lock the clerks out of their own PCs.
// - account, from every address together: 20 failures in 15 minutes. Bounds guessing spread over
//   many addresses. The price: someone holding four or more addresses can keep an account locked;
//   on a hall's LAN that is visible in the audit trail, and the lock ends by itself 15 minutes after
//   the guessing stops (the admin can also be reached from the host: --reset-admin-password).
// - address, whatever the names: 20 failures in 15 minutes. A spray of made-up names is cut short
//   and costs one counter per address; and one address can never have more checks in flight than
//   the password-check queue holds (auth/passwords.ts), so it cannot crowd out anyone else's login.
// - (address, name) for a name that does not exist: 5 in 15 minutes, like an account, so the answer
//   after five wrong tries does not tell which names exist.
// Counters of the hall's own accounts are kept in a map that is never evicted (the accounts are a
// small set); addresses and made-up names live in bounded least-recently-used maps. A flood of
// made-up names can only push out other made-up names and addresses, never an account's count.
import { AttemptLog, BoundedLogs, KeptLogs, lruGet, reserveAll, type Reservation, type WindowRule } from './attempt-window.js';

export interface LoginRules {
  perAddressAccount: WindowRule;
  perAccount: WindowRule;
  perAddress: WindowRule;
  /** Addresses (each with its made-up names) remembered at most. */
  maxAddresses: number;
}

const WINDOW_MS = 15 * 60_000;
/** Counters of addresses that stopped trying are dropped every so many attempts. */
const SWEEP_EVERY = 256;
export const LOGIN_RULES: LoginRules = {
  perAddressAccount: { max: 5, windowMs: WINDOW_MS },
  perAccount: { max: 20, windowMs: WINDOW_MS },
  perAddress: { max: 20, windowMs: WINDOW_MS },
  maxAddresses: 10_000,
};

/** What an address has failed at: all names together, and each made-up name on its own. */
interface AddressLogs {
  all: AttemptLog;
  names: BoundedLogs<string>;
}

export type LoginAttempt = { ok: true; reservation: Reservation; succeeded(): void } | { ok: false; retryAfterMs: number };

export class LoginLimiter {
  /** The hall's accounts, by user id: never evicted. */
  private readonly accounts: KeptLogs<number>;
  /** (account, address) → failures; bounded by the account's own limit, so never large. */
  private readonly accountAddresses: KeptLogs<string>;
  private readonly addresses = new Map<string, AddressLogs>();
  private reserves = 0;

  constructor(private readonly rules: LoginRules = LOGIN_RULES) {
    this.accounts = new KeptLogs(rules.perAccount.windowMs);
    this.accountAddresses = new KeptLogs(rules.perAddressAccount.windowMs);
  }

  private addressLogs(address: string): AddressLogs {
    const { windowMs, max } = this.rules.perAddress;
    // An address cannot fail at more names than its own limit allows (names are only counted while
    // the address has room), so `max + 1` keeps every live name and forgets dead ones first.
    const make = () => ({ all: new AttemptLog(windowMs), names: new BoundedLogs<string>(this.rules.perAddressAccount.windowMs, max + 1) });
    return lruGet(this.addresses, address, make, this.rules.maxAddresses);
  }

  /**
   * Takes a slot before the password is checked. `accountId`: the user the name belongs to, null when
   * there is none. On a wrong password call `reservation.failed()`, on a right one `succeeded()`, and
   * `reservation.release()` when the password was never judged.
   */
  reserve(address: string, username: string, accountId: number | null, nowMs: number): LoginAttempt {
    if (++this.reserves % SWEEP_EVERY === 0) this.sweep(nowMs);
    const here = this.addressLogs(address);
    const { perAddress, perAddressAccount, perAccount } = this.rules;
    // A full address is refused before any name is looked at, so refusals create no counters.
    const addressWait = here.all.retryAfterMs(perAddress.max, nowMs);
    if (addressWait > 0) return { ok: false, retryAfterMs: addressWait };
    const checks = [{ log: here.all, max: perAddress.max }];
    let pairKey: string | null = null;
    if (accountId !== null) {
      pairKey = `${accountId}\u0000${address}`;
      checks.push({ log: this.accountAddresses.get(pairKey), max: perAddressAccount.max }, { log: this.accounts.get(accountId), max: perAccount.max });
    } else {
      checks.push({ log: here.names.get(username.toLowerCase()), max: perAddressAccount.max });
    }
    const taken = reserveAll(checks, nowMs);
    if (!('atMs' in taken)) {
      this.tidy(accountId, pairKey, nowMs);
      return { ok: false, retryAfterMs: taken.retryAfterMs };
    }
    return {
      ok: true,
      reservation: taken,
      succeeded: () => {
        taken.release();
        // The owner got in from here: what failed from this address is forgiven. Failures from
        // other addresses are not (an attacker could otherwise reset them by waiting for a login).
        if (pairKey !== null) this.accountAddresses.delete(pairKey);
        this.tidy(accountId, null, nowMs);
      },
    };
  }

  /** Milliseconds an account is locked for from this address (0: not locked). */
  lockedForMs(address: string, accountId: number, nowMs: number): number {
    const pair = this.accountAddresses.peek(`${accountId}\u0000${address}`)?.retryAfterMs(this.rules.perAddressAccount.max, nowMs) ?? 0;
    const account = this.accounts.peek(accountId)?.retryAfterMs(this.rules.perAccount.max, nowMs) ?? 0;
    return Math.max(pair, account);
  }

  /** How many counters are held, for the tests that spray names at it. */
  sizes(): { accounts: number; accountAddresses: number; addresses: number } {
    return { accounts: this.accounts.size, accountAddresses: this.accountAddresses.size, addresses: this.addresses.size };
  }

  private sweep(nowMs: number): void {
    this.accounts.sweep(nowMs);
    this.accountAddresses.sweep(nowMs);
  }

  private tidy(accountId: number | null, pairKey: string | null, nowMs: number): void {
    if (accountId !== null) this.accounts.tidy(accountId, nowMs);
    if (pairKey !== null) this.accountAddresses.tidy(pairKey, nowMs);
  }
}
