// 受理此代办件 opens the front-desk intake filled from the request (issue 9): the address that names
// the request, the counts the clerk took at the hand-over on the item's check-list, the villager as a
// person applicant, and a case created on the agent's channel linked to the request.
import { describe, expect, it } from 'vitest';
import { CreateCaseRequest } from '../../electron/contract/cases.js';
import type { Material } from '../../electron/contract/catalog.js';
import { agentConditionsApply, agentRequestFromHash, applicantFormOf, entriesFor, entriesWithProvided, toCreateCaseRequest } from '../../renderer/staff/intake/intake-model';

const material = (name: string, over: Partial<Material> = {}): Material => ({ name, requirement: 'required', condition: '', originals: 1, copies: 1, electronic: false, source: 'applicant', notes: '', ...over });
const ITEM = [material('居民身份证', { electronic: true }), material('户口簿', { copies: 0 }), material('授权委托书', { requirement: 'conditional', condition: '委托他人办理的', copies: 0 })];

describe('the intake of a 代办件', () => {
  it('reads the request from the address and nothing else', () => {
    expect(agentRequestFromHash('#/intake?agentRequest=12')).toBe(12);
    expect(agentRequestFromHash('#/intake?ticket=3&agentRequest=7')).toBe(7);
    expect(agentRequestFromHash('#/intake')).toBeNull();
    expect(agentRequestFromHash('#/intake?agentRequest=0')).toBeNull();
    expect(agentRequestFromHash('#/intake?agentRequest=1e3')).toBeNull();
  });

  it('puts the counted materials on the check-list; a conditional one handed in applies', () => {
    const entries = entriesWithProvided(entriesFor(ITEM), [
      { name: '居民身份证', originals: 1, copies: 1, electronic: 2 },
      { name: '授权委托书', originals: 1, copies: 0, electronic: 0 },
    ]);
    expect(entries.map((e) => [e.material.name, e.originals, e.copies, e.electronic, e.applicable])).toEqual([
      ['居民身份证', 1, 1, 2, true],
      ['户口簿', 0, 0, 0, true],
      ['授权委托书', 1, 0, 0, true],
    ]);
  });

  it('ticks the lines an agent application always needs, and no other conditional line', () => {
    const items = [...ITEM, material('代办人居民身份证', { requirement: 'conditional', condition: '由代理人代办的' }), material('残疾人证', { requirement: 'conditional', condition: '申请人为残疾人的' })];
    const entries = agentConditionsApply(entriesWithProvided(entriesFor(items), [{ name: '居民身份证', originals: 1, copies: 1, electronic: 0 }]));
    expect(entries.map((e) => [e.material.name, e.applicable, e.originals])).toEqual([
      ['居民身份证', true, 1],
      ['户口簿', true, 0],
      ['授权委托书', true, 0],
      ['代办人居民身份证', true, 0],
      ['残疾人证', false, 0],
    ]);
  });

  it('creates the case on the agent channel, linked to the request, with no ticket', () => {
    const applicant = applicantFormOf({ name: '王秀英', idNumber: '11010519491231002X', mobile: '13800138000' });
    const request = toCreateCaseRequest('TOWN01', applicant, entriesFor(ITEM), null, 12);
    expect(request).toMatchObject({ channel: 'agent', agentRequestId: 12, applicant: { kind: 'person', name: '王秀英', idNumber: '11010519491231002X' } });
    expect(request).not.toHaveProperty('ticketId');
    expect(CreateCaseRequest.safeParse(request).success).toBe(true);
    expect(toCreateCaseRequest('TOWN01', applicant, [], 5)).toMatchObject({ channel: 'window', ticketId: 5 });
  });
});
