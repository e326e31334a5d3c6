// Times sent to the county are written in China Standard Time (+08:00, no daylight saving), as the
// provincial exchange formats do, rather than in UTC with a Z.
const OFFSET_MINUTES = 8 * 60;

export function hallTime(date: Date): string {
  const shifted = new Date(date.getTime() + OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, -1)}+08:00`;
}
