// The display's voice: one queue for the page's lifetime, its log exposed for tests and support
// (window.__hallVoice and the hidden voice-log list), and whether a click is needed to allow sound.
import { useCallback, useEffect, useRef, useState } from 'react';
import { soundAllowedWithoutClick } from './autoplay-probe';
import { HallSpeaker, type VoiceMode } from './speakers';
import { VoiceQueue } from './voice-queue';

declare global {
  interface Window {
    __hallVoice?: { queued: string[]; spoken: string[] };
  }
}

export interface Voice {
  announce(text: string, repeat: number): void;
  /** Sound is refused until the first click or key (a browser's autoplay policy): the page shows a
   *  small notice, never a cover, and any click or key anywhere turns the voice on. */
  blocked: boolean;
  unlock(): void;
  queued: readonly string[];
  mode: VoiceMode;
}

export function useVoice(): Voice {
  const queue = useRef<VoiceQueue | null>(null);
  const speaker = useRef<HallSpeaker | null>(null);
  const [, setVersion] = useState(0);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const hallSpeaker = new HallSpeaker({ preloadClips: true });
    const created = new VoiceQueue({
      speaker: hallSpeaker,
      onChange: () => setVersion((v) => v + 1),
      onBlocked: () => setBlocked(true),
    });
    speaker.current = hallSpeaker;
    queue.current = created;
    window.__hallVoice = { queued: created.queued, spoken: created.spoken };
    setVersion((v) => v + 1);
    // Known before the first call, so the notice is up while someone is still there to read it.
    let live = true;
    void soundAllowedWithoutClick().then((allowed) => {
      if (live && !allowed && !navigator.userActivation?.hasBeenActive) setBlocked(true);
    });
    return () => {
      live = false;
      created.dispose();
      if (queue.current === created) queue.current = null;
    };
  }, []);
  const announce = useCallback((text: string, repeat: number) => queue.current?.enqueue(text, repeat), []);
  const unlock = useCallback(() => {
    setBlocked(false);
    // Runs inside the click, so the browser counts the sound that follows as user-initiated.
    queue.current?.resume();
  }, []);
  useEffect(() => {
    if (!blocked) return;
    // A wall TV has no mouse: the first key of a remote or keyboard, or a touch, is enough.
    const events = ['pointerdown', 'keydown'] as const;
    for (const name of events) window.addEventListener(name, unlock, { capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, unlock, { capture: true });
    };
  }, [blocked, unlock]);
  return { announce, blocked, unlock, queued: queue.current?.queued ?? [], mode: speaker.current?.mode ?? 'clips' };
}
