// Whether this page may play sound before anyone touches it. A browser keeps a new AudioContext
// suspended until the first click or key (its autoplay policy); Electron's display window, or a
// browser started with --autoplay-policy=no-user-gesture-required, lets it run at once.

const RESUME_WAIT_MS = 500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function soundAllowedWithoutClick(): Promise<boolean> {
  if (typeof AudioContext === 'undefined') return true;
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch {
    return true;
  }
  try {
    if (context.state !== 'running') await Promise.race([context.resume().catch(() => undefined), sleep(RESUME_WAIT_MS)]);
    return context.state === 'running';
  } finally {
    void context.close().catch(() => undefined);
  }
}
