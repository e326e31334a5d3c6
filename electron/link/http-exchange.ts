// One HTTP exchange of a link with a deadline covering connect, response and body. It never throws:
// a failure comes back as an ExchangeError naming what happened, never carrying the credential.
import { exchangeError, type ExchangeError } from './outcome.js';

/** A reply to 200 records is a few tens of KB; anything far larger is not a reply of a link contract. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

export function endpoint(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

function failure(err: unknown, deadline: AbortSignal): ExchangeError {
  if (deadline.aborted || (err as Error | null)?.name === 'TimeoutError') return exchangeError('timeout', null);
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return exchangeError('unreachable', typeof cause?.code === 'string' ? cause.code : (err as Error | null)?.name ?? null);
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export async function httpExchange(url: string, init: RequestInit, signal: AbortSignal, timeoutMs: number): Promise<Answer | ExchangeError> {
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.any([signal, deadline]) });
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_REPLY_BYTES) {
      await res.body?.cancel();
      return exchangeError('bad_reply', 'too large');
    }
    const text = await res.text();
    if (text.length > MAX_REPLY_BYTES) return exchangeError('bad_reply', 'too large');
    return { status: res.status, text, headers: res.headers };
  } catch (err) {
    return failure(err, deadline);
  }
}

export const isExchangeError = (answer: Answer | ExchangeError): answer is ExchangeError => 'code' in answer;
