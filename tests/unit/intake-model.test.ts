import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateCaseRequest, type MissingMaterial } from '../../electron/contract/cases.js';
import type { Material } from '../../electron/contract/catalog.js';
import zhCN from '../../resources/locales/zh-CN.json';
import {
  acceptAvailability,
  applicantErrors,
  applicantFieldError,
  complete,
  correctionProblems,
  correctionScope,
  correctionsFrom,
  EMPTY_APPLICANT,
  entriesFor,
  entriesFromDetail,
  firstNoticeNames,
  formFieldOfIssue,
  scanFileName,
  scanFileProblem,
  intakeHrefForTicket,
  ticketFromHash,
  toCreateCaseRequest,
  type ApplicantForm,
} from '../../renderer/staff/intake/intake-model';
import { receivedAfter } from '../../renderer/staff/intake/intake-state';
import { asTranslate, type Translate } from '../../renderer/shared/translate';

let t: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  t = asTranslate(i18n.t);
});

const material = (name: string, over: Partial<Material> = {}): Material => ({
  name,
  requirement: 'required',
  condition: '',
  originals: 1,
  copies: 1,
  electronic: false,
  source: 'applicant',
  notes: '',
  ...over,
});
const ITEM = [material('身份证'), material('户口簿', { copies: 0, electronic: true }), material('委托书', { requirement: 'conditional', condition: '委托他人办理的', copies: 0 })];
const PERSON: ApplicantForm = { ...EMPTY_APPLICANT, name: ' 王芳 ', idNumber: '11010519491231002x', mobile: '13800138000' };

describe('toCreateCaseRequest', () => {
  it('maps a person, the check-list and the ticket into a request the host accepts', () => {
    const entries = entriesFor(ITEM).map((e, i) => (i === 0 ? complete(e) : e));
    const request = toCreateCaseRequest('11000001', PERSON, entries, 42);
    expect(request).toEqual({
      itemCode: '11000001',
      applicant: { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13800138000' },
      materials: [
        { name: '身份证', originals: 1, copies: 1, electronic: 0 },
        { name: '户口簿', originals: 0, copies: 0, electronic: 0 },
        { name: '委托书', originals: 0, copies: 0, electronic: 0, applicable: false },
      ],
      channel: 'window',
      ticketId: 42,
    });
    expect(CreateCaseRequest.safeParse(request).success).toBe(true);
  });

  it('leaves the ticket out for a walk-in and maps an organisation with its contact', () => {
    const org: ApplicantForm = { kind: 'organisation', name: '某某合作社', idNumber: '', creditCode: '91350100m000100y43', contactName: '李强', mobile: '13900001111' };
    const request = toCreateCaseRequest('X1', org, [], null);
    expect(request).not.toHaveProperty('ticketId');
    expect(request.applicant).toEqual({ kind: 'organisation', name: '某某合作社', creditCode: '91350100M000100Y43', contactName: '李强', mobile: '13900001111' });
  });

  it('sends no electronic count for a material that does not accept electronic copies', () => {
    const [first] = entriesFor([material('身份证')]);
    const request = toCreateCaseRequest('X1', PERSON, [{ ...first!, electronic: 3 }], null);
    expect(request.materials[0]!.electronic).toBe(0);
  });
});

describe('applicant checks', () => {
  it('says in DOMAIN §6 words which field is wrong and why', () => {
    expect(applicantFieldError(t, { ...PERSON, idNumber: '110105194912310021' }, 'idNumber')).toBe('身份证号码：身份证号码校验位不正确，请核对最后一位');
    expect(applicantFieldError(t, { ...PERSON, idNumber: '11010519490231002X' }, 'idNumber')).toContain('出生日期');
    expect(applicantFieldError(t, { ...PERSON, mobile: '12800138000' }, 'mobile')).toBe('手机号码：手机号码应为 1 开头的 11 位数字');
    expect(applicantFieldError(t, { ...PERSON, name: '  ' }, 'name')).toBe('姓名：必须填写');
    expect(applicantFieldError(t, PERSON, 'idNumber')).toBeNull();
  });

  it('checks only the fields of the applicant kind, and lets an organisation name run past 50 characters', () => {
    expect(Object.keys(applicantErrors(t, EMPTY_APPLICANT)).sort()).toEqual(['idNumber', 'mobile', 'name']);
    const org: ApplicantForm = { kind: 'organisation', name: '单'.repeat(80), idNumber: '', creditCode: '91350100M000100Y44', contactName: '', mobile: '13900001111' };
    const errors = applicantErrors(t, org);
    expect(Object.keys(errors).sort()).toEqual(['contactName', 'creditCode']);
    expect(errors.creditCode).toContain('校验位');
  });

  it('puts the host\'s applicant issues under the form field', () => {
    expect(formFieldOfIssue('applicant.idNumber')).toBe('idNumber');
    expect(formFieldOfIssue('materials.2.name')).toBe('materials');
    expect(formFieldOfIssue('itemCode')).toBe('itemCode');
  });
});

const MISSING: MissingMaterial[] = [
  { name: '身份证', reason: 'not_provided', need: { originals: 1, copies: 1 } },
  { name: '户口簿', reason: 'originals_short', need: { originals: 2, copies: 0 } },
  { name: '结婚证', reason: 'copies_short', need: { originals: 0, copies: 3 } },
];

describe('one-time correction list', () => {
  it('is pre-filled with every missing material and a reason each', () => {
    expect(correctionsFrom(t, MISSING)).toEqual([
      { name: '身份证', reason: '未提交' },
      { name: '户口簿', reason: '原件不足，需 2 份' },
      { name: '结婚证', reason: '复印件不足，需 3 份' },
    ]);
  });

  it('names what a partial or empty list leaves out, as the host would refuse it', () => {
    const full = correctionsFrom(t, MISSING);
    expect(correctionProblems(t, full, MISSING)).toEqual([]);
    expect(correctionProblems(t, full.slice(1), MISSING)).toEqual(['还有缺少的材料没有列出：身份证']);
    expect(correctionProblems(t, [{ name: '身份证', reason: ' ' }], MISSING.slice(0, 1))).toEqual(['请写明“身份证”的补正原因']);
    expect(correctionProblems(t, [], [])).toEqual(['补正清单不能为空']);
  });
});

describe('accept availability', () => {
  it('is open for a received case with nothing missing', () => {
    expect(acceptAvailability(t, 'received', [])).toEqual({ enabled: true, reasons: [] });
  });
  it('is closed while materials are missing, naming each', () => {
    expect(acceptAvailability(t, 'received', MISSING.slice(0, 2))).toEqual({ enabled: false, reasons: ['身份证：未提交', '户口簿：原件不足，需 2 份'] });
  });
  it('is closed in any other state', () => {
    expect(acceptAvailability(t, 'correction', [])).toEqual({ enabled: false, reasons: ['办件当前为“补正”'] });
    expect(acceptAvailability(t, 'accepted', []).enabled).toBe(false);
  });
});

describe('the case on screen', () => {
  it('keeps the query password across actions on the same case only', () => {
    const r = { id: 7, caseNo: '35010200120260302 0001'.replace(' ', ''), status: 'received' as const, missing: MISSING, password: '123456', firstNotice: null };
    expect(receivedAfter(r, { id: 7, caseNo: r.caseNo, status: 'correction', missingMaterials: MISSING }).password).toBe('123456');
    expect(receivedAfter(r, { id: 8, caseNo: 'x', status: 'correction', missingMaterials: [] }).password).toBeNull();
    expect(receivedAfter(null, { id: 7, caseNo: r.caseNo, status: 'correction', missingMaterials: [] }).password).toBeNull();
  });

  it('remembers the first correction notice from the timeline', () => {
    const event = (seq: number, action: string, detail: Record<string, unknown> | null) => ({ seq, action, stateBefore: null, stateAfter: 'x', actorName: 'c', actorKind: 'user' as const, actorRole: 'clerk' as const, terminal: null, at: '', note: null, detail });
    const events = [
      event(0, 'receive', null),
      event(1, 'request-correction', { corrections: [{ name: '户口簿', reason: '未提交' }, { name: '身份证', reason: '不清晰' }] }),
      event(2, 'resubmit', null),
      event(3, 'request-correction', { corrections: [{ name: '户口簿', reason: '仍未提交' }] }),
    ];
    expect(firstNoticeNames(events)).toEqual(['户口簿', '身份证']);
    expect(firstNoticeNames(events.slice(0, 1))).toBeNull();
    expect(receivedAfter(null, { id: 7, caseNo: 'n', status: 'received', missingMaterials: [], events }).firstNotice).toEqual(['户口簿', '身份证']);
  });

  it('limits a later correction round to the first notice: offered and required', () => {
    const names = ['身份证', '户口簿', '结婚证'];
    expect(correctionScope(null, MISSING, names)).toEqual({ missing: MISSING, materialNames: names });
    // 结婚证 is missing now but was not on the first notice: it cannot be asked for again.
    expect(correctionScope(['户口簿', '身份证'], MISSING, names)).toEqual({ missing: MISSING.slice(0, 2), materialNames: ['身份证', '户口簿'] });
  });

  it('rebuilds the check-list of a returning applicant from the case detail', () => {
    const [entry] = entriesFromDetail({
      materials: [
        {
          name: '委托书',
          requirement: 'conditional',
          condition: '委托他人办理的',
          applicable: true,
          need: { originals: 1, copies: 0, electronicAccepted: false },
          provided: { originals: 0, copies: 0, electronic: 0 },
          scans: [],
        },
      ],
    });
    expect(entry).toMatchObject({ applicable: true, originals: 0, material: { name: '委托书', requirement: 'conditional', originals: 1, electronic: false } });
  });
});

describe('scans and the ticket', () => {
  it('takes PDF, JPEG and PNG up to 10 MB', () => {
    expect(scanFileProblem({ type: 'application/pdf', size: 1000 })).toBeNull();
    expect(scanFileProblem({ type: 'image/gif', size: 1000 })).toBe('scan_type');
    expect(scanFileProblem({ type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('scan_size');
    expect(scanFileProblem({ type: 'image/png', size: 0 })).toBe('scan_size');
  });
  it('shortens a long file name to 50 characters, keeping the extension', () => {
    const name = scanFileName(`${'扫描'.repeat(40)}.pdf`);
    expect(name).toHaveLength(50);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(scanFileName('a.png')).toBe('a.png');
  });
  it('reads the ticket being served from the address the counter links to', () => {
    expect(ticketFromHash(intakeHrefForTicket({ id: 12, number: 'A012' }))).toEqual({ id: 12, number: 'A012' });
    expect(ticketFromHash('#/intake?ticket=12')).toEqual({ id: 12, number: null });
    expect(ticketFromHash('#/intake?ticket=12&number=<b>')).toEqual({ id: 12, number: null });
    expect(ticketFromHash('#/intake')).toBeNull();
    expect(ticketFromHash('#/intake?ticket=0')).toBeNull();
    expect(ticketFromHash('#/intake?ticket=abc')).toBeNull();
  });
});
