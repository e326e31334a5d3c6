// Loaded into a process under bench with `node --expose-gc --import <this file>`: on SIGUSR2 it
// collects garbage and prints its memory (process.memoryUsage(), bytes) as one line on stderr, so a
// bench can read the heap of a process it started, not only its resident size.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  process.stderr.write(`memory-probe ${JSON.stringify(process.memoryUsage())}\n`);
});
