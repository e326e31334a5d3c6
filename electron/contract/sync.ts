// The operator's view of the county upload (DESIGN §6 /sync/*): status, settings, resend.
// Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { RecordKind } from './county.js';

/** The event pushed to admin and supervisor after each upload cycle that changed something. */
export const SYNC_STATUS_EVENT = 'sync.status';

export const SyncCounts = z.object({
  pending: z.number().int(),
  sending: z.number().int(),
  done: z.number().int(),
  rejected: z.number().int(),
});
export type SyncCounts = z.infer<typeof SyncCounts>;

/** Why the last exchange failed, as a code the screens translate (sync.errors.*). */
export const SYNC_ERROR_CODES = ['not_configured', 'key_unreadable', 'unreachable', 'timeout', 'http_status', 'bad_reply', 'unauthorized', 'decisions_failed'] as const;
export const SyncErrorCode = z.enum(SYNC_ERROR_CODES);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;
export const SyncError = z.object({ code: SyncErrorCode, detail: z.string().nullable(), at: z.string() });
export type SyncError = z.infer<typeof SyncError>;

export const RejectedRecord = z.object({
  recordId: z.string(),
  kind: RecordKind,
  caseNo: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
});
export type RejectedRecord = z.infer<typeof RejectedRecord>;

export const DecisionCounts = z.object({
  received: z.number().int(),
  applied: z.number().int(),
  /** Received but not applied: until the cases feature exists, every decision waits here. */
  pendingApply: z.number().int(),
});

/** What the banner and the sync.status event carry. */
export const SyncSummary = z.object({
  configured: z.boolean(),
  running: z.boolean(),
  counts: SyncCounts,
  /** Pending records that wait behind a rejected record of the same case (per-case order). */
  heldBehindRejected: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: SyncError.nullable(),
  /** The county refused the key (401/403): nothing is sent until the settings change or a run is asked for. */
  paused: z.boolean(),
  failingSince: z.string().nullable(),
  /** Paused, or failing for longer than alertAfterMinutes: every operator screen shows a banner. */
  alert: z.boolean(),
  decisions: DecisionCounts,
});
export type SyncSummary = z.infer<typeof SyncSummary>;

export const SyncStatus = SyncSummary.extend({
  /** The rejected records, newest first (at most 200; counts.rejected has them all). */
  rejected: z.array(RejectedRecord),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncSettingsView = z.object({
  countyUrl: z.string().nullable(),
  /** The key itself never leaves the host. */
  countyKeySet: z.boolean(),
  hallCode: z.string(),
  intervalSeconds: z.number().int(),
  alertAfterMinutes: z.number().int(),
});
export type SyncSettingsView = z.infer<typeof SyncSettingsView>;

const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      return ['http:', 'https:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, { params: { reason: 'http_url' } });

export const SyncSettingsRequest = z.object({
  countyUrl: HttpUrl.nullable(),
  /** Absent: keep the stored key. */
  countyKey: z.string().min(1).max(512).optional(),
  hallCode: z.string().trim().refine((s) => /^\d{6,12}$/.test(s), { params: { reason: 'hall_code_digits' } }),
  intervalSeconds: z.number().int().min(10).max(86_400),
  alertAfterMinutes: z.number().int().min(1).max(10_080),
});
export type SyncSettingsRequest = z.infer<typeof SyncSettingsRequest>;

export const RecordIdParam = z.object({ recordId: z.string().min(1).max(64) });

export const SyncRunAccepted = z.object({ started: z.boolean() });

/** What every staff member's screen needs to know: whether to show the upload banner. */
export const SyncAlert = SyncSummary.pick({ alert: true, paused: true, failingSince: true });
export type SyncAlert = z.infer<typeof SyncAlert>;
