// What the pad needs from the host: who it is, the window it stands beside, the rating window, and
// the finished ticket to ask about — from ticket.completed events for this pad and, on start,
// reconnect and resync, from GET /ratings/pending.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error';
import { queueApi } from '../shared/queue-api';
import type { WindowView } from '../shared/queue-contract';
import type { TerminalContext } from '../terminal/paired-screen';
import { completedForPad, IDLE, ratingDeadline, ratingReducer, ratingRequest, submitFailure, type RatedTicket } from './rating-flow';

/** The host's default, until the settings have been read. */
const DEFAULT_WINDOW_MINUTES = 10;

export function useRatingPad({ api, connection, subscribe }: Pick<TerminalContext, 'api' | 'connection' | 'subscribe'>) {
  const queue = useMemo(() => queueApi(api), [api]);
  const [phase, dispatch] = useReducer(ratingReducer, IDLE);
  const [deviceId, setDeviceId] = useState<number | null>(null);
  const [padWindow, setPadWindow] = useState<WindowView | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const windowMinutes = useRef(DEFAULT_WINDOW_MINUTES);

  const note = useCallback((error: unknown) => setUnreachable(error instanceof ApiError && error.code === 'unreachable'), []);

  const offer = useCallback((ticket: RatedTicket | null) => {
    const deadline = ticket ? ratingDeadline(ticket.finishedAt, windowMinutes.current, Date.now()) : undefined;
    dispatch({ type: 'pending', ticket, ...(deadline === undefined ? {} : { deadline }) });
  }, []);

  const loadPending = useCallback(() => {
    queue.pendingRating().then(
      (answer) => {
        setUnreachable(false);
        offer(answer.ticket);
      },
      note,
    );
  }, [queue, offer, note]);

  const loadSetup = useCallback(
    (id: number) => {
      queue.settings().then((settings) => {
        windowMinutes.current = settings.ratingWindowMinutes;
      }, note);
      queue.windows().then((windows) => setPadWindow(windows.find((w) => w.ratingDeviceId === id && w.active) ?? null), note);
    },
    [queue, note],
  );

  // Who am I, once the host answers: the device id ties ticket.completed events to this pad.
  useEffect(() => {
    if (deviceId !== null || connection !== 'open') return;
    api.me().then((who) => {
      if (who.kind === 'device') setDeviceId(who.device.id);
    }, note);
  }, [api, connection, deviceId, note]);

  useEffect(() => {
    if (deviceId === null || connection !== 'open') return;
    loadSetup(deviceId);
    loadPending();
  }, [deviceId, connection, loadSetup, loadPending]);

  useEffect(
    () =>
      subscribe((event) => {
        const ticket = completedForPad(event.type, event.data, event.at, deviceId);
        if (ticket) {
          offer(ticket);
          loadPending(); // the clerk's name comes with the pending answer
          return;
        }
        if (deviceId === null) return;
        const resync = event.type === 'hello' && (event.data as { resync?: unknown } | null)?.resync === true;
        if (resync) loadPending();
        if (resync || event.type === 'queue.setup' || event.type === 'queue.settings') loadSetup(deviceId);
      }),
    [subscribe, deviceId, offer, loadPending, loadSetup],
  );

  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const submit = useCallback(() => {
    const current = phaseRef.current;
    if (current.name !== 'asking' || current.submitting) return;
    const body = ratingRequest(current);
    if (!body) return;
    dispatch({ type: 'submit' });
    queue.rate(body).then(
      () => {
        setUnreachable(false);
        dispatch({ type: 'submitted' });
      },
      (error: unknown) => {
        note(error);
        dispatch({ type: 'submitFailed', failure: submitFailure(error), ...(error instanceof ApiError && error.message ? { message: error.message } : {}) });
      },
    );
  }, [queue, note]);

  // Back online with an answer that could not be sent: send it now, nothing the citizen chose is lost.
  // Only on the way back to open, so a failure while the socket still looks open does not loop.
  const lastConnection = useRef(connection);
  const [everConnected, setEverConnected] = useState(false);
  useEffect(() => {
    const was = lastConnection.current;
    lastConnection.current = connection;
    if (connection !== 'open') return;
    setEverConnected(true);
    const current = phaseRef.current;
    if (was !== 'open' && current.name === 'asking' && current.problem === 'unreachable') submit();
  }, [connection, submit]);

  const hostDown = unreachable || connection === 'closed' || (connection === 'connecting' && everConnected);
  return { phase, dispatch, submit, padWindow, hostDown };
}
