// Turns every failure into the error shape of DESIGN §6, in the caller's language.
// Bad input is always a 4xx naming the field; only a real fault is a 500, and it is logged.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, type ErrorBody, type FieldIssue } from '../../contract/api.js';
import { describeIssue } from '../../contract/field-issues.js';
import { HallError } from './errors.js';
import { pickLanguage, translator } from './i18n.js';

function bodyFor(error: HallError, request: FastifyRequest): ErrorBody {
  const t = translator(pickLanguage(request.headers['accept-language']));
  let message: string;
  if (error.code === 'validation') {
    const issues = (error.details as FieldIssue[]) ?? [];
    // An import names the file's row too ("第 7 行 事项名称：必须填写"): the row is what the admin looks up.
    message =
      issues
        .map((issue) => {
          const text = describeIssue((key, opts) => t(key, opts), issue);
          const row = (issue as FieldIssue & { row?: unknown }).row;
          return typeof row === 'number' ? t('validation._row', { row, issue: text }) : text;
        })
        .join('；') || t('errors.validation');
  } else {
    message = t(`errors.${error.messageKey}`, error.params);
  }
  return { error: { code: error.code, message, ...(error.details === undefined ? {} : { details: error.details }) } };
}

/** Fastify's own 4xx (broken JSON, wrong content type, body too large, a URL that does not decode,
 *  a path parameter too long) are the caller's fault too, and get the same shape. */
function fromFastify(error: FastifyError, request: FastifyRequest): HallError | null {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions?.bodyLimit ?? 0;
    return new HallError('validation', 'validation', {}, [{ field: '_body', code: 'body_too_large', params: { max: Math.max(1, Math.floor(limit / 1024)) } }]);
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new HallError('uri_too_long', 'uri_too_long');
  if (error.code === 'FST_ERR_BAD_URL') return new HallError('validation', 'validation', {}, [{ field: '_url', code: 'invalid_format', params: {} }]);
  return new HallError('validation', 'validation', {}, [{ field: '_body', code: 'invalid_format', params: {} }]);
}

/** Errors found before a request is even parsed (headers too large, a malformed request line): the
 *  socket gets a complete HTTP answer in the error shape, in the default language (no headers were
 *  read), and is closed. */
export function clientErrorBody(err: { code?: string }): { status: number; body: string } {
  const t = translator(pickLanguage(undefined));
  // The status comes from the error code's one table (errors.ts), as for every other refusal.
  const error =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new HallError('headers_too_large', 'headers_too_large')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new HallError('request_timeout', 'request_timeout')
        : new HallError('validation', 'bad_request');
  return { status: error.status, body: JSON.stringify({ error: { code: error.code, message: t(`errors.${error.messageKey}`) } }) };
}

export function handleClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = clientErrorBody(err);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Fastify's router errors (a URL that does not decode, a too-long parameter) take this path. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const hallError = fromFastify(error, request) ?? new HallError('validation', 'validation');
  void reply.code(hallError.status).send(bodyFor(hallError, request));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    const hallError = error instanceof HallError ? error : fromFastify(error, request);
    if (hallError) {
      // A limiter that knows the exact wait says it in seconds; otherwise its minutes are the bound.
      const retryAfter = hallError.params.retryAfterSeconds ?? (hallError.code === 'rate_limited' ? Number(hallError.params.minutes ?? 1) * 60 : undefined);
      if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
      return reply.code(hallError.status).send(bodyFor(hallError, request));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(bodyFor(new HallError('internal', 'internal'), request));
  });

  app.setNotFoundHandler((request, reply) => {
    // A browser asking for a page gets a plain 404; every other caller (whatever the spelling of
    // the path) gets the error shape.
    const wantsPage = request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '') && !request.url.startsWith(API_PREFIX);
    if (!wantsPage) {
      return reply.code(404).send(bodyFor(new HallError('not_found', 'not_found'), request));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('404');
  });
}
