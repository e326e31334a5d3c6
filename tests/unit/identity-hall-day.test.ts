// A birth date "today" is judged by the hall's calendar (hall.timeZone), not the process's: a host on
// UTC is still on yesterday until 08:00 China time.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResidentId, residentIdCheckChar, residentIdProblem, setHallTimeZone } from '../../electron/contract/identity.js';

const bornOn = (yyyymmdd: string) => {
  const first17 = `110101${yyyymmdd}123`;
  return first17 + residentIdCheckChar(first17);
};

const processZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC'; // the host's process zone, as on a server
  vi.useFakeTimers({ now: new Date('2026-03-01T17:30:00Z'), toFake: ['Date'] }); // China: 2026-03-02 01:30
});
afterEach(() => setHallTimeZone('Asia/Shanghai'));
afterAll(() => {
  vi.useRealTimers();
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('the birth-date check uses the hall day', () => {
  it('accepts an ID born on the hall day at 01:30 China time on a UTC process', () => {
    expect(new Date().getDate()).toBe(1); // the process is still on 1 March
    expect(residentIdProblem(bornOn('20260302'))).toBeNull();
    expect(ResidentId.safeParse(bornOn('20260302')).success).toBe(true);
  });

  it('still refuses the next day', () => {
    expect(residentIdProblem(bornOn('20260303'))).toBe('id_birth_date');
  });

  it('follows the configured hall time zone', () => {
    setHallTimeZone('UTC');
    expect(residentIdProblem(bornOn('20260302'))).toBe('id_birth_date');
    expect(residentIdProblem(bornOn('20260301'))).toBeNull();
  });
});
