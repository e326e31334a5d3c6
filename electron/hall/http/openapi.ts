// /api/v1/openapi.json, generated from the same route definitions and zod schemas the server uses.
import { z } from 'zod';
import { API_PREFIX } from '../../contract/api.js';
import type { RouteSpec } from './route.js';

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function pathParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

export function openApiDocument(routes: readonly RouteSpec[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const openPath = API_PREFIX + r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(r.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      'x-allow': r.allow,
      ...(r.allow === 'public' ? { security: [] } : {}),
      parameters: pathParams(r.url).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      responses: {
        [status]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response) } } }
          : { description: 'OK' },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
      },
    };
    if (r.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    paths[openPath] = { ...paths[openPath], [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Township Service Hall API', version },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ErrorBody: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
