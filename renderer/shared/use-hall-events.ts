import { useEffect, useRef, useState } from 'react';
import type { CredentialEndReason, HallEvent } from './contract';
import { EventsSocket, eventsUrl, type ConnectionState } from './events-socket';

/**
 * Keeps the events socket open while the component is mounted; returns its state.
 * `onEvent` may change between renders without reopening the socket; `onEnded` is called once when
 * the host refuses or ends the token (the socket stays closed; the caller goes to login or pairing).
 */
export function useHallEvents(
  baseUrl: string | null,
  token: string | null,
  onEvent?: (event: HallEvent) => void,
  onEnded?: (reason: CredentialEndReason) => void,
): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const handler = useRef(onEvent);
  const ended = useRef(onEnded);
  useEffect(() => {
    handler.current = onEvent;
    ended.current = onEnded;
  }, [onEvent, onEnded]);
  useEffect(() => {
    if (!baseUrl || !token) {
      setState('closed');
      return undefined;
    }
    const socket = new EventsSocket({
      url: eventsUrl(baseUrl, token),
      onState: setState,
      onEvent: (event) => handler.current?.(event),
      onEnded: (reason) => ended.current?.(reason),
    });
    socket.start();
    return () => socket.stop();
  }, [baseUrl, token]);
  return state;
}
