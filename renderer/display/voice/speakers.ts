// The two ways the display can speak: a Chinese system voice through the Web Speech API, or the
// bundled clips played one after another. Chosen per sentence, since system voices load late.
import { ALL_CLIPS, clipsFor, clipUrl } from './clip-plan';
import { PlaybackBlocked, type Speaker } from './voice-queue';

export interface VoiceLike {
  lang: string;
  name: string;
}

/** The best Mandarin voice: zh-CN first, then other Mandarin; Cantonese (zh-HK) would confuse people. */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (voice: V): number => {
    const lang = voice.lang.replace('_', '-').toLowerCase();
    if (lang === 'zh-cn' || lang === 'cmn-cn' || lang === 'cmn-hans-cn') return 0;
    if (lang.startsWith('cmn')) return 1;
    if (lang === 'zh' || lang === 'zh-hans' || lang === 'zh-sg') return 2;
    if (lang === 'zh-tw') return 3;
    return 99;
  };
  const candidates = voices.filter((v) => rank(v) < 99).sort((a, b) => rank(a) - rank(b));
  return candidates[0] ?? null;
}

/** Long enough for the slowest voice; a voice that never reports its end must not stall the queue. */
const speechTimeout = (text: string) => 5_000 + text.length * 500;
/** How long a suspended AudioContext gets to start before we call sound blocked. */
const RESUME_WAIT_MS = 500;

function speakWithSystemVoice(synth: SpeechSynthesis, voice: SpeechSynthesisVoice, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    let done = false;
    const finish = (then: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      then();
    };
    const timer = setTimeout(() => {
      synth.cancel();
      finish(resolve);
    }, speechTimeout(text));
    utterance.onend = () => finish(resolve);
    utterance.onerror = (event) => finish(() => (event.error === 'not-allowed' ? reject(new PlaybackBlocked()) : resolve()));
    synth.speak(utterance);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays a sentence's clips back to back through Web Audio: decoded once, scheduled on one clock, so
 * there is no gap or start-up delay between characters (one <audio> per clip added ~0.1 s each).
 */
class ClipPlayer {
  private context: AudioContext | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();

  /** Fetches and decodes every clip once, so the first call of the day is not slowed by loading. */
  preload(): void {
    for (const name of ALL_CLIPS) void this.buffer(name);
  }

  async say(text: string): Promise<void> {
    const context = this.audioContext();
    if (context.state !== 'running') {
      // Browsers keep audio suspended until the page is clicked; Electron's display window may play.
      await Promise.race([context.resume().catch(() => undefined), sleep(RESUME_WAIT_MS)]);
      if ((context.state as AudioContextState) !== 'running') throw new PlaybackBlocked();
    }
    // A clip that will not load or decode is left out; the rest of the sentence is still said.
    const buffers = (await Promise.all(clipsFor(text).map((name) => this.buffer(name)))).filter((b): b is AudioBuffer => b !== null);
    if (buffers.length === 0) return;
    let at = context.currentTime + 0.05;
    let last: AudioBufferSourceNode | null = null;
    for (const buffer of buffers) {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.start(at);
      at += buffer.duration;
      last = source;
    }
    const ending = last;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, (at - context.currentTime) * 1000 + 2_000);
      if (ending)
        ending.onended = () => {
          clearTimeout(timer);
          resolve();
        };
    });
  }

  private audioContext(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }

  private buffer(name: string): Promise<AudioBuffer | null> {
    let loading = this.buffers.get(name);
    if (!loading) {
      loading = fetch(clipUrl(name))
        .then((response) => (response.ok ? response.arrayBuffer() : null))
        .then((bytes) => (bytes ? this.audioContext().decodeAudioData(bytes) : null))
        .catch(() => null)
        .then((decoded) => {
          // Not cached when it failed (host unreachable at start-up, say): asked for again next time.
          if (!decoded) this.buffers.delete(name);
          return decoded;
        });
      this.buffers.set(name, loading);
    }
    return loading;
  }
}

export type VoiceMode = 'speech' | 'clips';

/** Speaks with a Chinese system voice when the computer has one, else with the bundled clips. */
export class HallSpeaker implements Speaker {
  private readonly clips = new ClipPlayer();
  mode: VoiceMode = 'clips';

  constructor({ preloadClips = false }: { preloadClips?: boolean } = {}) {
    if (preloadClips) this.clips.preload();
  }

  speak(text: string): Promise<void> {
    const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    const voice = synth ? pickChineseVoice(synth.getVoices()) : null;
    if (synth && voice) {
      this.mode = 'speech';
      return speakWithSystemVoice(synth, voice, text);
    }
    this.mode = 'clips';
    return this.clips.say(text);
  }
}
