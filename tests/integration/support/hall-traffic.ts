// A steady mix of queue and intake traffic against a host process, recording what was acknowledged:
// kiosks taking tickets, clerks receiving cases. Used by the backup and crash-soak tests.
import { spawn } from 'node:child_process';
import { call, CLI } from './host-process.js';

export interface HallSetup {
  admin: string;
  kiosks: string[];
  clerks: string[];
  itemCode: string;
}

export interface Acknowledged {
  /** ticket id → number, with the time the answer came. */
  tickets: Map<number, { number: string; at: number }>;
  cases: Map<number, { caseNo: string; at: number }>;
}

export async function setupTraffic(base: string, adminPassword: string, kiosks: number, clerks: number): Promise<HallSetup> {
  const must = async (r: Promise<{ status: number; body: any }>, what: string) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const admin = (await must(call(base, 'POST', '/auth/login', null, { username: 'admin', password: adminPassword }), 'login')).token as string;
  const settings = await must(call(base, 'GET', '/queue/settings', admin), 'settings');
  await must(call(base, 'PUT', '/queue/settings', admin, { ...settings, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false }), 'hours');
  await must(call(base, 'POST', '/queue/categories', admin, { code: 'A', name: '综合', prefix: 'A' }), 'category');
  const kioskTokens: string[] = [];
  for (let i = 0; i < kiosks; i++) kioskTokens.push((await must(call(base, 'POST', '/devices', admin, { name: `取号机${i}`, kind: 'kiosk' }), 'kiosk')).token);
  const clerkTokens: string[] = [];
  for (let i = 0; i < clerks; i++) {
    await must(call(base, 'POST', '/users', admin, { username: `clerk${i}`, password: 'clerk-pass-123', displayName: `窗口${i}`, role: 'clerk' }), 'user');
    clerkTokens.push((await must(call(base, 'POST', '/auth/login', null, { username: `clerk${i}`, password: 'clerk-pass-123' }), 'clerk login')).token);
  }
  const items = await must(call(base, 'GET', '/items', admin), 'items');
  const list = (Array.isArray(items) ? items : (items.rows ?? items.items)) as Array<{ code: string }>;
  return { admin, kiosks: kioskTokens, clerks: clerkTokens, itemCode: list[0]!.code };
}

export function emptyAcknowledged(): Acknowledged {
  return { tickets: new Map(), cases: new Map() };
}

/** Every kiosk and clerk writes back to back until `stop()`; a request the host never answered is not acknowledged. */
export function startTraffic(base: () => string, setup: HallSetup, acked: Acknowledged): { stop(): Promise<void> } {
  let stopped = false;
  const lane = async (step: () => Promise<void>) => {
    while (!stopped) {
      try {
        await step();
      } catch {
        await new Promise((r) => setTimeout(r, 20)); // the host is down: try again once it is back
      }
    }
  };
  const lanes = [
    ...setup.kiosks.map((k) =>
      lane(async () => {
        const res = await call(base(), 'POST', '/queue/tickets', k, { categoryCode: 'A' });
        if (res.status === 201) acked.tickets.set(res.body.id, { number: res.body.number, at: Date.now() });
      }),
    ),
    ...setup.clerks.map((c) =>
      lane(async () => {
        const res = await call(base(), 'POST', '/cases', c, { itemCode: setup.itemCode, applicant: { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' }, materials: [] });
        if (res.status === 201) acked.cases.set(res.body.id, { caseNo: res.body.caseNo, at: Date.now() });
      }),
    ),
  ];
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(lanes);
    },
  };
}

/** Runs the host's command line to its exit (a refused restore never gets to listen). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      // A restore that went through goes on to serve: stop it once it is listening.
      if (/^hall listening on /m.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli did not finish in ${timeoutMs} ms: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
