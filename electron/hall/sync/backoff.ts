// The county upload's backoff is the shared link's (electron/link/backoff.ts).
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffCeiling, fullJitter, type Backoff } from '../../link/backoff.js';
