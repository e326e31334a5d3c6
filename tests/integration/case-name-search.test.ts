// The list shows names masked (王*, 欧阳**); the search must not confirm them letter by letter.
// Names (and ID numbers) match whole only: a prefix finds nothing, the full name finds the case, and
// the rows it finds are masked like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ID_NUMBER, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
const OTHER_ID = '440524198001010013';

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  s = await staff(h);
  for (const applicant of [
    PERSON,
    { ...PERSON, name: '王芳芳', idNumber: OTHER_ID },
    { ...PERSON, name: '欧阳娜娜', idNumber: OTHER_ID },
  ]) {
    const res = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant, materials: [] } });
    expect(res.status).toBe(201);
  }
});
afterAll(() => h.close());

const search = async (q: string) => (await h.api('GET', `/cases?q=${encodeURIComponent(q)}`, { token: s.backoffice })).body as {
  total: number;
  rows: Array<{ applicantName: string; idNumber: string; mobile: string }>;
};

describe('name search', () => {
  it('a prefix of a name finds nothing, letter by letter', async () => {
    for (const prefix of ['王', '欧', '欧阳', '欧阳娜']) expect({ prefix, total: (await search(prefix)).total }).toEqual({ prefix, total: 0 });
  });

  it('the exact full name finds that case only, and the rows stay masked', async () => {
    const wang = await search('王芳');
    expect(wang.total).toBe(1);
    expect(wang.rows).toEqual([expect.objectContaining({ applicantName: '王*', idNumber: '110105********002X', mobile: '138****5678' })]);
    const ouyang = await search(' 欧阳娜娜 ');
    expect(ouyang.rows.map((r) => r.applicantName)).toEqual(['欧阳**']);
    const raw = JSON.stringify([wang, ouyang]);
    for (const secret of ['王芳', '欧阳娜娜', ID_NUMBER, OTHER_ID]) expect(raw).not.toContain(secret);
  });

  it('a longer name is not found by a shorter one, nor a shorter by a longer', async () => {
    expect((await search('王芳芳')).total).toBe(1);
    expect((await search('王芳芳芳')).total).toBe(0);
  });

  it('ID numbers match whole only: no part of one, masked or shown, finds a case', async () => {
    expect((await search(ID_NUMBER)).total).toBe(1);
    expect((await search(ID_NUMBER.toLowerCase())).total).toBe(1);
    expect((await search(OTHER_ID)).total).toBe(2);
    for (const part of [ID_NUMBER.slice(0, 17), ID_NUMBER.slice(0, 6), ID_NUMBER.slice(-4), '110105********002X', ID_NUMBER.slice(6, 14)]) {
      expect({ part, total: (await search(part)).total }).toEqual({ part, total: 0 });
    }
  });

  it('a search is not a reveal: no ID number leaves the host and no reveal is recorded', async () => {
    const reveals = () => h.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'pii-reveal'").pluck().get() as number;
    const before = reveals();
    const res = await h.api('GET', `/cases?q=${ID_NUMBER}`, { token: s.admin });
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
    expect(reveals()).toBe(before);
  });
});
