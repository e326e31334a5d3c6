// The node's link to the hall (DESIGN §9), a thin user of the shared link (electron/link): each cycle
// sends the scans records name, then the records (per-request order, batches ≤ 200), then pulls the
// hall's changes and the catalogue. A 401 `revoked` wipes the node and returns it to pairing.
import type { Db } from '../../../db/connection.js';
import type { VillageHealth } from '../../contract/village.js';
import { fullJitter, type Backoff } from '../../link/backoff.js';
import { pullFeed } from '../../link/cursor-pull.js';
import { drainOutbox } from '../../link/drain.js';
import { exchangeError, type ExchangeError } from '../../link/outcome.js';
import { resetSending } from '../../link/outbox.js';
import { createLinkRunner } from '../../link/runner.js';
import { hallTime } from '../../hall/sync/hall-time.js';
import { storeCatalog } from './catalog-mirror.js';
import { storeChangesPage, type HallChangeHandler } from './changes-feed.js';
import { HALL_TIMEOUT_MS, httpHallTransport, type HallConnection, type HallTransport } from './hall-transport.js';
import { linkState, pendingCounts, readPairing, recordContact, recordLinkFailure } from './node-state.js';
import { VILLAGE_OUTBOX, type VillageOutboxRow } from './records.js';
import { uploadScans } from './scan-upload.js';
import { wipeNode, type WipeHook } from './wipe.js';

export interface HallLinkOptions {
  db: Db;
  now?: () => Date;
  pathOfScan(sha256: string): string;
  wipeScanFiles(): void;
  intervalMs(): number;
  backoff?: Backoff;
  timeoutMs?: number;
  transportFor?: (conn: HallConnection, timeoutMs: number) => HallTransport;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void } | null;
}

export interface LinkCycleReport {
  skipped: 'not_paired' | 'stopped' | 'failed' | null;
  scans: number;
  done: number;
  rejected: number;
  changes: number;
  revoked: boolean;
}

export interface HallLink {
  start(firstDelayMs?: number): void;
  runCycle(): Promise<LinkCycleReport>;
  trigger(): boolean;
  onHallChange(handler: HallChangeHandler): void;
  onWipe(hook: WipeHook): void;
  health(): VillageHealth;
  stop(): Promise<void>;
}

/** Enough for a week offline in one cycle; the rest comes next cycle. */
const MAX_BATCHES_PER_CYCLE = 200;
const MAX_CHANGE_PAGES = 50;

const empty = (skipped: LinkCycleReport['skipped'] = null): LinkCycleReport => ({ skipped, scans: 0, done: 0, rejected: 0, changes: 0, revoked: false });

export function createHallLink(options: HallLinkOptions): HallLink {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? fullJitter();
  const timeoutMs = options.timeoutMs ?? HALL_TIMEOUT_MS;
  const transportFor = options.transportFor ?? httpHallTransport;
  const changeHandlers: HallChangeHandler[] = [];
  const wipeHooks: WipeHook[] = [];
  let reachable = false;

  const failed = (error: ExchangeError) => {
    reachable = false;
    recordLinkFailure(db, now(), error);
  };

  function revoke(report: LinkCycleReport): LinkCycleReport {
    reachable = true;
    wipeNode(db, wipeHooks, now(), 'the hall revoked this node');
    options.wipeScanFiles();
    options.log?.warn({}, 'the hall revoked this node: records wiped, waiting to be paired again');
    return { ...report, revoked: true };
  }

  async function cycle(_manual: boolean, signal: AbortSignal): Promise<LinkCycleReport> {
    const pairing = readPairing(db);
    if (!pairing) return empty('not_paired');
    const transport = transportFor({ url: pairing.hallUrl, token: pairing.token, nodeId: pairing.nodeId }, timeoutMs);
    const report = empty();
    // A HEAD answer has no body to say why; the profile's answer does.
    const refusedAs = async (refusal: { code?: string } | null): Promise<boolean> => {
      if (refusal?.code === 'revoked') return true;
      if (refusal?.code !== undefined) return false;
      const profile = await transport.fetchProfile(signal);
      return profile.kind === 'unauthorized' && profile.code === 'revoked';
    };

    const scans = await uploadScans({ db, transport, pathOf: options.pathOfScan, now, backoff, signal });
    report.scans = scans.sent;
    if (scans.result === 'unauthorized') {
      if (await refusedAs(scans.refusal)) return revoke(report);
      failed(exchangeError('unauthorized', String(scans.refusal?.status ?? 401)));
      return report;
    }
    // A scan that did not get through holds only the records that name it; the others still go.
    if (scans.result === 'failed') failed(scans.error ?? exchangeError('unreachable'));

    const drained = await drainOutbox<VillageOutboxRow>({
      db,
      spec: VILLAGE_OUTBOX,
      now,
      backoff,
      maxBatches: MAX_BATCHES_PER_CYCLE,
      stopped: () => signal.aborted,
      send: (rows, at) => transport.sendBatch(rows, hallTime(at), signal),
      recordOutcome: (outcome, counts, at) => {
        if (outcome.kind === 'replied' && counts.done + counts.rejected > 0) recordContact(db, at);
        else if (outcome.kind === 'failed') recordLinkFailure(db, at, outcome.error);
        else if (outcome.kind === 'replied') recordLinkFailure(db, at, exchangeError('bad_reply', 'no usable results'));
      },
    });
    report.done = drained.done;
    report.rejected = drained.rejected;
    if (drained.result === 'unauthorized') {
      if (await refusedAs(drained.refusal)) return revoke(report);
      failed(exchangeError('unauthorized', String(drained.refusal?.status ?? 401)));
      return report;
    }
    if (drained.result === 'failed') {
      reachable = false;
      return report;
    }

    const pulled = await pullFeed({
      readCursor: () => linkState(db).changes_cursor,
      fetchPage: (after, s) => transport.fetchChanges(after, s),
      storePage: (items, next) => storeChangesPage(db, now(), items, next, changeHandlers),
      cursorOf: (change) => change.cursor,
      maxPages: MAX_CHANGE_PAGES,
      signal,
    });
    report.changes = pulled.received;
    if (pulled.kind === 'unauthorized') {
      if (await refusedAs(pulled)) return revoke(report);
      failed(exchangeError('unauthorized', String(pulled.status)));
      return report;
    }
    if (pulled.kind === 'failed') {
      failed(pulled.error);
      return report;
    }

    const catalog = await transport.fetchCatalog(linkState(db).catalog_version, signal);
    if (catalog.kind === 'unauthorized') {
      if (await refusedAs(catalog)) return revoke(report);
      failed(exchangeError('unauthorized', String(catalog.status)));
      return report;
    }
    if (catalog.kind === 'failed') {
      failed(catalog.error);
      return report;
    }
    if (catalog.value.items !== null) storeCatalog(db, catalog.value.version, catalog.value.items);
    recordContact(db, now());
    reachable = true;
    return report;
  }

  // After a failed cycle with work waiting, the next comes sooner: on a link that drops every few
  // seconds the good moments are short. Each record's own backoff still spaces its retries.
  let lastFailed = false;
  const runner = createLinkRunner<LinkCycleReport>({
    cycle: async (manual, signal) => {
      const report = await cycle(manual, signal);
      lastFailed = !reachable && report.skipped === null && !report.revoked;
      return report;
    },
    empty: (reason) => empty(reason),
    intervalMs: () => (lastFailed ? Math.min(options.intervalMs(), 300) : options.intervalMs()),
    onError: (err) => options.log?.error({ err }, 'village link cycle failed'),
    recover: () => resetSending(db, VILLAGE_OUTBOX),
  });

  return {
    start(firstDelayMs = 200) {
      const reset = resetSending(db, VILLAGE_OUTBOX);
      if (reset) options.log?.info({ records: reset }, 'records left SENDING by the last run are pending again');
      runner.start(firstDelayMs);
    },
    runCycle: () => runner.runCycle({ manual: true }),
    trigger: () => runner.trigger(),
    onHallChange: (handler) => void changeHandlers.push(handler),
    onWipe: (hook) => void wipeHooks.push(hook),
    health() {
      return db.transaction((): VillageHealth => {
        const paired = readPairing(db) !== null;
        return { ok: true, paired, hallReachable: paired && reachable, lastContactAt: linkState(db).last_contact_at, pending: pendingCounts(db) };
      }).deferred();
    },
    stop: () => runner.stop(),
  };
}
