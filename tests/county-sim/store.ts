// The simulated county platform's own SQLite store: each recordId is kept once (its receipt is
// answered again for a duplicate), and each case's records are checked for order.
//
// Order, as a real county would do it: a case event whose case is not yet held, or whose seq is not
// the next one, cannot be filed. Rejecting it would set aside a record the hall will send correctly
// once the one before it arrives, so it is instead left out of the results — the contract's "no
// answer, try again" — and counted as an order violation. A hall that keeps per-case order never
// causes one; the tests assert the count stays 0. The simulator also counts "eager" events: ones that
// came in the same batch as the record before them, i.e. before the hall could have had its receipt
// (DESIGN §8: events never go before their case is accepted). That too must stay 0.
import Database from 'better-sqlite3-multiple-ciphers';
import { UploadRecord } from '../../electron/contract/county.js';

export type IngestResult =
  | { recordId: string; status: 'accepted' | 'duplicate'; receiptId: string }
  | { recordId: string; status: 'rejected'; reason: string };

export interface SimCounters {
  records: number;
  batches: number;
  deliveries: number;
  duplicates: number;
  rejected: number;
  orderViolations: number;
  eagerEvents: number;
}

export interface SimRecordRow {
  recordId: string;
  kind: string;
  caseNo: string | null;
  seq: number | null;
  receiptId: string;
  receivedAt: string;
}

const COUNTERS = ['batches', 'deliveries', 'duplicates', 'rejected', 'orderViolations', 'eagerEvents'] as const;

export class CountyStore {
  readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    // A county acknowledges only what is on disk, as the hall expects of it.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS records (
        seq_no INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        hall_code TEXT NOT NULL, kind TEXT NOT NULL, case_no TEXT, seq INTEGER,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, receipt_id TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS case_progress (
        hall_code TEXT NOT NULL, case_no TEXT NOT NULL, case_record_id TEXT NOT NULL, last_seq INTEGER NOT NULL,
        PRIMARY KEY (hall_code, case_no)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS decisions (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT, hall_code TEXT NOT NULL, case_no TEXT NOT NULL,
        decision TEXT NOT NULL, decided_at TEXT NOT NULL, note TEXT
      ) STRICT;
    `);
    const db = this.db;
    this.stmt = {
      byId: db.prepare<[string], { receipt_id: string }>('SELECT receipt_id FROM records WHERE record_id = ?'),
      progress: db.prepare<[string, string], { case_record_id: string; last_seq: number }>('SELECT case_record_id, last_seq FROM case_progress WHERE hall_code = ? AND case_no = ?'),
      insert: db.prepare('INSERT INTO records (record_id, hall_code, kind, case_no, seq, occurred_at, payload, receipt_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      newCase: db.prepare('INSERT INTO case_progress (hall_code, case_no, case_record_id, last_seq) VALUES (?, ?, ?, 0)'),
      nextSeq: db.prepare('UPDATE case_progress SET last_seq = ? WHERE hall_code = ? AND case_no = ?'),
      bump: db.prepare('INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n'),
      maxNo: db.prepare<[], { n: number | null }>('SELECT max(seq_no) AS n FROM records'),
    };
  }

  /** Files one batch in one transaction, in the order given; out-of-order records get no result. */
  ingest(hallCode: string, records: readonly unknown[], poisoned: ReadonlySet<string> = new Set()): IngestResult[] {
    return this.db.transaction((): IngestResult[] => {
      const results: IngestResult[] = [];
      const now = new Date().toISOString();
      let next = (this.stmt.maxNo.get()?.n ?? 0) + 1;
      const tally = { deliveries: records.length, duplicates: 0, rejected: 0, orderViolations: 0, eagerEvents: 0 };
      const touched = new Set<string>();
      for (const raw of records) {
        const parsed = UploadRecord.safeParse(raw);
        const rawId = (raw as { recordId?: unknown } | null)?.recordId;
        if (!parsed.success) {
          if (typeof rawId === 'string') results.push({ recordId: rawId, status: 'rejected', reason: `invalid record: ${parsed.error.issues[0]?.path.join('.') || 'shape'}` });
          tally.rejected += 1;
          continue;
        }
        const r = parsed.data;
        const held = this.stmt.byId.get(r.recordId);
        if (held) {
          results.push({ recordId: r.recordId, status: 'duplicate', receiptId: held.receipt_id });
          tally.duplicates += 1;
          continue;
        }
        const problem = poisoned.has(r.recordId) ? 'rejected by the simulator (rejectRecordIds)' : shapeProblem(r);
        if (problem) {
          results.push({ recordId: r.recordId, status: 'rejected', reason: problem });
          tally.rejected += 1;
          continue;
        }
        if (r.kind === 'case' || r.kind === 'case-event') {
          const progress = this.stmt.progress.get(hallCode, r.caseNo!);
          if (r.kind === 'case' && progress) {
            results.push({ recordId: r.recordId, status: 'rejected', reason: `case ${r.caseNo} was already received as another record` });
            tally.rejected += 1;
            continue;
          }
          if (r.kind === 'case-event' && (!progress || progress.last_seq !== r.seq! - 1)) {
            tally.orderViolations += 1;
            continue;
          }
          if (r.kind === 'case-event' && touched.has(r.caseNo!)) tally.eagerEvents += 1;
          touched.add(r.caseNo!);
          if (r.kind === 'case') this.stmt.newCase.run(hallCode, r.caseNo!, r.recordId);
          else this.stmt.nextSeq.run(r.seq!, hallCode, r.caseNo!);
        }
        const receiptId = `CTY-${hallCode}-${String(next++).padStart(8, '0')}`;
        this.stmt.insert.run(r.recordId, hallCode, r.kind, r.caseNo ?? null, r.seq ?? null, r.occurredAt, JSON.stringify(r.payload), receiptId, now);
        results.push({ recordId: r.recordId, status: 'accepted', receiptId });
      }
      this.stmt.bump.run('batches', 1);
      for (const [name, n] of Object.entries(tally)) if (n) this.stmt.bump.run(name, n);
      return results;
    }).immediate();
  }

  counters(): SimCounters {
    const rows = this.db.prepare<[], { name: string; n: number }>('SELECT name, n FROM counters').all();
    const byName = new Map(rows.map((r) => [r.name, r.n]));
    const records = (this.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    return { records, ...Object.fromEntries(COUNTERS.map((c) => [c, byName.get(c) ?? 0])) } as SimCounters;
  }

  records(limit = 1_000_000, offset = 0, newestFirst = false): SimRecordRow[] {
    return this.db
      .prepare(`SELECT record_id AS recordId, kind, case_no AS caseNo, seq, receipt_id AS receiptId, received_at AS receivedAt
                FROM records ORDER BY seq_no ${newestFirst ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`)
      .all(limit, offset) as SimRecordRow[];
  }

  addDecision(hallCode: string, caseNo: string, decision: 'approved' | 'denied', note: string | null): number {
    return Number(this.db.prepare('INSERT INTO decisions (hall_code, case_no, decision, decided_at, note) VALUES (?, ?, ?, ?, ?)').run(hallCode, caseNo, decision, new Date().toISOString(), note).lastInsertRowid);
  }

  /** A page of decisions after a cursor; `next` is the cursor to ask after next time (null: none now). */
  decisionsAfter(hallCode: string, after: number, limit = 100) {
    const rows = this.db
      .prepare<[string, number, number], { cursor: number; case_no: string; decision: string; decided_at: string; note: string | null }>(
        'SELECT cursor, case_no, decision, decided_at, note FROM decisions WHERE hall_code = ? AND cursor > ? ORDER BY cursor LIMIT ?',
      )
      .all(hallCode, after, limit);
    const decisions = rows.map((r) => ({ caseNo: r.case_no, decision: r.decision, decidedAt: r.decided_at, note: r.note, cursor: String(r.cursor) }));
    return { decisions, next: decisions.at(-1)?.cursor ?? null };
  }

  reset(): void {
    this.db.exec('DELETE FROM records; DELETE FROM case_progress; DELETE FROM counters; DELETE FROM decisions');
  }

  close(): void {
    this.db.close();
  }
}

function shapeProblem(r: UploadRecord): string | null {
  const forCase = r.kind === 'case' || r.kind === 'case-event';
  if (forCase && !r.caseNo) return `${r.kind} needs caseNo`;
  if (r.kind === 'case-event' && r.seq === undefined) return 'case-event needs seq';
  if (Number.isNaN(Date.parse(r.occurredAt))) return 'occurredAt is not a time';
  return null;
}
