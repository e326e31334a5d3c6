// Runs the hall service (electron/hall/cli.js) in an Electron utilityProcess on the host PC:
// waits for its ready line, restarts it with backoff when it dies unexpectedly, and stops it
// gracefully on quit so the database is closed cleanly.
import { utilityProcess } from 'electron';
import { type HallAddress, LineSplitter, parseAdminPasswordLine, parseReadyLine } from './hall-ready.js';
import { failuresAfterExit, HALL_RESTART_POLICY, restartDelayMs, type BackoffPolicy } from './restart-backoff.js';

/** The parts of Electron's UtilityProcess used here, so tests can stand in a fake. */
export interface HallChild {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  pid: number | undefined;
  once(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  kill(): boolean;
  postMessage(message: unknown): void;
}

export type ForkHall = (entry: string, args: string[], options: { env: NodeJS.ProcessEnv; serviceName: string }) => HallChild;

export interface HallServiceOptions {
  entry: string;
  args: string[];
  /** Added to the first launch only (the new hall's admin password); never to a restart. */
  firstStartArgs?: string[];
  env: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  policy?: BackoffPolicy;
  fork?: ForkHall;
  now?: () => number;
  log?: (line: string) => void;
  platform?: NodeJS.Platform;
  /** The generated admin password of a new database; never passed to `log`. */
  onAdminPassword?: (password: string) => void;
}

export const HALL_SERVICE_NAME = 'Township Hall Service';
/** The first start migrates the database and loads the catalogue; leave it time on a slow PC. */
export const HALL_READY_TIMEOUT_MS = 45_000;
export const HALL_STOP_TIMEOUT_MS = 10_000;
/** Message the hall may listen for on process.parentPort; on Windows kill() is not graceful. */
export const HALL_SHUTDOWN_MESSAGE = { type: 'hall:shutdown' } as const;
/** Asks the hall how many terminals hold an event socket; it answers { type: 'hall:terminals', count }. */
export const HALL_COUNT_TERMINALS_MESSAGE = { type: 'hall:count-terminals' } as const;
export const HALL_COUNT_TIMEOUT_MS = 1_000;
const STDERR_TAIL_LINES = 20;

export function hallArgs(dataDir: string, port: number, listenOnLan: boolean): string[] {
  return ['--data', dataDir, '--port', String(port), '--host', listenOnLan ? '0.0.0.0' : '127.0.0.1'];
}

export class HallStartError extends Error {
  override name = 'HallStartError';
  constructor(
    message: string,
    /** The service's last stderr lines, for the error dialog. */
    readonly output: string,
  ) {
    super(message);
  }
}

const forkUtility: ForkHall = (entry, args, options) =>
  utilityProcess.fork(entry, args, { stdio: 'pipe', env: options.env, serviceName: options.serviceName });

export class HallService {
  private child: HallChild | null = null;
  private startedAt = 0;
  private failures = 0;
  private launched = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: HallServiceOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.log(`[hall] ${line}`));
  }

  /** Starts the service; resolves with its address once ready, rejects with a HallStartError. */
  start(): Promise<HallAddress> {
    this.stopping = false;
    return this.launch();
  }

  private launch(): Promise<HallAddress> {
    const fork = this.options.fork ?? forkUtility;
    const args = this.launched ? this.options.args : [...this.options.args, ...(this.options.firstStartArgs ?? [])];
    this.launched = true;
    const child = fork(this.options.entry, args, { env: this.options.env, serviceName: HALL_SERVICE_NAME });
    this.child = child;
    this.startedAt = this.now();
    const tail: string[] = [];
    const remember = (line: string): void => {
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
    };

    return new Promise<HallAddress>((resolve, reject) => {
      let ready = false;
      const fail = (message: string): void => {
        clearTimeout(timer);
        reject(new HallStartError(message, tail.join('\n')));
      };
      const timer = setTimeout(() => {
        fail(`the hall service did not report ready within ${(this.options.readyTimeoutMs ?? HALL_READY_TIMEOUT_MS) / 1000} s`);
        void this.terminate(child);
      }, this.options.readyTimeoutMs ?? HALL_READY_TIMEOUT_MS);

      readLines(child.stdout, (line) => {
        const password = parseAdminPasswordLine(line);
        if (password !== null) {
          this.log('(initial admin password shown to the operator, not logged)');
          this.options.onAdminPassword?.(password);
          return;
        }
        this.log(line);
        const address = ready ? null : parseReadyLine(line);
        if (address === null) return;
        ready = true;
        clearTimeout(timer);
        resolve(address);
      });
      readLines(child.stderr, (line) => {
        remember(line);
        this.log(line);
      });
      child.once('exit', (code) => {
        if (this.child === child) this.child = null;
        if (!ready) {
          fail(`the hall service exited with code ${code} before it was ready`);
          return;
        }
        if (!this.stopping) this.scheduleRestart(code);
      });
    });
  }

  private scheduleRestart(code: number): void {
    this.failures = failuresAfterExit(this.failures, this.startedAt, this.now(), this.options.policy ?? HALL_RESTART_POLICY);
    const delay = restartDelayMs(this.failures, this.options.policy ?? HALL_RESTART_POLICY);
    this.log(`hall service exited unexpectedly (code ${code}); restart ${this.failures} in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.launch().catch((error: unknown) => {
        this.log(`hall service restart failed: ${error instanceof Error ? error.message : String(error)}`);
        // A failed restart counts as another failure and is retried later; the hall is never given up.
        if (!this.stopping) this.scheduleRestart(-1);
      });
    }, delay);
  }

  /** Consecutive unexpected exits since the last stable run; 0 when all is well. */
  get restartFailures(): number {
    return this.failures;
  }

  isRunning(): boolean {
    return this.child !== null;
  }

  /** Terminals connected right now, or null when the service is not running or does not answer in time. */
  countTerminals(timeoutMs = HALL_COUNT_TIMEOUT_MS): Promise<number | null> {
    const child = this.child;
    if (child === null) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (count: number | null): void => {
        clearTimeout(timer);
        child.off('message', listen);
        resolve(count);
      };
      const listen = (message: unknown): void => {
        const answer = message as { type?: unknown; count?: unknown } | null;
        if (answer?.type === 'hall:terminals' && typeof answer.count === 'number') done(answer.count);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      child.on('message', listen);
      child.postMessage(HALL_COUNT_TERMINALS_MESSAGE);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (child !== null) await this.terminate(child);
  }

  private async terminate(child: HallChild): Promise<void> {
    if (child.pid === undefined) return;
    const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
    const wait = (ms: number): Promise<'timeout'> =>
      new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    const stopTimeout = this.options.stopTimeoutMs ?? HALL_STOP_TIMEOUT_MS;

    if ((this.options.platform ?? process.platform) === 'win32') {
      // kill() is TerminateProcess on Windows; ask politely first so the database closes.
      child.postMessage(HALL_SHUTDOWN_MESSAGE);
      if ((await Promise.race([exited, wait(stopTimeout / 2)])) === 'exited') return;
    }
    child.kill();
    if ((await Promise.race([exited, wait(stopTimeout)])) === 'exited') return;
    this.log('hall service did not stop in time; killing it');
    try {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    } catch {
      // Already gone between the check and the kill.
    }
  }
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (stream === null) return;
  const splitter = new LineSplitter();
  stream.setEncoding('utf8');
  // The pipe must be drained even when nobody cares about a line, or the service blocks on write.
  stream.on('data', (chunk: string) => splitter.push(chunk).forEach(onLine));
  stream.on('end', () => splitter.flush().forEach(onLine));
}
