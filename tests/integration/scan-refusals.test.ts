// A refused scan upload leaves nothing in the scans folder: every check (the body, the bytes, the
// case, its state, the material) is passed before a file gets its hash's name, and the temporary
// copy is removed whatever the answer.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES } from '../../electron/contract/cases.js';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, dump, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
let openCase: number;
let closedCase: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a scan nobody keeps')]);
const GOOD = { materialName: '户口簿', fileName: 'hukou.png', contentType: 'image/png', dataBase64: PNG.toString('base64') };

/** Every file under scans/, temporary ones included, by path. */
function scanFiles(): string[] {
  const root = path.join(h.dataDir, 'scans');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  s = await staff(h);
  const make = async () => (await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } })).body.id as number;
  openCase = await make();
  closedCase = await make();
  expect((await h.api('POST', `/cases/${closedCase}/actions`, { token: s.clerk, body: { action: 'withdraw' } })).status).toBe(200);
});
afterAll(() => h.close());

const upload = (caseId: number, body: Record<string, unknown>) => h.api('POST', `/cases/${caseId}/scans`, { token: s.clerk, body: { ...GOOD, ...body } });

describe('refused uploads leave no file', () => {
  const refusals: Array<[string, () => number, Record<string, unknown>, number, string]> = [
    ['a body that does not parse', () => openCase, { materialName: '' }, 400, 'too_short'],
    ['no bytes at all', () => openCase, { dataBase64: '=' }, 400, 'required'],
    ['bytes that are not their type', () => openCase, { contentType: 'application/pdf' }, 400, 'file_type_mismatch'],
    ['a material the item does not have', () => openCase, { materialName: '结婚证' }, 400, 'unknown_material'],
    ['a closed case', () => closedCase, {}, 409, 'conflict'],
    ['a case that does not exist', () => 999_999, {}, 404, 'not_found'],
  ];
  for (const [what, caseId, body, status, code] of refusals) {
    it(`${what} → ${status}, the scans folder unchanged`, async () => {
      const files = scanFiles();
      const before = dump(h);
      const res = await upload(caseId(), body);
      expect(res.status).toBe(status);
      expect(res.body.error.details?.[0]?.code ?? res.body.error.code).toBe(code);
      expect(scanFiles()).toEqual(files);
      expect(dump(h)).toBe(before);
    });
  }

  it('a file one byte over the limit → 400 file_too_large, the scans folder unchanged', async () => {
    const big = Buffer.alloc(MAX_SCAN_BYTES + 1);
    PNG.copy(big);
    const files = scanFiles();
    const res = await upload(openCase, { dataBase64: big.toString('base64') });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'dataBase64', code: 'file_too_large' });
    expect(scanFiles()).toEqual(files);
  });

  it('an accepted upload is kept under its hash, once, with no temporary file left', async () => {
    const first = await upload(openCase, {});
    expect(first.status).toBe(201);
    const sha = first.body.sha256 as string;
    expect(scanFiles()).toEqual([path.join(sha.slice(0, 2), sha)]);
    // The same bytes again (same material: answered; another material: a second row) and then the
    // same bytes refused for a closed case: still the one file, and the refusal did not remove it.
    expect((await upload(openCase, {})).body.id).toBe(first.body.id);
    expect((await upload(openCase, { materialName: '居民身份证' })).status).toBe(201);
    expect((await upload(closedCase, {})).status).toBe(409);
    expect(scanFiles()).toEqual([path.join(sha.slice(0, 2), sha)]);
  });
});
