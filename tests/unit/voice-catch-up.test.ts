import { describe, expect, it } from 'vitest';
import { ANNOUNCE_MAX_AGE_MS, callKey, hostClockOffset, shouldAnnounce } from '../../renderer/display/voice/catch-up';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString();
const call = { ticketId: 7, callCount: 1 };

describe('shouldAnnounce', () => {
  it('announces a fresh call', () => {
    expect(shouldAnnounce({ eventAt: at(0), hostNow: NOW, call, heard: new Set() })).toBe(true);
    expect(shouldAnnounce({ eventAt: at(29), hostNow: NOW, call, heard: new Set() })).toBe(true);
  });

  it('keeps quiet about a call older than 30 s (a replay after reconnecting)', () => {
    expect(ANNOUNCE_MAX_AGE_MS).toBe(30_000);
    expect(shouldAnnounce({ eventAt: at(31), hostNow: NOW, call, heard: new Set() })).toBe(false);
    expect(shouldAnnounce({ eventAt: at(3600), hostNow: NOW, call, heard: new Set() })).toBe(false);
  });

  it('announces a call only once, but a recall (callCount grew) again', () => {
    const heard = new Set([callKey(call)]);
    expect(shouldAnnounce({ eventAt: at(1), hostNow: NOW, call, heard })).toBe(false);
    expect(shouldAnnounce({ eventAt: at(1), hostNow: NOW, call: { ticketId: 7, callCount: 2 }, heard })).toBe(true);
  });

  it('ignores an event without a readable time', () => {
    expect(shouldAnnounce({ eventAt: 'yesterday', hostNow: NOW, call, heard: new Set() })).toBe(false);
  });
});

describe('hostClockOffset', () => {
  it('measures ages on the host clock even when the display clock is minutes off', () => {
    const displayNow = NOW - 5 * 60_000; // this display's clock is five minutes slow
    const offset = hostClockOffset(new Date(NOW).toISOString(), displayNow);
    expect(offset).toBe(5 * 60_000);
    expect(shouldAnnounce({ eventAt: at(2), hostNow: displayNow + offset, call, heard: new Set() })).toBe(true);
    // Without the offset the same fresh call would look like it came from the future; a slow host clock
    // the other way round would make every call look old.
    expect(shouldAnnounce({ eventAt: at(40), hostNow: displayNow + offset, call, heard: new Set() })).toBe(false);
  });
});
