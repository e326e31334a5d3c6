// Keeps the display's state current: loads /queue/state and the settings, follows the host's events,
// and hands each fresh call to the voice. Reloaded calls are shown, never said (catch-up rule).
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { HallEvent } from '../shared/contract';
import { queueApi } from '../shared/queue-api';
import type { QueueSettings } from '../shared/queue-contract';
import type { TerminalContext } from '../terminal/paired-screen';
import { displayReducer, INITIAL_DISPLAY_STATE, type DisplayState } from './display-state';
import { planEvent } from './feed-plan';
import { announcementText, type AnnouncementSettings } from './voice/announcement';
import { callKey } from './voice/catch-up';

/** Until the settings arrive, calls are said the way a new hall is set up (DOMAIN §7). */
const FALLBACK_VOICE: AnnouncementSettings & { announceRepeat: number } = {
  announcementTemplate: '请 {number} 号到 {window} 号窗口办理',
  numberReading: 'digits',
  announceRepeat: 2,
};

const RETRY_MS = 5_000;
/** A quiet safety net (a new business day, a lost event); it never announces anything. */
const REFRESH_MS = 5 * 60_000;

type Announce = (text: string, repeat: number) => void;

export function useDisplayFeed(ctx: Pick<TerminalContext, 'api' | 'subscribe'>, announce: Announce): DisplayState {
  const [state, dispatch] = useReducer(displayReducer, INITIAL_DISPLAY_STATE);
  // The context object is new at every render of the terminal; its api and subscribe are stable.
  const { api: client, subscribe } = ctx;
  const api = useMemo(() => queueApi(client), [client]);
  const settings = useRef<QueueSettings | null>(null);
  const heard = useRef(new Set<string>());
  const clockOffset = useRef(0);
  /** Events that came while a reload was on its way; applied again on top of the loaded state. */
  const arrivedDuringLoad = useRef<HallEvent[] | null>(null);
  const loadAgain = useRef(false);
  const announceRef = useRef(announce);
  announceRef.current = announce;

  const reload = useCallback(async (): Promise<void> => {
    if (arrivedDuringLoad.current) {
      loadAgain.current = true;
      return;
    }
    arrivedDuringLoad.current = [];
    try {
      const [queueState, queueSettings] = await Promise.all([api.state(), api.settings()]);
      settings.current = queueSettings;
      dispatch({ type: 'settings', settings: queueSettings });
      dispatch({ type: 'loaded', state: queueState });
      for (const event of arrivedDuringLoad.current) dispatch({ type: 'event', event });
    } catch {
      setTimeout(() => void reload(), RETRY_MS);
    } finally {
      arrivedDuringLoad.current = null;
    }
    if (loadAgain.current) {
      loadAgain.current = false;
      await reload();
    }
  }, [api]);

  const reloadSettings = useCallback(() => {
    api.settings().then(
      (loaded) => {
        settings.current = loaded;
        dispatch({ type: 'settings', settings: loaded });
      },
      () => undefined,
    );
  }, [api]);

  const say = useCallback((call: { number: string; windowNumber: number }) => {
    const voice = settings.current ?? FALLBACK_VOICE;
    announceRef.current(announcementText(voice, call), voice.announceRepeat);
  }, []);

  useEffect(() => {
    void reload();
    const refresh = setInterval(() => void reload(), REFRESH_MS);
    const unsubscribe = subscribe((event) => {
      const plan = planEvent(event, { localNow: Date.now(), clockOffset: clockOffset.current, heard: heard.current });
      if (plan.clockOffset !== null) clockOffset.current = plan.clockOffset;
      if (plan.reload === 'all') void reload();
      if (plan.reload === 'settings') reloadSettings();
      if (plan.settings) {
        settings.current = plan.settings;
        dispatch({ type: 'settings', settings: plan.settings });
      }
      if (plan.apply) {
        arrivedDuringLoad.current?.push(event);
        dispatch({ type: 'event', event });
      }
      if (plan.announce) {
        heard.current.add(callKey(plan.announce));
        say(plan.announce);
      }
    });
    return () => {
      unsubscribe();
      clearInterval(refresh);
    };
  }, [subscribe, reload, reloadSettings, say]);

  return state;
}
