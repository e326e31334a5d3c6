// One typed definition per endpoint: who may call it, the zod schemas of its input, its handler.
// Every definition is validated the same way and listed in /openapi.json.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../../contract/api.js';
import { fieldIssues } from '../../contract/field-issues.js';
import { loneSurrogatePaths } from '../../contract/text.js';
import { validationError } from './errors.js';
import { actorOf, type Actor, type Allow, type Principal } from './principal.js';
import { pickLanguage, type Language } from './i18n.js';
import type { WriteCommitter } from '../group-commit.js';

export interface RouteContext<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  principal: Principal | null;
  actor: Actor;
  lang: Language;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B = unknown, P = unknown, Q = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below /api/v1, fastify style (`/users/:id`). */
  url: string;
  summary: string;
  allow: Allow;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  response?: z.ZodType;
  /** Success status; 200 unless set. 204 sends no body. */
  status?: number;
  /** Bytes the body may take, for the few routes that carry files (the host's default is 2 MB). */
  bodyLimit?: number;
  tag: string;
  handler(ctx: RouteContext<B, P, Q>): unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    allow?: Allow;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

function parse<T>(schema: z.ZodType<T> | undefined, input: unknown, where: string): T {
  if (!schema) {
    // A route that takes no body refuses one rather than ignore it: a body it would not read is a
    // client's mistake (or a probe), and an action must not run on input it never looked at.
    // A JSON `null` is a body too (only a missing one is none).
    if (where === 'body' && input !== undefined && !isEmptyObject(input)) {
      throw validationError([{ field: '_body', code: 'no_body_expected' }]);
    }
    return undefined as T;
  }
  if (where === 'body') {
    // JSON's "\ud800" escape parses to half a character; no field of any route may hold one (the
    // contract's text fields say so too, this also covers passwords, keys and untyped payloads).
    const broken = loneSurrogatePaths(input);
    if (broken.length > 0) throw validationError(broken.map((field) => ({ field, code: 'lone_surrogate' })));
  }
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw validationError(fieldIssues(result.error, input));
  return result.data;
}

export function clientAddress(request: FastifyRequest): string {
  return request.ip;
}

/** A synchronous handler of a write route runs in the next group commit; an async one (it hashes a
 *  password, reads a file first) hands its synchronous write to `hall.write` itself. */
const isAsync = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

export function addRoute<B, P, Q>(app: FastifyInstance, registry: RouteSpec[], spec: RouteSpec<B, P, Q>, committer?: WriteCommitter): void {
  registry.push(spec as RouteSpec);
  const grouped = committer !== undefined && spec.method !== 'GET' && !isAsync(spec.handler);
  app.route({
    method: spec.method,
    url: API_PREFIX + spec.url,
    config: { allow: spec.allow },
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (request, reply) => {
      const params = parse(spec.params, request.params, 'params');
      const query = parse(spec.query, request.query, 'query');
      const body = parse(spec.body, request.body, 'body');
      const principal = request.principal;
      const ctx: RouteContext<B, P, Q> = {
        body,
        params,
        query,
        principal,
        actor: actorOf(principal, clientAddress(request)),
        lang: pickLanguage(request.headers['accept-language']),
        request,
        reply,
      };
      const result = grouped ? await committer.run(() => spec.handler(ctx)) : await spec.handler(ctx);
      // What this handler read may hold a group's commit that is not on the disk yet: wait for it.
      if (!grouped) await committer?.durable();
      const status = spec.status ?? 200;
      if (status === 204) return reply.code(204).send();
      return reply.code(status).send(result);
    },
  });
}
