// How the /events WebSocket ends when its credential does: the host closes it with one code and a
// reason the terminal acts on (back to pairing or to login, saying why) instead of reconnecting.

/** The close code for a token refused at connect or a credential that ended while connected. */
export const CLOSE_CREDENTIAL_ENDED = 4401;

export const CREDENTIAL_END_REASONS = [
  /** Unknown token (never issued, or from another host). */
  'unauthorized',
  'token_expired',
  /** Device revoked or re-issued, session ended by a password reset or from elsewhere. */
  'token_revoked',
  'user_disabled',
  /** Its role decided what the socket may see; the new role needs a new login. */
  'role_changed',
  'logged_out',
] as const;
export type CredentialEndReason = (typeof CREDENTIAL_END_REASONS)[number];

export function isCredentialEndReason(value: unknown): value is CredentialEndReason {
  return typeof value === 'string' && (CREDENTIAL_END_REASONS as readonly string[]).includes(value);
}
