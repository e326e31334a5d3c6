// Migration 19: a hall that upgrades keeps every figure of its cases. The day sums it fills from the
// rows already there (cases per day, item and village with those concluded on time; counted case
// ratings per day given, item and village) equal a recount of those rows, and the sums the triggers
// keep afterwards go on from them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-m19-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, migrations.filter((m) => m.version < 19));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface CaseRow { id: number; item_code: string; village_code: string | null; due_date: string | null; business_day: string; accepted_day: string | null; concluded_day: string | null }

/** Cases and counted case ratings recounted from the rows, keyed as the sums are. */
function recount() {
  const cases = db.prepare('SELECT id, item_code, village_code, due_date, business_day, accepted_day, concluded_day FROM cases').all() as CaseRow[];
  const days: Record<string, number[]> = {};
  const bump = (day: string | null, c: CaseRow, i: number) => {
    if (day === null) return;
    const v = (days[`${day}|${c.item_code}|${c.village_code ?? ''}`] ??= [0, 0, 0, 0]);
    v[i]! += 1;
  };
  for (const c of cases) {
    bump(c.business_day, c, 0);
    bump(c.accepted_day, c, 1);
    bump(c.concluded_day, c, 2);
    if (c.concluded_day !== null && (c.due_date === null || c.concluded_day <= c.due_date)) bump(c.concluded_day, c, 3);
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rated: Record<string, number[]> = {};
  for (const r of db.prepare('SELECT case_id, level, business_day FROM ratings WHERE case_id IS NOT NULL AND counted = 1').all() as Array<{ case_id: number; level: number; business_day: string }>) {
    const c = byId.get(r.case_id)!;
    const v = (rated[`${r.business_day}|${c.item_code}|${c.village_code ?? ''}`] ??= [0, 0]);
    v[0]! += 1;
    v[1]! += r.level >= 3 ? 1 : 0;
  }
  return { days, rated };
}

function sums() {
  const rows = <T>(q: string) => db.prepare(q).all() as T[];
  return {
    days: Object.fromEntries(rows<{ k: string; r: number; a: number; c: number; o: number }>("SELECT day || '|' || item_code || '|' || village_code AS k, received AS r, accepted AS a, concluded AS c, concluded_on_time AS o FROM case_daily WHERE received + accepted + concluded > 0").map((x) => [x.k, [x.r, x.a, x.c, x.o]])),
    rated: Object.fromEntries(rows<{ k: string; n: number; s: number }>("SELECT business_day || '|' || item_code || '|' || village_code AS k, ratings AS n, satisfied AS s FROM rating_case_daily WHERE ratings > 0").map((x) => [x.k, [x.n, x.s]])),
  };
}

describe('migration 19 (case group sums)', () => {
  it('fills the sums from the cases and ratings a hall already has, and the triggers carry on from them', () => {
    const insCase = db.prepare(`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, handling_level, limit_value, limit_unit, applicant_kind, applicant_name, id_type,
                  id_number, mobile, channel, status, password_hash, received_at, accepted_at, accepted_day, due_date, concluded_at, concluded_day, updated_at, village_code)
                  VALUES (?, ?, ?, '事项', '07', 'town', 5, 'working_days', 'person', '王芳', 'resident_id', '11010519491231002X', '13812345678', 'window', ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insRating = db.prepare("INSERT INTO ratings (ticket_id, case_id, stage, level, channel, window_id, clerk_id, device_id, created_at) VALUES (NULL, ?, ?, ?, 'kiosk', NULL, NULL, NULL, ?)");
    const spec: Array<[string, string | null, string | null, string | null]> = [
      // item, village, due date, concluded day: on time, late, without a due date, still running, from no village
      ['TOWN01', '330102001', '2026-03-10', '2026-03-09'],
      ['TOWN01', '330102001', '2026-03-05', '2026-03-09'],
      ['TOWN02', '330102002', null, '2026-03-06'],
      ['TOWN02', '330102002', '2026-03-12', null],
      ['TOWN01', null, '2026-03-10', '2026-03-06'],
    ];
    const ids = spec.map(([item, village, due, concluded], i) =>
      Number(insCase.run(`M${i}`, '2026-03-04', item, concluded ? 'concluded' : 'accepted', '2026-03-04T01:00:00.000Z', '2026-03-04T16:10:00.000Z', '2026-03-05', due, concluded && `${concluded}T02:00:00.000Z`, concluded, '2026-03-04T01:00:00.000Z', village).lastInsertRowid),
    );
    ids.forEach((id, i) => insRating.run(id, 'accepted', 1 + i, '2026-03-05T02:00:00.000Z'));
    insRating.run(ids[0], 'concluded', 5, '2026-03-09T15:59:59.000Z');

    migrate(db);
    const after = sums();
    expect(after).toEqual(recount());
    expect(after.days['2026-03-09|TOWN01|330102001']).toEqual([0, 0, 2, 1]);
    expect(after.days['2026-03-06|TOWN01|']).toEqual([0, 0, 1, 1]);
    expect(after.rated['2026-03-05|TOWN02|330102002']).toEqual([2, 2]);

    db.prepare("UPDATE cases SET village_code = '330102002', due_date = '2026-03-01' WHERE id = ?").run(ids[0]);
    insRating.run(ids[2], 'concluded', 2, '2026-03-13T01:00:00.000Z');
    expect(sums()).toEqual(recount());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
