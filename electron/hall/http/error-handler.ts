// Turns every failure into the error shape of DESIGN §6, in the caller's language.
// Bad input is always a 4xx naming the field; only a real fault is a 500, and it is logged.
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

/** Fastify's own 4xx (broken JSON, wrong content type, body too large) are the caller's fault too. */
function fromFastify(error: FastifyError): HallError | null {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too_big' : 'invalid_format';
    return new HallError('validation', 'validation', {}, [{ field: '_body', code, params: {} }]);
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    const hallError = error instanceof HallError ? error : fromFastify(error);
    if (hallError) {
      if (hallError.code === 'rate_limited') reply.header('retry-after', String(Number(hallError.params.minutes ?? 1) * 60));
      return reply.code(hallError.status).send(bodyFor(hallError, request));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(bodyFor(new HallError('internal', 'internal'), request));
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith(API_PREFIX) || request.method !== 'GET') {
      return reply.code(404).send(bodyFor(new HallError('not_found', 'not_found'), request));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('404');
  });
}
