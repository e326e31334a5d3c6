// The /events WebSocket, kept open: reconnects with backoff and reports its state for the badge.
// When the host closes it because the credential is over, it stops for good and says why.
import { HallEvent, type CredentialEndReason } from './contract';
import { apiUrl } from './api-client';
import { EVENTS_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff';
import { credentialEndFromClose } from './credential-end';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** `http://h:8620` → `ws://h:8620/api/v1/events?token=…` (https → wss). */
export function eventsUrl(baseUrl: string, token: string): string {
  const url = new URL(apiUrl(baseUrl, '/events'));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}

type SocketLike = Pick<WebSocket, 'close'> & {
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
};

export interface EventsSocketOptions {
  url: string;
  onEvent?: (event: HallEvent) => void;
  onState?: (state: ConnectionState) => void;
  /** The host refused the token or ended it (close code 4401, reason why). The socket has stopped:
   *  the same token would only be refused again. */
  onEnded?: (reason: CredentialEndReason) => void;
  backoff?: BackoffOptions;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Adds the resume point to the events URL: the host replays what came after it on the same boot. */
export function resumeUrl(url: string, resume: { bootId: string; seq: number } | null): string {
  if (!resume) return url;
  const u = new URL(url);
  u.searchParams.set('after', String(resume.seq));
  u.searchParams.set('boot', resume.bootId);
  return u.toString();
}

export class EventsSocket {
  private socket: SocketLike | null = null;
  /** The host run and the last event seen, so a reconnect catches up instead of reloading. */
  private resume: { bootId: string; seq: number } | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private stopped = true;
  private current: ConnectionState = 'closed';

  constructor(private readonly options: EventsSocketOptions) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as number)))(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onclose = socket.onerror = socket.onmessage = null;
      socket.close();
    }
    this.setState('closed');
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState?.(state);
  }

  private connect(): void {
    this.timer = null;
    if (this.stopped) return;
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(resumeUrl(this.options.url, this.resume));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    // The host accepts the upgrade before it checks the token, so "open" waits for its first message.
    socket.onopen = () => undefined;
    socket.onmessage = (message) => {
      if (this.current !== 'open') {
        this.attempt = 0;
        this.setState('open');
      }
      if (typeof message.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = HallEvent.safeParse(raw);
      if (!parsed.success) return;
      const event = parsed.data;
      const bootId = event.type === 'hello' ? (event.data as { bootId?: unknown } | null)?.bootId : undefined;
      if (typeof bootId === 'string') this.resume = { bootId, seq: event.seq };
      else if (this.resume) this.resume = { bootId: this.resume.bootId, seq: Math.max(this.resume.seq, event.seq) };
      this.options.onEvent?.(event);
    };
    // An error is always followed by close; reconnecting there alone avoids doing it twice.
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      const ended = credentialEndFromClose(event.code, event.reason ?? '');
      if (!ended) {
        this.scheduleReconnect();
        return;
      }
      this.stopped = true;
      this.setState('closed');
      this.options.onEnded?.(ended);
    };
  }

  private scheduleReconnect(): void {
    this.setState('closed');
    if (this.stopped) return;
    const delay = reconnectDelay(this.attempt, this.options.backoff ?? EVENTS_BACKOFF, this.options.random);
    this.attempt += 1;
    this.timer = (this.options.setTimer ?? setTimeout)(() => this.connect(), delay);
  }
}
