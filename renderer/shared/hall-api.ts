import { ApiClient } from './api-client';
import type { ApiError } from './api-error';
import { currentLanguage } from './i18n';

/** A client for the hall host that speaks the page's current language. */
export function hallApi(baseUrl: string, token?: () => string | null, onUnauthorized?: (error: ApiError) => void): ApiClient {
  return new ApiClient({
    baseUrl,
    language: currentLanguage,
    ...(token ? { token } : {}),
    ...(onUnauthorized ? { onUnauthorized } : {}),
  });
}
