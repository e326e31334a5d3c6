// What a terminal does when the host says its credential is over, by socket close or by a 401:
// stop (no reconnecting on a dead token) and go back to login or pairing, saying why.
import { ApiError } from './api-error';
import { CLOSE_CREDENTIAL_ENDED, isCredentialEndReason, type CredentialEndReason } from './contract';

/** The reason of a close that ends the credential, or null for any other close (reconnect then). */
export function credentialEndFromClose(code: number, reason: string): CredentialEndReason | null {
  if (code !== CLOSE_CREDENTIAL_ENDED) return null;
  return isCredentialEndReason(reason) ? reason : 'unauthorized';
}

/** Why a call that carried a token was answered 401: the host names token_expired / token_revoked. */
export function credentialEndFromError(error: unknown): CredentialEndReason {
  const reason = error instanceof ApiError && error.details !== null && typeof error.details === 'object' ? (error.details as { reason?: unknown }).reason : undefined;
  return isCredentialEndReason(reason) ? reason : 'unauthorized';
}

/** The login screen's sentence for each way a staff session ends. */
export const STAFF_END_MESSAGES: Readonly<Record<CredentialEndReason, string>> = {
  unauthorized: 'login.ended.unauthorized',
  token_expired: 'login.ended.token_expired',
  token_revoked: 'login.ended.token_revoked',
  user_disabled: 'login.ended.user_disabled',
  role_changed: 'login.ended.role_changed',
  logged_out: 'login.ended.logged_out',
};

/** The pairing screen's sentence for a device whose token ended (user reasons cannot reach a device). */
export const TERMINAL_END_MESSAGES: Readonly<Record<CredentialEndReason, string>> = {
  unauthorized: 'pairing.unknownToken',
  token_expired: 'pairing.expired',
  token_revoked: 'pairing.refused',
  user_disabled: 'pairing.refused',
  role_changed: 'pairing.refused',
  logged_out: 'pairing.refused',
};
