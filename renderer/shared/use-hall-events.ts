import { useEffect, useRef, useState } from 'react';
import type { HallEvent } from './contract';
import { EventsSocket, eventsUrl, type ConnectionState } from './events-socket';

/**
 * Keeps the events socket open while the component is mounted; returns its state.
 * `onEvent` may change between renders without reopening the socket; `onRefused` is called when the
 * host turns the token away (the caller checks with an API call, whose 401 ends the session).
 */
export function useHallEvents(
  baseUrl: string | null,
  token: string | null,
  onEvent?: (event: HallEvent) => void,
  onRefused?: () => void,
): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const handler = useRef(onEvent);
  const refused = useRef(onRefused);
  useEffect(() => {
    handler.current = onEvent;
    refused.current = onRefused;
  }, [onEvent, onRefused]);
  useEffect(() => {
    if (!baseUrl || !token) {
      setState('closed');
      return undefined;
    }
    const socket = new EventsSocket({
      url: eventsUrl(baseUrl, token),
      onState: setState,
      onEvent: (event) => handler.current?.(event),
      onRefused: () => refused.current?.(),
    });
    socket.start();
    return () => socket.stop();
  }, [baseUrl, token]);
  return state;
}
