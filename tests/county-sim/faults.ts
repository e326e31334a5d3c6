// Faults the simulator can play, switchable at run time (POST /_sim/faults). Rates are chances per
// batch request. Every fault except refuse5xx and unauthorized happens AFTER the batch is committed,
// which is the hard case for the hall: the county holds the records, the hall must not believe it.
import { z } from 'zod';

export const FAULT_NAMES = ['none', 'refuse5xx', 'timeout', 'lostReply', 'malformed', 'html', 'truncated', 'partial', 'unknownId'] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

const Rate = z.number().min(0).max(1).default(0);

export const FaultConfig = z
  .object({
    /** 503 before anything is filed. */
    refuse5xx: Rate,
    /** Hold the request this long before filing and answering (the hall's deadline should expire first). */
    timeoutMs: z.number().int().min(0).max(120_000).default(0),
    timeoutRate: Rate,
    /** File, then drop the connection without a reply. */
    lostReplyRate: Rate,
    /** File, then answer 200 with JSON of another shape. */
    malformedRate: Rate,
    /** File, then answer 200 with a proxy's HTML error page. */
    htmlRate: Rate,
    /** File, then answer 200 with the JSON cut off halfway. */
    truncatedRate: Rate,
    /** File, then leave some records out of the results. */
    partialRate: Rate,
    /** File, then name every result with a recordId that was never sent. */
    unknownIdRate: Rate,
    /** Every call answered 401. */
    unauthorized: z.boolean().default(false),
    /** These records are always rejected ("poisoned"). */
    rejectRecordIds: z.array(z.string()).max(10_000).default([]),
    /** Extra delay on every batch, for a slow county. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Faults for the next batch requests, in order, before the rates apply (the model test's schedule). */
    schedule: z.array(z.enum(FAULT_NAMES)).max(10_000).default([]),
  })
  .strict();
export type FaultConfig = z.infer<typeof FaultConfig>;

export const NO_FAULTS: FaultConfig = FaultConfig.parse({});

/** The fault for the next batch request: the schedule first, then one draw per rate. */
export function nextFault(config: FaultConfig, random: () => number = Math.random): FaultName {
  const scheduled = config.schedule.shift();
  if (scheduled) return scheduled;
  const rates: Array<[FaultName, number]> = [
    ['refuse5xx', config.refuse5xx],
    ['timeout', config.timeoutRate],
    ['lostReply', config.lostReplyRate],
    ['malformed', config.malformedRate],
    ['html', config.htmlRate],
    ['truncated', config.truncatedRate],
    ['partial', config.partialRate],
    ['unknownId', config.unknownIdRate],
  ];
  for (const [name, rate] of rates) if (rate > 0 && random() < rate) return name;
  return 'none';
}
