import { describe, expect, it } from 'vitest';
import { announcementText, fillTemplate } from '../../renderer/display/voice/announcement';

const TEMPLATE = '请 {number} 号到 {window} 号窗口办理';

describe('fillTemplate', () => {
  it('replaces {number} and {window}, every time they occur', () => {
    expect(fillTemplate('{number}，{number} 请到 {window}', { number: 'A 十二', window: '3' })).toBe('A 十二，A 十二 请到 3');
  });

  it('leaves other braces alone', () => {
    expect(fillTemplate('{name} {number}', { number: 'A 一', window: '1' })).toBe('{name} A 一');
  });
});

describe('announcementText', () => {
  it('reads the number as the settings say and puts in the window number', () => {
    expect(announcementText({ announcementTemplate: TEMPLATE, numberReading: 'digits' }, { number: 'A012', windowNumber: 3 })).toBe(
      '请 A 零 一 二 号到 3 号窗口办理',
    );
    expect(announcementText({ announcementTemplate: TEMPLATE, numberReading: 'natural' }, { number: 'A012', windowNumber: 3 })).toBe(
      '请 A 十二 号到 3 号窗口办理',
    );
    expect(announcementText({ announcementTemplate: '{window}号窗口，{number}', numberReading: 'natural' }, { number: 'B110', windowNumber: 12 })).toBe(
      '12号窗口，B 一百一十',
    );
  });
});
