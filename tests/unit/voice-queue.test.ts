import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlaybackBlocked, VoiceQueue, type Speaker } from '../../renderer/display/voice/voice-queue';

/** A speaker that takes `ms` per sentence and records what overlapped. */
function fakeSpeaker(ms = 1000) {
  const events: string[] = [];
  let active = 0;
  let maxActive = 0;
  let refuse = false;
  const speaker: Speaker = {
    speak(text) {
      if (refuse) return Promise.reject(new PlaybackBlocked());
      active += 1;
      maxActive = Math.max(maxActive, active);
      events.push(`start ${text}`);
      return new Promise((resolve) =>
        setTimeout(() => {
          active -= 1;
          events.push(`end ${text}`);
          resolve();
        }, ms),
      );
    },
  };
  return {
    speaker,
    events,
    get maxActive() {
      return maxActive;
    },
    refuse(on: boolean) {
      refuse = on;
    },
  };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-03-02T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('VoiceQueue', () => {
  it('says announcements one after another, never two at once', async () => {
    const fake = fakeSpeaker();
    const queue = new VoiceQueue({ speaker: fake.speaker, wait, gapMs: 200 });
    queue.enqueue('一', 1);
    queue.enqueue('二', 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.events).toEqual(['start 一']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.events).toEqual(['start 一', 'end 一', 'start 二', 'end 二']);
    expect(fake.maxActive).toBe(1);
  });

  it('plays a burst of 10 calls in 1 s completely and in order', async () => {
    const fake = fakeSpeaker(1500);
    const queue = new VoiceQueue({ speaker: fake.speaker, wait, gapMs: 300 });
    const texts = Array.from({ length: 10 }, (_, i) => `请 A ${i} 号`);
    for (const text of texts) {
      queue.enqueue(text, 1);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queue.queued).toEqual(texts);
    expect(queue.spoken).toEqual(texts);
    expect(fake.maxActive).toBe(1);
    expect(queue.backlog).toBe(0);
  });

  it('says each announcement as many times as set (1–3), repeats before the next call', async () => {
    const fake = fakeSpeaker(100);
    const queue = new VoiceQueue({ speaker: fake.speaker, wait, gapMs: 50 });
    queue.enqueue('甲', 2);
    queue.enqueue('乙', 3);
    queue.enqueue('丙', 9);
    queue.enqueue('丁', 0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(queue.queued).toEqual(['甲', '乙', '丙', '丁']);
    expect(queue.spoken).toEqual(['甲', '甲', '乙', '乙', '乙', '丙', '丙', '丙', '丁']);
  });

  it('waits for a click when sound is refused, then goes on — without calls that went stale meanwhile', async () => {
    const fake = fakeSpeaker(100);
    const onBlocked = vi.fn();
    const queue = new VoiceQueue({ speaker: fake.speaker, wait, gapMs: 50, onBlocked, staleAfterMs: 30_000 });
    fake.refuse(true);
    queue.enqueue('旧', 1);
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.isBlocked).toBe(true);
    expect(onBlocked).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    queue.enqueue('新', 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.spoken).toEqual([]);
    fake.refuse(false);
    queue.resume();
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.queued).toEqual(['旧', '新']);
    expect(queue.spoken).toEqual(['新', '新']);
  });

  it('moves on when a voice fails for another reason', async () => {
    let calls = 0;
    const queue = new VoiceQueue({
      speaker: { speak: () => (++calls === 1 ? Promise.reject(new Error('synthesis-failed')) : Promise.resolve()) },
      wait,
      gapMs: 10,
    });
    queue.enqueue('一', 1);
    queue.enqueue('二', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.spoken).toEqual(['二']);
    expect(queue.isBlocked).toBe(false);
  });

  it('stops saying anything once disposed', async () => {
    const fake = fakeSpeaker(100);
    const queue = new VoiceQueue({ speaker: fake.speaker, wait, gapMs: 10 });
    queue.enqueue('一', 1);
    queue.enqueue('二', 1);
    queue.dispose();
    queue.enqueue('三', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.spoken).toEqual(['一']);
    expect(queue.queued).toEqual(['一', '二']);
  });
});
