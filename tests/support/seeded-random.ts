// A deterministic generator for the tests that draw random changes, so a failure names a seed that
// shows it again (a linear congruential generator: plenty for choosing test steps, not for anything else).
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
