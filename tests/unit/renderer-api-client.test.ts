import { describe, expect, it, vi } from 'vitest';
import { ApiClient, apiUrl } from '../../renderer/shared/api-client';
import { ApiError, errorMessage, parseErrorResponse } from '../../renderer/shared/api-error';

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key}:${JSON.stringify(options)}` : key);

describe('parseErrorResponse', () => {
  it('reads code, message and field issues of a 400', () => {
    const error = parseErrorResponse(400, {
      error: { code: 'validation', message: '用户名：至少需要 3 个字符', details: [{ field: 'username', code: 'too_short', params: { min: 3 } }, { bogus: true }] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', message: '用户名：至少需要 3 个字符' });
    expect(error.fieldIssues).toEqual([{ field: 'username', code: 'too_short', params: { min: 3 } }]);
  });

  it('turns a 409 naming a field into a "taken" issue on that field', () => {
    const error = parseErrorResponse(409, { error: { code: 'conflict', message: 'taken', details: { field: 'username' } } });
    expect(error.fieldIssues).toEqual([{ field: 'username', code: 'taken' }]);
  });

  it('names a body that is not an error body by its status', () => {
    expect(parseErrorResponse(401, undefined).code).toBe('unauthorized');
    expect(parseErrorResponse(429, '<html>').code).toBe('rate_limited');
    expect(parseErrorResponse(502, { nope: 1 }).code).toBe('internal');
    expect(parseErrorResponse(403, { error: { code: 'new_code_we_do_not_know', message: 'x' } }).code).toBe('forbidden');
  });
});

describe('errorMessage', () => {
  it('prefers the host message, falls back to the locale, and says "unreachable" plainly', () => {
    expect(errorMessage(t, new ApiError(422, 'domain_rule', '材料不全'))).toBe('材料不全');
    expect(errorMessage(t, new ApiError(404, 'not_found', ''))).toMatch(/^errors\.not_found/);
    expect(errorMessage(t, new ApiError(0, 'unreachable', 'x'))).toBe('errors.unreachable');
    expect(errorMessage(t, new Error('boom'))).toBe('errors.internal');
  });
});

function fakeFetch(status: number, body?: unknown) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('ApiClient', () => {
  it('joins the API prefix to the base URL', () => {
    expect(apiUrl('http://h:8620/', '/users')).toBe('http://h:8620/api/v1/users');
  });

  it('sends the bearer token and Accept-Language, and validates the answer', async () => {
    const fetchImpl = fakeFetch(200, { rows: [], total: 0 });
    const api = new ApiClient({ baseUrl: 'http://h:1', token: () => 'tok', language: () => 'en', fetchImpl });
    await expect(api.listDevices()).resolves.toEqual({ rows: [], total: 0 });
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://h:1/api/v1/devices');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Accept-Language': 'en' });
  });

  it('turns a failed fetch into a distinct unreachable error', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = new ApiClient({ baseUrl: 'http://h:1', language: () => 'zh-CN', fetchImpl });
    await expect(api.health()).rejects.toMatchObject({ code: 'unreachable', status: 0 });
  });

  it('reports a 401 as the end of the session only when a token was sent', async () => {
    const body = { error: { code: 'unauthorized', message: '请先登录' } };
    const onUnauthorized = vi.fn();
    const anonymous = new ApiClient({ baseUrl: 'http://h:1', token: () => null, language: () => 'zh-CN', onUnauthorized, fetchImpl: fakeFetch(401, body) });
    await expect(anonymous.login({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    const signedIn = new ApiClient({ baseUrl: 'http://h:1', token: () => 'old', language: () => 'zh-CN', onUnauthorized, fetchImpl: fakeFetch(401, body) });
    await expect(signedIn.listUsers()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('rejects an answer that does not match the contract', async () => {
    const api = new ApiClient({ baseUrl: 'http://h:1', language: () => 'zh-CN', fetchImpl: fakeFetch(200, { token: 1 }) });
    await expect(api.login({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('accepts 204 with no body', async () => {
    const api = new ApiClient({ baseUrl: 'http://h:1', token: () => 't', language: () => 'zh-CN', fetchImpl: fakeFetch(204) });
    await expect(api.logout()).resolves.toBeUndefined();
  });

  it('uses a fixed token for pairing checks, without session handling', async () => {
    const fetchImpl = fakeFetch(200, { kind: 'device', device: { id: 1, name: '取号机', kind: 'kiosk' } });
    const onUnauthorized = vi.fn();
    const api = new ApiClient({ baseUrl: 'http://h:1', token: () => 'session', language: () => 'zh-CN', onUnauthorized, fetchImpl });
    await api.withToken('code-123').me();
    const [, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ Authorization: 'Bearer code-123' });
  });
});
