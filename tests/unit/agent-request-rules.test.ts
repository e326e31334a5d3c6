// The agent's request rules on the village node: steps per state, the hall's moves, lists, the
// hand-over limit in working days, what is missing from a check-list, masking.
import { describe, expect, it } from 'vitest';
import { missingMaterials } from '../../electron/contract/agent-materials.js';
import { handoverDue, isHandoverLate, maskResidentId, mayTake, onList, stateAfter, stateAfterChange } from '../../electron/village/agent/request-rules.js';

const calendar = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']), workdays: new Set(['2026-10-10']) };

describe('agent request rules', () => {
  it('allows each step only from its states and resumes where it was suspended', () => {
    expect(stateAfter('draft', 'authorise', null)).toBe('authorised');
    expect(stateAfter('draft', 'collect', null)).toBeNull();
    expect(stateAfter('collected', 'handover', null)).toBe('handed-over');
    expect(stateAfter('correction', 'resubmit', null)).toBe('handed-over');
    expect(stateAfter('suspended', 'resume', 'correction')).toBe('correction');
    expect(mayTake('delivered', 'terminate')).toBe(false);
    expect(mayTake('terminated', 'resume')).toBe(false);
    expect(stateAfter('decided', 'deliver', null)).toBe('delivered');
  });

  it('moves with the hall but never back, and keeps facts-only changes in place', () => {
    expect(stateAfterChange('handed-over', 'correction')).toBe('correction');
    expect(stateAfterChange('handed-over', 'received')).toBeNull();
    expect(stateAfterChange('correction', 'accepted')).toBe('accepted');
    expect(stateAfterChange('delivered', 'concluded')).toBeNull();
    expect(stateAfterChange('terminated', 'accepted')).toBeNull();
    expect(stateAfterChange('correction', 'correction')).toBeNull();
  });

  it('counts the hand-over limit in working days after the 委托 day, over holidays and make-up days', () => {
    expect(handoverDue(calendar, '2026-11-27', 3)).toBe('2026-12-02');
    // Wed 30 Sep: 1–7 Oct off but for the weekend; Thu 8, Fri 9, then the make-up Saturday 10 Oct.
    expect(handoverDue(calendar, '2026-09-30', 3)).toBe('2026-10-10');
    expect(handoverDue(calendar, '2026-09-30', 4)).toBe('2026-10-12');
    expect(isHandoverLate('2026-12-02', null, '2026-12-02')).toBe(false);
    expect(isHandoverLate('2026-12-02', null, '2026-12-03')).toBe(true);
    expect(isHandoverLate('2026-12-02', '2026-12-01', '2026-12-09')).toBe(false);
    expect(isHandoverLate(null, null, '2030-01-01')).toBe(false);
  });

  it('puts a request on exactly the lists its state and lateness say', () => {
    expect(onList('drafts', 'draft', false)).toBe(true);
    expect(onList('waiting', 'collected', false)).toBe(true);
    expect(onList('overdue', 'collected', true)).toBe(true);
    expect(onList('overdue', 'handed-over', true)).toBe(false);
    expect(onList('ready', 'decided', false)).toBe(true);
    expect(onList('in-progress', 'decided', false)).toBe(false);
    expect(onList('delivered', 'archived', false)).toBe(true);
  });

  it('says which required materials are missing: counts short, electronic-only without a scan; never conditional ones', () => {
    const checklist = [
      { name: '身份证', required: true, expectedOriginals: 1, expectedCopies: 1 },
      { name: '电子照片', required: true, expectedOriginals: 0, expectedCopies: 0 },
      { name: '残疾证', required: false, expectedOriginals: 1, expectedCopies: 0 },
      { name: '户口簿', required: true, expectedOriginals: 1, expectedCopies: 0 },
    ];
    expect(missingMaterials(checklist, [])).toEqual(['身份证', '电子照片', '户口簿']);
    expect(missingMaterials(checklist, [{ name: '身份证', originals: 1, copies: 0, scans: [] }, { name: '电子照片', originals: 0, copies: 0, scans: ['x'] }, { name: '户口簿', originals: 2, copies: 0, scans: [] }])).toEqual(['身份证']);
  });

  it('masks an ID number down to its region and last four', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('')).toBe('');
  });
});
