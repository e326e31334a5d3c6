// Passwords are kept as scrypt hashes: `scrypt$N$r$p$salt$hash`, salt and hash in base64.
//
// scrypt runs in libuv's thread pool (4 threads by default), which file access and the other crypto
// share. Checking a password is what anyone may ask for (the login, the kiosk lookup), so those
// checks get two threads between them and a short queue (work-gate.ts): a flood is answered at once
// with 503 and Retry-After instead of queueing for minutes, and known terminals are served first.
// Hashing a new password (intake's query password, a user's new password, a clerk printing a notice
// with the query password) comes from signed-in staff and has its own two slots, so intake is never
// stuck behind a flood of guesses.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { WorkGate, type Lane } from './work-gate.js';

export { WorkGate, type Lane } from './work-gate.js';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Password checks anyone may ask for. 32 queued behind 2 running is about a second; more than one
 *  address may keep in flight (login-limiter.ts), so a single guesser never fills it alone. */
export const checkGate = new WorkGate(2, 32);
/** Work asked for by signed-in staff (hashing new passwords, a clerk's check): its own slots, never
 *  behind the public checks. */
export const staffGate = new WorkGate(2, Number.POSITIVE_INFINITY);

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await staffGate.run(() => scrypt(password, salt, { N, r: R, p: P }));
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password, by default through the public check gate, which may throw 503
 *  `password_checks_busy` (nothing judged); staff routes pass `staffGate`, known terminals `'known'`. */
export async function verifyPassword(password: string, stored: string, gate: WorkGate = checkGate, lane: Lane = 'public'): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await gate.run(() => scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }), lane);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Something to hash against when the user does not exist, so timing does not reveal user names. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
