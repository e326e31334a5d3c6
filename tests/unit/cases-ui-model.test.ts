// What the case screens offer: legal actions per role and state (from the contract's state machine),
// status labels, the time-limit text, and that every key they build exists in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../electron/contract/api.js';
import { CASE_ACTIONS, CASE_STATUSES } from '../../electron/contract/cases.js';
import { actionNeeds, eventLabelKey, intakeActionsNow, legalActions, limitText, offeredActions, statusLabelKey } from '../../renderer/staff/cases/case-model';

const locale = (lng: string) => JSON.parse(readFileSync(new URL(`../../resources/locales/${lng}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const lookup = (tree: Record<string, unknown>, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('legal actions', () => {
  it('gives the back office exactly its review moves', () => {
    expect(legalActions('accepted', 'backoffice')).toEqual(['assign']);
    expect(legalActions('in_review', 'backoffice')).toEqual(['approve', 'deny', 'pause', 'forward']);
    expect(legalActions('paused', 'backoffice')).toEqual(['resume']);
    expect(legalActions('decided', 'backoffice')).toEqual(['conclude']);
    expect(legalActions('concluded', 'backoffice')).toEqual([]);
  });

  it('gives the window intake, delivery and withdrawal, and nothing to supervisors or admins', () => {
    expect(legalActions('received', 'clerk')).toEqual(['accept', 'request-correction', 'reject', 'withdraw']);
    expect(legalActions('concluded', 'clerk')).toEqual(['deliver']);
    expect(legalActions('decided', 'clerk')).toEqual([]);
    for (const status of CASE_STATUSES) {
      expect(legalActions(status, 'supervisor')).toEqual([]);
      expect(legalActions(status, 'admin')).toEqual([]);
    }
  });

  it('leaves the end states closed for everyone', () => {
    for (const status of ['delivered', 'rejected', 'withdrawn'] as const) for (const role of ROLES) expect(legalActions(status, role)).toEqual([]);
  });

  it('does not offer a town decision on a county item, nor forwarding a town item', () => {
    expect(offeredActions({ status: 'in_review', handlingLevel: 'town' }, 'backoffice')).toEqual(['approve', 'deny', 'pause']);
    expect(offeredActions({ status: 'in_review', handlingLevel: 'county' }, 'backoffice')).toEqual(['pause', 'forward']);
  });

  it('sends intake moves to the intake screen', () => {
    expect(offeredActions({ status: 'received', handlingLevel: 'town' }, 'clerk')).toEqual(['withdraw']);
    expect(intakeActionsNow('received', 'clerk')).toEqual(['accept', 'request-correction', 'reject']);
    expect(intakeActionsNow('correction', 'clerk')).toEqual(['resubmit']);
  });

  it('asks for a reason and a confirmation where the act cannot be undone', () => {
    expect(actionNeeds('deny')).toEqual({ reasonRequired: true, method: false, confirm: true });
    expect(actionNeeds('withdraw')).toEqual({ reasonRequired: true, method: false, confirm: true });
    expect(actionNeeds('pause')).toEqual({ reasonRequired: true, method: false, confirm: false });
    expect(actionNeeds('deliver')).toEqual({ reasonRequired: false, method: true, confirm: false });
    expect(actionNeeds('approve')).toEqual({ reasonRequired: false, method: false, confirm: false });
  });
});

describe('time-limit text', () => {
  const base = { status: 'in_review' as const, dueDate: '2026-03-10' };
  it('says overdue in words as well as red', () => {
    expect(limitText({ ...base, remainingWorkingDays: -3, warning: 'red' })).toEqual({ level: 'red', key: 'overdue', count: 3 });
    expect(limitText({ ...base, remainingWorkingDays: 0, warning: 'yellow' })).toEqual({ level: 'yellow', key: 'dueToday', count: 0 });
    expect(limitText({ ...base, remainingWorkingDays: 2, warning: 'yellow' })).toEqual({ level: 'yellow', key: 'left', count: 2 });
    expect(limitText({ ...base, remainingWorkingDays: 9, warning: 'none' })).toEqual({ level: 'none', key: 'left', count: 9 });
  });
  it('says the clock is stopped while paused, and nothing before acceptance', () => {
    expect(limitText({ status: 'paused', dueDate: null, remainingWorkingDays: null, warning: 'none' }).key).toBe('stopped');
    expect(limitText({ status: 'received', dueDate: null, remainingWorkingDays: null, warning: 'none' }).key).toBe('none');
  });
});

describe('labels in both languages', () => {
  for (const lng of ['zh-CN', 'en']) {
    const tree = locale(lng);
    it(`${lng}: every status, action, timeline entry and per-action text`, () => {
      const keys = [
        ...CASE_STATUSES.map(statusLabelKey),
        ...CASE_ACTIONS.map((a) => eventLabelKey(a) as string),
        ...['receive', 'county-decision', 'attach-scan'].map((a) => eventLabelKey(a) as string),
        ...['assign', 'approve', 'deny', 'pause', 'resume', 'forward', 'conclude', 'deliver', 'withdraw'].map((a) => `caseDetail.help.${a}`),
        ...['deny', 'withdraw'].flatMap((a) => [`caseDetail.confirm.${a}Title`, `caseDetail.confirm.${a}Text`]),
        ...['overdue', 'left', 'dueToday', 'stopped'].map((k) => `caseList.limit.${k}`),
        'caseList.channel.window', 'caseList.channel.agent', 'caseDetail.method.window', 'caseDetail.method.post',
        'caseDetail.decision.approved', 'caseDetail.decision.denied', 'caseDetail.handlingLevel.town', 'caseDetail.handlingLevel.county',
        'caseDetail.limitUnit.working_days', 'caseDetail.limitUnit.days', 'caseDetail.limitUnit.months',
        'caseList.home.yellow', 'caseList.home.red',
      ];
      expect(keys.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
    });
  }
  it('labels states in Chinese first', () => {
    expect(lookup(locale('zh-CN'), statusLabelKey('in_review'))).toBe('审查');
    expect(eventLabelKey('something-new')).toBeNull();
  });
});
