// Typed calls to the hall API: base URL, bearer token, Accept-Language, errors as ApiError.
import { z } from 'zod';
import {
  API_PREFIX,
  CreateDeviceResponse,
  DeviceView,
  HealthResponse,
  LoginResponse,
  UserView,
  WhoAmI,
  type CreateDeviceRequest,
  type CreateUserRequest,
  type LoginRequest,
  type UpdateUserRequest,
} from './contract';
import { ApiError, parseErrorResponse, unreachableError } from './api-error';

const REQUEST_TIMEOUT_MS = 15_000;

/** Older hosts may not name the hall yet; the page then shows the product name. */
const Health = HealthResponse.partial({ hallName: true, schemaVersion: true, version: true });
export type Health = z.infer<typeof Health>;

const Rows = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });
const UserRows = Rows(UserView);
const DeviceRows = Rows(DeviceView);
export type UserRows = z.infer<typeof UserRows>;
export type DeviceRows = z.infer<typeof DeviceRows>;

export interface ApiClientOptions {
  baseUrl: string;
  /** The bearer token for each call; null for anonymous calls. */
  token?: () => string | null;
  /** The page's language, sent as Accept-Language so the host's messages match it. */
  language: () => string;
  /** A call that carried a token was refused with 401: the session or device token is dead. */
  onUnauthorized?: (error: ApiError) => void;
  fetchImpl?: typeof fetch;
}

/** `http://host:8620/` + `/users` → `http://host:8620/api/v1/users`. */
export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`;
}

interface RequestOptions<T> {
  body?: unknown;
  schema?: z.ZodType<T>;
}

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** The same host with a fixed token and no session handling (pairing checks a code this way). */
  withToken(token: string): ApiClient {
    return new ApiClient({ baseUrl: this.options.baseUrl, language: this.options.language, token: () => token, fetchImpl: this.options.fetchImpl });
  }

  async request<T>(method: string, path: string, { body, schema }: RequestOptions<T> = {}): Promise<T> {
    const token = this.options.token?.() ?? null;
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.options.language() };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const doFetch = this.options.fetchImpl ?? fetch;
    let response: Response;
    try {
      response = await doFetch(apiUrl(this.options.baseUrl, path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (cause) {
      throw unreachableError(cause);
    }
    const payload = await readJson(response);
    if (!response.ok) {
      const error = parseErrorResponse(response.status, payload);
      if (response.status === 401 && token) this.options.onUnauthorized?.(error);
      throw error;
    }
    if (!schema) return payload as T;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ApiError(response.status, 'bad_response', `unexpected answer from ${method} ${path}`);
    return parsed.data;
  }

  /** A file the host sends (an xlsx export): the body as a Blob; errors as in request(). */
  async download(path: string): Promise<Blob> {
    const token = this.options.token?.() ?? null;
    const headers: Record<string, string> = { 'Accept-Language': this.options.language() };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await (this.options.fetchImpl ?? fetch)(apiUrl(this.options.baseUrl, path), { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (cause) {
      throw unreachableError(cause);
    }
    if (!response.ok) throw parseErrorResponse(response.status, await readJson(response));
    return response.blob();
  }

  /** A document the host renders (an A4 notice) as text; `headers` adds request headers. Errors as in request(). */
  async text(path: string, headers: Record<string, string> = {}): Promise<string> {
    const token = this.options.token?.() ?? null;
    const all: Record<string, string> = { Accept: 'text/html', 'Accept-Language': this.options.language(), ...headers };
    if (token) all.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await (this.options.fetchImpl ?? fetch)(apiUrl(this.options.baseUrl, path), { headers: all, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (cause) {
      throw unreachableError(cause);
    }
    if (!response.ok) {
      const error = parseErrorResponse(response.status, await readJson(response));
      if (response.status === 401 && token) this.options.onUnauthorized?.(error);
      throw error;
    }
    return response.text();
  }

  health(): Promise<Health> {
    return this.request('GET', '/health', { schema: Health });
  }
  login(body: LoginRequest): Promise<LoginResponse> {
    return this.request('POST', '/auth/login', { body, schema: LoginResponse });
  }
  async logout(): Promise<void> {
    await this.request('POST', '/auth/logout');
  }
  me(): Promise<WhoAmI> {
    return this.request('GET', '/auth/me', { schema: WhoAmI });
  }
  listUsers(): Promise<UserRows> {
    return this.request('GET', '/users', { schema: UserRows });
  }
  createUser(body: CreateUserRequest): Promise<UserView> {
    return this.request('POST', '/users', { body, schema: UserView });
  }
  updateUser(id: number, body: UpdateUserRequest): Promise<UserView> {
    return this.request('PATCH', `/users/${id}`, { body, schema: UserView });
  }
  listDevices(): Promise<DeviceRows> {
    return this.request('GET', '/devices', { schema: DeviceRows });
  }
  createDevice(body: CreateDeviceRequest): Promise<CreateDeviceResponse> {
    return this.request('POST', '/devices', { body, schema: CreateDeviceResponse });
  }
  revokeDevice(id: number): Promise<DeviceView> {
    return this.request('POST', `/devices/${id}/revoke`, { schema: DeviceView });
  }
  reissueDeviceToken(id: number): Promise<CreateDeviceResponse> {
    return this.request('POST', `/devices/${id}/token`, { schema: CreateDeviceResponse });
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
