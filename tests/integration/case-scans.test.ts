// Scans: the type is judged by the bytes, a file is stored once by its SHA-256 under scans/ab/…, and
// the county hears of each scan in the case's event order.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
beforeAll(async () => {
  h = await startHall();
  addItems(h);
  s = await staff(h);
});
afterAll(() => h.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really an image')]);

it('stores a scan once by its hash and refuses a file whose bytes are not its type', async () => {
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } });
  const id = created.body.id as number;
  const upload = (body: Record<string, unknown>) => h.api('POST', `/cases/${id}/scans`, { token: s.clerk, body: { materialName: '户口簿', fileName: 'hukou.png', contentType: 'image/png', dataBase64: PNG.toString('base64'), ...body } });

  const first = await upload({});
  expect(first.status).toBe(201);
  const sha = createHash('sha256').update(PNG).digest('hex');
  expect(first.body).toMatchObject({ sha256: sha, size: PNG.length, contentType: 'image/png' });
  expect(existsSync(path.join(h.dataDir, 'scans', sha.slice(0, 2), sha))).toBe(true);

  const again = await upload({ fileName: 'copy.png' });
  expect(again.body.id).toBe(first.body.id);
  const other = await upload({ materialName: '居民身份证' });
  expect(other.status).toBe(201);
  expect(readdirSync(path.join(h.dataDir, 'scans', sha.slice(0, 2)))).toEqual([sha]);

  const lying = await upload({ contentType: 'application/pdf' });
  expect(lying.status).toBe(400);
  expect(lying.body.error.details).toEqual([{ field: 'contentType', code: 'file_type_mismatch' }]);
  const unknown = await upload({ materialName: '结婚证' });
  expect(unknown.body.error.details[0]).toMatchObject({ field: 'materialName', code: 'unknown_material' });

  const detail = await h.api('GET', `/cases/${id}`, { token: s.clerk });
  expect(detail.body.materials.find((m: { name: string }) => m.name === '户口簿').scans).toHaveLength(1);
  const events = h.db.prepare("SELECT seq, payload FROM outbox WHERE kind = 'case-event' AND case_no = ? ORDER BY seq").all(created.body.caseNo) as Array<{ seq: number; payload: string }>;
  expect(events.map((e) => [e.seq, JSON.parse(e.payload).scan?.sha256])).toEqual([[1, sha], [2, sha]]);
});
