// The memory of a process a bench started: its resident size from /proc, and — when it runs with
// memory-probe.mjs — its heap after a garbage collection, asked for with SIGUSR2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** node options that load the probe: `spawn(node, [...PROBE_EXEC_ARGV, script])`. */
export const PROBE_EXEC_ARGV = ['--expose-gc', '--import', fileURLToPath(new URL('./memory-probe.mjs', import.meta.url))];

/** Resident memory of a process in MB (Linux /proc); null elsewhere. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ProbedMemory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

/** Signals the process and waits for the probe's next line on its stderr (read through `stderr()`). */
export async function probeMemory(child: { pid?: number; kill(signal: NodeJS.Signals): boolean }, stderr: () => string, timeoutMs = 10_000): Promise<ProbedMemory> {
  const count = () => stderr().split('memory-probe ').length - 1;
  const before = count();
  child.kill('SIGUSR2');
  const until = Date.now() + timeoutMs;
  while (count() === before) {
    if (Date.now() > until) throw new Error('no memory-probe line: was the process started with PROBE_EXEC_ARGV?');
    await new Promise((r) => setTimeout(r, 20));
  }
  const line = stderr().split('memory-probe ').at(-1)!.split('\n')[0]!;
  const m = JSON.parse(line) as { rss: number; heapUsed: number; heapTotal: number; external: number };
  const mb = (b: number) => b / 1024 / 1024;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external) };
}
