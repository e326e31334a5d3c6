// Cases in bulk for the case-list benchmark, written straight into the host's database while the
// host is stopped: case rows with their check-lists and timelines, and ≈10 audit rows per case chained
// with the host's own rowHash, so GET /audit/verify still passes afterwards. Grows a database
// incrementally (10k → 100k → 1M): it continues the case ids, the per-day case numbers and the audit
// chain from where they stand. Deterministic: case n is the same case whichever run writes it.
import { residentIdCheckChar, creditCodeCheckChar, CREDIT_ALPHABET } from '../../../electron/contract/identity.js';
import { rowHash, type AuditRowContent } from '../../../electron/hall/audit/chain.js';
import { closeBulkDatabase, openBulkDatabase } from './raw-db.js';

type Status = 'received' | 'correction' | 'accepted' | 'in_review' | 'paused' | 'forwarded' | 'decided' | 'concluded' | 'delivered' | 'rejected' | 'withdrawn';

/** A township hall some years in: most cases delivered or concluded, a working set still open. */
const STATUS_WEIGHTS: ReadonlyArray<[Status, number]> = [
  ['delivered', 62], ['concluded', 10], ['rejected', 3], ['withdrawn', 2], ['decided', 2],
  ['in_review', 8], ['forwarded', 3], ['accepted', 3], ['paused', 2], ['received', 3], ['correction', 2],
];
const OPEN: ReadonlySet<Status> = new Set(['received', 'correction', 'accepted', 'in_review', 'paused', 'forwarded', 'decided']);
const HISTORY_DAYS = 6 * 365;
const OPEN_DAYS = 60;
const DAY_MS = 86_400_000;
const HALL_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no DST
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红文辉鹏飞宇浩然晨阳佳怡子涵欣雨梓萱俊杰思远海燕春梅';
const ORG_WORDS = ['安峰', '青山', '丰收', '绿源', '惠民', '兴农', '宏达', '金穗', '清河', '永盛'];
const ORG_KINDS = ['种植专业合作社', '农机服务有限公司', '家庭农场', '建材经营部', '便利店', '养殖场'];
const CORRECTION_REASONS = ['复印件不清晰', '缺少原件', '签名缺失', '信息与证件不一致'];
const PASSWORD_HASH = 'scrypt$16384$8$1$YmVuY2gtc2FsdC0xMjM0$' + 'A'.repeat(43) + '='; // the shape of a real hash; no lookup is benched

export interface GenerateResult {
  added: number;
  events: number;
  materials: number;
  audit: number;
  ms: number;
  /** The most frequent item, the one the benchmark filters by. */
  topItem: string;
}

interface ItemInfo {
  code: string;
  name: string;
  type: string;
  implementation_code: string;
  handling_level: 'town' | 'county';
  promised_limit_value: number;
  promised_limit_unit: 'working_days' | 'days' | 'months';
  materials: Array<{ name: string; requirement: string; condition: string; originals: number; copies: number; electronic: number }>;
  weight: number;
}

/** mulberry32: small, fast, and seeded per case so growth is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pickWeighted<T>(r: number, list: ReadonlyArray<readonly [T, number]>, total: number): T {
  let x = r * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1]![0];
}

const hallDayOf = (ms: number): string => new Date(ms + HALL_OFFSET_MS).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The actions from intake to `status`, with correction and pause cycles so a case has 5–12 entries. */
function pathTo(status: Status, rand: () => number): string[] {
  const target = 5 + Math.floor(rand() * 7);
  const review = ['accept', 'assign'];
  const core: Record<Status, string[]> = {
    received: [],
    correction: ['request-correction'],
    accepted: ['accept'],
    in_review: review,
    paused: [...review, 'pause'],
    forwarded: [...review, 'forward'],
    decided: [...review, 'approve'],
    concluded: [...review, 'approve', 'conclude'],
    delivered: [...review, 'approve', 'conclude', 'deliver'],
    rejected: ['reject'],
    withdrawn: ['accept', 'withdraw'],
  };
  const tail = core[status];
  const reviews = tail.includes('assign');
  const corrections: string[] = [];
  const pauses: string[] = [];
  // receive + corrections + tail (+ pause cycles inside review): `target` or one more entries.
  while (1 + corrections.length + pauses.length + tail.length < target) {
    if (reviews && rand() < 0.4) pauses.push('pause', 'resume');
    else corrections.push('request-correction', 'resubmit');
  }
  if (!reviews) return ['receive', ...corrections, ...tail];
  const at = tail.indexOf('assign') + 1;
  return ['receive', ...corrections, ...tail.slice(0, at), ...pauses, ...tail.slice(at)];
}

const STATE_AFTER: Record<string, Status> = {
  receive: 'received', 'request-correction': 'correction', resubmit: 'received', accept: 'accepted', assign: 'in_review',
  pause: 'paused', resume: 'in_review', forward: 'forwarded', approve: 'decided', conclude: 'concluded', deliver: 'delivered',
  reject: 'rejected', withdraw: 'withdrawn',
};

export function generateCases(dbFile: string, targetCases: number, now = Date.now()): GenerateResult {
  const started = performance.now();
  const db = openBulkDatabase(dbFile);

  const users = db.prepare("SELECT id, display_name AS name, role FROM users WHERE active = 1 AND role IN ('clerk', 'backoffice') ORDER BY id").all() as Array<{ id: number; name: string; role: string }>;
  const staff = {
    clerks: users.filter((u) => u.role === 'clerk').map((u, i) => ({ ...u, terminal: `${i + 1}号窗口` })),
    backoffice: users.filter((u) => u.role === 'backoffice'),
  };
  if (!staff.clerks.length || !staff.backoffice.length) throw new Error('the generator needs at least one clerk and one back-office user');
  const have = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const setting = db.prepare("SELECT value FROM settings WHERE key = 'hall.code'").get() as { value: string } | undefined;
  const hallCode = setting ? (JSON.parse(setting.value) as string) : '000000000';
  const items = db.prepare('SELECT id, code, name, type, implementation_code, handling_level, promised_limit_value, promised_limit_unit FROM items WHERE active = 1 ORDER BY code').all() as Array<ItemInfo & { id: number }>;
  if (!items.length) throw new Error('no catalogue in the database: start the host on it once first');
  const materialsOf = db.prepare('SELECT name, requirement, condition, originals, copies, electronic FROM item_materials WHERE item_id = ? ORDER BY position');
  // Zipf-like: the most asked-for items (pension, residence certificates) dominate a township's year.
  items.forEach((it, i) => {
    it.materials = materialsOf.all(it.id) as ItemInfo['materials'];
    it.weight = 1 / Math.pow(i + 1, 0.9);
  });
  const itemWeights = items.map((it) => [it, it.weight] as const);
  const itemTotal = items.reduce((a, it) => a + it.weight, 0);
  const statusTotal = STATUS_WEIGHTS.reduce((a, [, w]) => a + w, 0);

  const daySeq = new Map<string, number>((db.prepare('SELECT business_day, last_seq FROM case_numbers').all() as Array<{ business_day: string; last_seq: number }>).map((r) => [r.business_day, r.last_seq]));
  const head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as { last_id: number; last_hash: string };
  let auditId = head.last_id;
  let prevHash = head.last_hash;

  const insCase = db.prepare(`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, implementation_code, handling_level, limit_value, limit_unit,
      applicant_kind, applicant_name, id_type, id_number, mobile, contact_name, channel, clerk_id, assignee_id, status, password_hash, received_at,
      accepted_at, accepted_day, due_date, pauses, correction, correction_at, reject_reasons, decision, decided_by, decided_at, concluded_at, concluded_day,
      delivered_at, delivery_method, last_seq, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insMaterial = db.prepare(`INSERT INTO case_materials (case_id, position, name, requirement, condition, applicable, need_originals, need_copies, electronic_ok, originals, copies, electronic)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = db.prepare(`INSERT INTO case_events (case_id, seq, action, state_before, state_after, actor_kind, actor_id, actor_name, terminal, at, note, detail)
    VALUES (?, ?, ?, ?, ?, 'user', ?, ?, ?, ?, ?, ?)`);
  const insAudit = db.prepare(`INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, terminal, action, entity, entity_id, state_before, state_after, note, detail, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const audit = (row: Omit<AuditRowContent, 'id' | 'prev_hash'>) => {
    const full: AuditRowContent = { id: ++auditId, ...row, prev_hash: prevHash };
    const hash = rowHash(full);
    insAudit.run(full.id, full.at, full.actor_kind, full.actor_id, full.actor_name, full.terminal, full.action, full.entity, full.entity_id,
      full.state_before, full.state_after, full.note, full.detail, full.prev_hash, hash);
    prevHash = hash;
  };

  let events = 0;
  let materials = 0;
  let audits = 0;
  const BATCH = 20_000; // cases per transaction: ≈ 200k audit + 170k event + 100k material rows
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const rand = rng(0x9e3779b9 ^ Math.imul(n + 1, 2_654_435_761));
      const status = pickWeighted(rand(), STATUS_WEIGHTS, statusTotal);
      const item = pickWeighted(rand(), itemWeights, itemTotal);
      const open = OPEN.has(status);
      const receivedMs = now - Math.floor(rand() * (open ? OPEN_DAYS : HISTORY_DAYS) * DAY_MS) - 3_600_000;
      const day = hallDayOf(receivedMs);
      const seq = (daySeq.get(day) ?? 0) + 1;
      daySeq.set(day, seq);
      const caseNo = `${hallCode}${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
      const person = rand() < 0.9;
      const clerk = staff.clerks[Math.floor(rand() * staff.clerks.length)]!;
      const reviewer = staff.backoffice[Math.floor(rand() * staff.backoffice.length)]!;
      let name: string;
      let idNumber: string;
      if (person) {
        name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.7 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
        const birth = new Date(Date.UTC(1940 + Math.floor(rand() * 65), 0, 1) + Math.floor(rand() * 365) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
        const first17 = `3209${String(21 + Math.floor(rand() * 10)).padStart(2, '0')}${birth}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
        idNumber = first17 + residentIdCheckChar(first17);
      } else {
        name = `${ORG_WORDS[Math.floor(rand() * ORG_WORDS.length)]!}${ORG_KINDS[Math.floor(rand() * ORG_KINDS.length)]!}`;
        let first17 = '93320921';
        for (let i = 0; i < 9; i++) first17 += CREDIT_ALPHABET[Math.floor(rand() * CREDIT_ALPHABET.length)]!;
        idNumber = first17 + creditCodeCheckChar(first17);
      }
      const mobile = `1${['3', '5', '8', '9'][Math.floor(rand() * 4)]!}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;

      const actions = pathTo(status, rand);
      // Each step some hours to days after the previous, all before now.
      const span = Math.max(1, now - receivedMs - 60_000);
      const stepMs = Math.floor(span / (actions.length + 1));
      let t = receivedMs;
      let acceptedMs: number | null = null;
      let decidedMs: number | null = null;
      let concludedMs: number | null = null;
      let deliveredMs: number | null = null;
      let correctionMs: number | null = null;
      let pausedFrom: number | null = null;
      const pauses: Array<{ from: string; to: string | null; reason: string }> = [];
      const times: number[] = [];
      for (const a of actions) {
        times.push(t);
        if (a === 'accept') acceptedMs = t;
        if (a === 'approve') decidedMs = t;
        if (a === 'conclude') concludedMs = t;
        if (a === 'deliver') deliveredMs = t;
        if (a === 'request-correction') correctionMs = t;
        if (a === 'pause') pausedFrom = t;
        if (a === 'resume' && pausedFrom !== null) {
          pauses.push({ from: hallDayOf(pausedFrom), to: hallDayOf(t), reason: '需现场核查' });
          pausedFrom = null;
        }
        t += 1 + Math.floor(rand() * stepMs);
      }
      if (pausedFrom !== null) pauses.push({ from: hallDayOf(pausedFrom), to: null, reason: '需现场核查' });
      const acceptedDay = acceptedMs === null ? null : hallDayOf(acceptedMs);
      // The promised limit in calendar days, about 7/5 of working days; open cases spread from ten days
      // overdue to a month ahead so the list has red, yellow and quiet rows.
      let due: string | null = null;
      if (acceptedDay && status !== 'paused') {
        const limitDays = item.promised_limit_unit === 'months' ? item.promised_limit_value * 30 : item.promised_limit_unit === 'days' ? item.promised_limit_value : Math.ceil(item.promised_limit_value * 1.4);
        due = open ? addDays(hallDayOf(now), Math.floor(rand() * 41) - 10) : addDays(acceptedDay, limitDays);
      }
      const last = actions.length - 1;
      const lastAt = new Date(times[last]!).toISOString();
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const approved = rand() < 0.93;
      const { lastInsertRowid } = insCase.run(
        caseNo, day, item.code, item.name, item.type, item.implementation_code, item.handling_level, item.promised_limit_value, item.promised_limit_unit,
        person ? 'person' : 'organisation', name, person ? 'resident_id' : 'credit_code', idNumber, mobile, person ? null : '张伟', 'window', clerk.id,
        actions.includes('assign') ? reviewer.id : null, status, PASSWORD_HASH, new Date(receivedMs).toISOString(),
        iso(acceptedMs), acceptedDay, due, JSON.stringify(pauses),
        correctionMs === null ? null : JSON.stringify([{ name: item.materials[0]?.name ?? '申请表', reason: CORRECTION_REASONS[n % CORRECTION_REASONS.length]! }]),
        iso(correctionMs), status === 'rejected' ? JSON.stringify(['不属于本机关职权范围']) : null,
        decidedMs === null ? null : approved ? 'approved' : 'denied', decidedMs === null ? null : 'hall', iso(decidedMs),
        iso(concludedMs), concludedMs === null ? null : hallDayOf(concludedMs), iso(deliveredMs), deliveredMs === null ? null : rand() < 0.8 ? 'window' : 'post',
        last, lastAt,
      );
      const caseId = Number(lastInsertRowid);
      item.materials.forEach((m, position) => {
        const applicable = m.requirement === 'required' || rand() < 0.2 ? 1 : 0;
        insMaterial.run(caseId, position, m.name, m.requirement, m.condition, applicable, m.originals, m.copies, m.electronic,
          applicable ? m.originals : 0, applicable ? m.copies : 0, applicable && m.electronic ? 1 : 0);
        materials++;
      });
      let before: Status | null = null;
      actions.forEach((a, s) => {
        const after = STATE_AFTER[a]!;
        const byClerk = a === 'receive' || a === 'request-correction' || a === 'resubmit' || a === 'accept' || a === 'reject' || a === 'deliver' || a === 'withdraw';
        const actor = byClerk ? clerk : reviewer;
        const terminal = byClerk ? clerk.terminal : null;
        const at = new Date(times[s]!).toISOString();
        const note = a === 'pause' ? '需现场核查' : null;
        insEvent.run(caseId, s, a, before, after, actor.id, actor.name, terminal, at, note, a === 'accept' && due ? JSON.stringify({ dueDate: due }) : null);
        events++;
        audit({
          at, actor_kind: 'user', actor_id: actor.id, actor_name: actor.name, terminal, action: `case-${a}`, entity: 'case', entity_id: String(caseId),
          state_before: before, state_after: after, note,
          detail: a === 'receive' ? JSON.stringify({ caseNo, itemCode: item.code, channel: 'window' }) : JSON.stringify({ caseNo, seq: s }),
        });
        audits++;
        before = after;
      });
      // The rest of a case's audit trail: back-office reveals of the ID number (≈ 10 audit rows a case in all).
      const reveals = Math.max(0, 10 - actions.length + Math.floor(rand() * 3) - 1);
      for (let i = 0; i < reveals; i++) {
        audit({
          at: new Date(times[Math.min(i, last)]! + 60_000).toISOString(), actor_kind: 'user', actor_id: reviewer.id, actor_name: reviewer.name, terminal: null,
          action: 'pii-reveal', entity: 'case', entity_id: String(caseId), state_before: null, state_after: null, note: null,
          detail: JSON.stringify({ caseNo, field: 'idNumber' }),
        });
        audits++;
      }
    }
  });
  for (let from = have; from < targetCases; from += BATCH) writeBatch(from, Math.min(targetCases, from + BATCH));

  db.transaction(() => {
    const upsert = db.prepare('INSERT INTO case_numbers (business_day, last_seq) VALUES (?, ?) ON CONFLICT (business_day) DO UPDATE SET last_seq = excluded.last_seq');
    for (const [d, s] of daySeq) upsert.run(d, s);
    db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1').run(auditId, prevHash);
  })();
  closeBulkDatabase(db);
  return { added: Math.max(0, targetCases - have), events, materials, audit: audits, ms: performance.now() - started, topItem: items[0]!.code };
}
