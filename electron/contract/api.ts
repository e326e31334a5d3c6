// The hall API contract: zod schemas and the types inferred from them.
// Imported by the hall service (to validate) and by the renderer (to type its client and forms),
// so it must import nothing from Node or Electron.
import { z } from 'zod';
import { cleanText, lineText } from './text.js';

export const API_PREFIX = '/api/v1';

export const ROLES = ['admin', 'clerk', 'backoffice', 'agent', 'supervisor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const DEVICE_KINDS = ['kiosk', 'display', 'counter', 'rating', 'village'] as const;
export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** A person's or thing's name: 1–50 characters, one clean line (DOMAIN §6). */
export const PlainName = lineText(50, 1);

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .refine((s) => /^[a-zA-Z0-9_.-]+$/.test(s), { params: { reason: 'username_chars' } });

export const Password = z.string().min(8).max(128);

export const LoginRequest = z.object({
  // Checked before the lookup: a failed login's name is kept in the audit log.
  username: z.string().trim().min(1).max(64).superRefine(cleanText('line')),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  displayName: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const SessionUser = UserView.pick({ id: true, username: true, role: true, displayName: true });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateUserRequest = z.object({
  username: Username,
  password: Password,
  displayName: PlainName,
  role: Role,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: PlainName.optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    password: Password.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { params: { reason: 'empty_update' } });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const CreateDeviceRequest = z.object({
  name: PlainName,
  kind: DeviceKind,
  /** A village node acts for one agent (DESIGN §9): required for kind village, refused for the others. */
  agentId: z.number().int().positive().optional(),
});
export type CreateDeviceRequest = z.infer<typeof CreateDeviceRequest>;

export const DeviceView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: DeviceKind,
  createdAt: z.string(),
  tokenExpiresAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revoked: z.boolean(),
  /** The agent a village node acts for; null for every other kind. */
  agentId: z.number().int().nullable().default(null),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** The token is shown once, here; the host keeps only its hash. */
export const CreateDeviceResponse = z.object({
  id: z.number().int(),
  token: z.string(),
  device: DeviceView,
});
export type CreateDeviceResponse = z.infer<typeof CreateDeviceResponse>;

/** A whole number as a path or query string carries it: plain decimal digits, no sign, spaces,
 *  hex, exponent or leading zero (`z.coerce.number()` took " 1", "+1", "0x10" and "1e3"). */
export const decimalInt = (min: number, max: number) =>
  z
    .union([z.string().refine((v) => /^(0|[1-9][0-9]{0,14})$/.test(v), { params: { reason: 'decimal_integer' } }), z.number().int()])
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Row ids: SQLite's rowid range, from 1. */
export const rowId = () => decimalInt(1, Number.MAX_SAFE_INTEGER);

export const IdParam = z.object({ id: rowId() });

export const HealthResponse = z.object({
  ok: z.boolean(),
  version: z.string(),
  schemaVersion: z.number().int(),
  hallName: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Who is calling: a logged-in user or a paired device. */
export const WhoAmI = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: SessionUser }),
  z.object({ kind: z.literal('device'), device: DeviceView.pick({ id: true, name: true, kind: true }) }),
]);
export type WhoAmI = z.infer<typeof WhoAmI>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/** One rejected field: `field` is the dotted path, `code` a stable reason, `params` its numbers. */
export const FieldIssue = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorCode = z.enum([
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'domain_rule',
  'rate_limited',
  'internal',
  /** A device or service the host depends on (the slip printer, the report workers) cannot answer now. */
  'unavailable',
  /** Router-level refusals, before any route ran: a path parameter too long (414), request headers
   *  too large (431), a request that did not arrive in time (408). */
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  /** 401 to a village node whose device was revoked (DESIGN §9): the node wipes and returns to pairing. */
  'revoked',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A message pushed on the /events WebSocket. `seq` grows by one per event since host start. */
export const HallEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  data: z.unknown(),
});
export type HallEvent = z.infer<typeof HallEvent>;
