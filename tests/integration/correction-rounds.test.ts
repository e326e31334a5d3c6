// 一次性告知 over real HTTP: after a resubmit the clerk may ask again only for materials of the first
// notice that are still defective (a new one is a 422 naming it, nothing written), and every notice
// given stays in the case and reprints by its number exactly as it was handed over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, dump, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;

beforeAll(async () => {
  h = await startHall();
  h.clock.advance(Date.parse('2026-09-29T02:00:00Z') - h.clock.now().getTime());
  addItems(h);
  s = await staff(h);
});
afterAll(() => h.close());

const act = (id: number, body: Record<string, unknown>) => h.api('POST', `/cases/${id}/actions`, { token: s.clerk, body });
const notice = async (path: string, lang = 'zh-CN') => {
  const res = await fetch(`${h.base}/api/v1${path}`, { headers: { authorization: `Bearer ${s.clerk}`, 'accept-language': lang } });
  return { status: res.status, html: await res.text() };
};
/** The (material, reason) rows of a correction notice's list. */
const listed = (html: string) => [...html.matchAll(/<tr><td>\d+<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => `${m[1]}:${m[2]}`);

describe('a second correction round', () => {
  let id = 0;
  let caseNo = '';
  let firstSeq = 0;
  let secondSeq = 0;

  it('gives the first notice listing everything, then takes a resubmit that still lacks 户口簿', async () => {
    const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: [{ name: '居民身份证', originals: 1, copies: 1 }], channel: 'window' } });
    ({ id, caseNo } = created.body);
    const first = await act(id, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供户口簿原件' }, { name: '居民身份证', reason: '复印件不清晰' }] });
    expect(first.status).toBe(200);
    firstSeq = first.body.events.at(-1).seq;
    const back = await act(id, { action: 'resubmit', materials: [{ name: '居民身份证', originals: 1, copies: 1 }] });
    expect(back.body.status).toBe('received');
  });

  it('refuses a material the first notice did not name, with a 422 naming it, and writes nothing', async () => {
    const before = dump(h);
    const res = await act(id, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '仍未提供' }, { name: '授权委托书', reason: '需要委托书' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('授权委托书');
    expect(res.body.error.details.added).toEqual(['授权委托书']);
    expect(dump(h)).toBe(before);
  });

  it('still requires every first-notice material that is missing to be named again', async () => {
    const before = dump(h);
    const res = await act(id, { action: 'request-correction', corrections: [{ name: '居民身份证', reason: '复印件仍不清晰' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('户口簿');
    expect(dump(h)).toBe(before);
  });

  it('accepts asking again for a first-notice material still defective', async () => {
    const res = await act(id, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '仍未提供户口簿原件' }] });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('correction');
    secondSeq = res.body.events.at(-1).seq;
    expect(res.body.events.filter((e: { action: string }) => e.action === 'request-correction')).toHaveLength(2);
    const audit = h.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case-request-correction' AND entity_id = ?").get(String(id)) as { n: number };
    expect(audit.n).toBe(2);
  });

  it('reprints the first notice by its number with its own list, date and number', async () => {
    const first = await notice(`/cases/${id}/notices/correction/${firstSeq}`);
    expect(first.status).toBe(200);
    expect(listed(first.html)).toEqual(['户口簿:未提供户口簿原件', '居民身份证:复印件不清晰']);
    expect(first.html).toContain(`${caseNo}-${firstSeq}`);
    expect(first.html).not.toContain('再次补正');
  });

  it('prints the second notice (also the latest) as a repeat of the first, naming it', async () => {
    const second = await notice(`/cases/${id}/notices/correction/${secondSeq}`);
    expect(listed(second.html)).toEqual(['户口簿:仍未提供户口簿原件']);
    expect(second.html).toContain(`${caseNo}-${firstSeq}`);
    expect(second.html).toContain(`${caseNo}-${secondSeq}`);
    const latest = await notice(`/cases/${id}/notices/correction`);
    expect(latest.html).toBe(second.html);
    expect((await notice(`/cases/${id}/notices/correction/${secondSeq}`, 'en')).html).toContain(`Notice number`);
  });

  it('answers 404 for a number that is not a notice of that kind', async () => {
    expect((await notice(`/cases/${id}/notices/correction/${firstSeq + 1}`)).status).toBe(404);
    expect((await notice(`/cases/${id}/notices/acceptance/${firstSeq}`)).status).toBe(404);
    expect((await notice(`/cases/${id}/notices/correction/999`)).status).toBe(404);
    expect((await notice(`/cases/${id}/notices/correction/0`)).status).toBe(400);
  });

  it('accepts once everything is in, and the acceptance notice has its own number', async () => {
    await act(id, { action: 'resubmit', materials: [{ name: '居民身份证', originals: 1, copies: 1 }, { name: '户口簿', originals: 1 }] });
    const accepted = await act(id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    const seq = accepted.body.events.at(-1).seq;
    const n = await notice(`/cases/${id}/notices/acceptance/${seq}`);
    expect(n.status).toBe(200);
    expect(n.html).toContain(`${caseNo}-${seq}`);
    // The earlier notices are still there to reprint.
    expect(listed((await notice(`/cases/${id}/notices/correction/${firstSeq}`)).html)).toHaveLength(2);
  });
});
