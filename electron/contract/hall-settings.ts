// The hall's own settings the admin edits (DOMAIN §1, §3, §8): its name and phone printed on every
// notice, the working days a 补正告知书 gives to supply materials, how long a case stage may be
// rated, the bad-rating work orders' limits and lead, and the dashboard's wait target. Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { PlainName } from './api.js';

export const HallPhone = z
  .string()
  .trim()
  .max(40)
  .refine((s) => /^[0-9 ()+\-—、/]*$/.test(s), { params: { reason: 'phone_chars' } });

export const HallSettings = z
  .object({
    /** 中心名称, on notices, slips and the display. */
    name: PlainName,
    /** 咨询电话 printed on every notice; empty: each item's own phone is printed. */
    phone: HallPhone,
    /** 补正期限: working days from the notice's day to supply what it lists. */
    correctionWorkingDays: z.number().int().min(1).max(60),
    /** Days after a case reaches 受理 or 办结 in which the citizen may rate that stage. */
    ratingCaseStageDays: z.number().int().min(1).max(90),
    /** 差评回访: working days from the bad rating to call the citizen back (DOMAIN §3, default 1). */
    ratingCallbackWorkingDays: z.number().int().min(1).max(15),
    /** 差评整改: working days to rectify, at most 15 (default 5). */
    ratingRectifyWorkingDays: z.number().int().min(1).max(15),
    /** Who new work orders go to: an active supervisor's or admin's username; empty: every supervisor. */
    ratingFollowupAssignee: z.string().trim().max(40),
    /** The dashboard's wait target: waits above it are counted and shared (DOMAIN §8, default 15). */
    dashboardWaitTargetMinutes: z.number().int().min(1).max(240),
  })
  .strict()
  // The call-back comes first: a citizen is told what will be done before it is done.
  .refine((s) => s.ratingCallbackWorkingDays <= s.ratingRectifyWorkingDays, { path: ['ratingCallbackWorkingDays'], params: { reason: 'callback_after_rectify' } });
export type HallSettings = z.infer<typeof HallSettings>;

export const HALL_SETTING_LIMITS = {
  correctionWorkingDays: { min: 1, max: 60 },
  ratingCaseStageDays: { min: 1, max: 90 },
  ratingCallbackWorkingDays: { min: 1, max: 15 },
  ratingRectifyWorkingDays: { min: 1, max: 15 },
  dashboardWaitTargetMinutes: { min: 1, max: 240 },
} as const;
