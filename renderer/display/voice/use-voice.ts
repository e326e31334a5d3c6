// The display's voice: one queue for the page's lifetime, its log exposed for tests and support
// (window.__hallVoice and the hidden voice-log list), and whether a click is needed to allow sound.
import { useCallback, useEffect, useRef, useState } from 'react';
import { HallSpeaker, type VoiceMode } from './speakers';
import { VoiceQueue } from './voice-queue';

declare global {
  interface Window {
    __hallVoice?: { queued: string[]; spoken: string[] };
  }
}

export interface Voice {
  announce(text: string, repeat: number): void;
  /** Sound was refused: the page shows the "click to enable" overlay. */
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
    return () => {
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
  return { announce, blocked, unlock, queued: queue.current?.queued ?? [], mode: speaker.current?.mode ?? 'clips' };
}
