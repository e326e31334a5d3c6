// Percentiles and a small table for the benchmark printouts.

/** Nearest-rank percentile in milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');

export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.slice(1).map(line).join('\n')}\n`);
}

/** Runs `step` until `count` runs or `budgetMs` have passed, whichever comes first. */
export async function bounded(count: number, budgetMs: number, step: (i: number) => Promise<void>): Promise<number> {
  const until = performance.now() + budgetMs;
  let i = 0;
  for (; i < count && performance.now() < until; i++) await step(i);
  return i;
}
