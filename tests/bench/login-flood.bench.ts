// What a flood of wrong passwords costs everyone else: a legitimate login (from another PC) and a
// case intake (which hashes the new query password), timed quiet and while 200 wrong logins are sent
// at once — first all from one address (the login limiter stops them before scrypt), then from 200
// addresses (the password-check gate takes 2 + 32 and answers the rest 503 at once; a PC staff logged
// in from before is served in its own lane, a PC never seen queues with the flood). The hall runs in
// this process (tests/integration/support/hall.ts) so the test clock and loopback addresses are at
// hand; scrypt runs in libuv's pool either way. No goal (STYLE §12): it prints, it does not assert.
import { afterAll, beforeAll, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type ApiResult, type TestHall } from '../integration/support/hall.js';
import { addItems, ALL_PROVIDED, PERSON, staff, type Staff } from '../integration/support/cases.js';
import { fromAddress, type AddressClient } from '../integration/support/from-address.js';
import { ms, percentile, printTable } from './support/stats.js';

const FLOOD = 200;
const ROUNDS = 8;

let h: TestHall;
let s: Staff;
let owner: AddressClient;
const opened: AddressClient[] = [];
/** Each "new PC" login comes from an address never used before (a success makes it a known PC). */
let newPcs = 0;

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  s = await staff(h);
  owner = fromAddress(h.base, '127.0.0.1');
  opened.push(owner);
});
afterAll(async () => {
  for (const c of opened) c.close();
  await h.close();
});

async function timed(call: () => Promise<ApiResult>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await call();
  return { ms: performance.now() - started, status: res.status };
}

const legitLogin = () => timed(() => owner.api('POST', '/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
const intake = () => timed(() => owner.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } }));

interface Sample {
  login: number[];
  loginStatus: Record<number, number>;
  /** The same login from an address no one has logged in from (not a known PC). */
  newPcStatus: Record<number, number>;
  intake: number[];
  flood: Record<number, number>;
  floodMs: number[];
}

const empty = (): Sample => ({ login: [], loginStatus: {}, newPcStatus: {}, intake: [], flood: {}, floodMs: [] });
const count = (acc: Record<number, number>, status: number) => (acc[status] = (acc[status] ?? 0) + 1);

/** One round: the flood is sent, and while it is in flight one legitimate login and one intake. */
async function round(sample: Sample, flooders: AddressClient[] | null, r: number, delayMs = 5): Promise<void> {
  const started = performance.now();
  const flood = flooders
    ? Promise.all(
        Array.from({ length: FLOOD }, (_, i) =>
          flooders[i % flooders.length]!.api('POST', '/auth/login', { body: { username: `made-up-${r}-${i}`, password: 'wrong-password' } }).then((res) => count(sample.flood, res.status)),
        ),
      ).then(() => sample.floodMs.push(performance.now() - started))
    : Promise.resolve();
  // Let the flood reach the host first.
  if (flooders) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const n = newPcs++;
  const newPc = fromAddress(h.base, `127.250.${n >> 8}.${(n & 255) + 1}`, 1);
  const [login, kept, fresh] = await Promise.all([
    legitLogin(),
    intake(),
    newPc.api('POST', '/auth/login', { body: { username: 'clerk-a', password: 'password-clerk' } }),
  ]);
  newPc.close();
  sample.login.push(login.ms);
  count(sample.loginStatus, login.status);
  count(sample.newPcStatus, fresh.status);
  sample.intake.push(kept.ms);
  if (kept.status !== 201) throw new Error(`intake refused: ${kept.status}`);
  await flood;
}

it('login flood: a legitimate login and an intake, quiet and under 200 parallel wrong logins', async () => {
  for (let i = 0; i < 3; i++) await round(empty(), null, -1);
  const quiet = empty();
  const oneAddress = empty();
  const manyAddresses = empty();
  const manyAddressesLate = empty();
  for (let r = 0; r < ROUNDS; r++) {
    await round(quiet, null, r);
    const single = fromAddress(h.base, `127.0.1.${r + 1}`);
    opened.push(single);
    await round(oneAddress, [single], r);
    const many = Array.from({ length: FLOOD }, (_, i) => fromAddress(h.base, `127.${2 + r}.${i >> 8}.${(i & 255) + 1}`, 1));
    await round(manyAddresses, many, r);
    for (const c of many) c.close();
    // The same, with the legitimate requests sent once the whole flood is queued.
    const late = Array.from({ length: FLOOD }, (_, i) => fromAddress(h.base, `127.${20 + r}.${i >> 8}.${(i & 255) + 1}`, 1));
    await round(manyAddressesLate, late, r + 100, 150);
    for (const c of late) c.close();
  }
  const row = (name: string, x: Sample) => [
    name,
    ms(percentile(x.login, 50)),
    ms(Math.max(...x.login)),
    JSON.stringify(x.loginStatus),
    JSON.stringify(x.newPcStatus),
    ms(percentile(x.intake, 50)),
    ms(Math.max(...x.intake)),
    x.floodMs.length ? ms(percentile(x.floodMs, 50)) : '-',
    JSON.stringify(x.flood),
  ];
  printTable(
    `legitimate login and case intake, ${ROUNDS} rounds each (flood = ${FLOOD} wrong logins sent at once)`,
    ['while', 'login p50', 'login max', 'login statuses', 'new PC login', 'intake p50', 'intake max', 'flood done p50', 'flood statuses (all rounds)'],
    [row('quiet', quiet), row('flood from 1 address', oneAddress), row(`flood from ${FLOOD} addresses`, manyAddresses), row(`  same, sent 150 ms into it`, manyAddressesLate)],
  );
  const ratio = (a: number[], b: number[]) => (percentile(a, 50) / percentile(b, 50)).toFixed(2);
  process.stdout.write(
    `\nintake p50 under flood ÷ quiet: 1 address ${ratio(oneAddress.intake, quiet.intake)}, ${FLOOD} addresses ${ratio(manyAddresses.intake, quiet.intake)}\n` +
      `login p50 under flood ÷ quiet: 1 address ${ratio(oneAddress.login, quiet.login)}, ${FLOOD} addresses ${ratio(manyAddresses.login, quiet.login)}\n`,
  );
});
