// The hall's own settings the admin edits (DOMAIN §1, §3): its name and phone printed on every
// notice, the working days a 补正告知书 gives to supply materials, and how long a case stage may be
// rated. Shared by the hall service and the renderer; zod only.
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
  })
  .strict();
export type HallSettings = z.infer<typeof HallSettings>;

export const HALL_SETTING_LIMITS = { correctionWorkingDays: { min: 1, max: 60 }, ratingCaseStageDays: { min: 1, max: 90 } } as const;
