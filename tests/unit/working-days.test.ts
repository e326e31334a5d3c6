// Working days over real periods of the shipped calendar (受理次日起算: the day of acceptance does not
// count). Every expected date below was counted by hand against the State Council notices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCalendar, shippedDays } from '../../electron/hall/calendar/shipped.js';
import {
  addDays,
  addWorkingDays,
  calendarFrom,
  dueDateWithPauses,
  isWorkingDay,
  remainingWorkingDays,
  warningLevel,
  workingDaysBetween,
} from '../../electron/hall/calendar/working-days.js';

const cal = calendarFrom(shippedDays(loadShippedCalendar('resources/calendar')));
const dueDates = (from: string, upTo: number) => Array.from({ length: upTo }, (_, i) => addWorkingDays(cal, from, i + 1));

describe('the shipped calendar', () => {
  it('marks make-up days as working and holiday weekdays as off', () => {
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true); // Sunday, 春节调休
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false); // Tuesday, 春节
    expect(isWorkingDay(cal, '2025-03-08')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(cal, '2025-03-07')).toBe(true); // an ordinary Friday
  });
  it('ships 2027 as statutory days only, with no make-up days', () => {
    const years = loadShippedCalendar('resources/calendar');
    const y2027 = years.find((y) => y.year === 2027)!;
    expect(y2027.provisional).toBe(true);
    expect(y2027.workdays).toEqual([]);
    expect(years.filter((y) => !y.provisional).map((y) => y.year)).toEqual([2025, 2026]);
  });
});

describe('addWorkingDays over real holidays', () => {
  it('Spring Festival 2025: accepted Fri 01-24, 3 working days → Wed 02-05', () => {
    // 01-25 Sat off; 01-26 Sun 调休 (1); 01-27 Mon (2); 01-28 … 02-04 春节; 02-05 Wed (3).
    expect(addWorkingDays(cal, '2025-01-24', 3)).toBe('2025-02-05');
    expect(dueDates('2025-01-24', 7)).toEqual(['2025-01-26', '2025-01-27', '2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-10']);
  });
  it('Spring Festival 2026: Sat 02-14 and Sat 02-28 are working days', () => {
    // 02-13 Fri (1); 02-14 Sat 调休 (2); 02-15 … 02-23 春节; 02-24 … 02-27 (3–6); 02-28 Sat 调休 (7); 03-02 Mon (8).
    expect(dueDates('2026-02-12', 8)).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-02']);
  });
  it('National Day 2025: Sun 09-28 works, 10-01 … 10-08 off, Sat 10-11 works', () => {
    expect(dueDates('2025-09-26', 7)).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13']);
  });
  it('Mid-Autumn and National Day 2026: Sun 09-20 and Sat 10-10 work', () => {
    // 09-20 Sun 调休 (1); 09-21 … 09-24 (2–5); 09-25 … 09-27 中秋; 09-28 … 09-30 (6–8);
    // 10-01 … 10-07 国庆; 10-08, 10-09 (9, 10); 10-10 Sat 调休 (11); 10-12 Mon (12).
    expect(dueDates('2026-09-18', 12)).toEqual([
      '2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24', '2026-09-28',
      '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12',
    ]);
  });
  it('a limit of 0 (即办) is due on the day of acceptance', () => {
    expect(addWorkingDays(cal, '2025-01-24', 0)).toBe('2025-01-24');
  });
});

describe('workingDaysBetween', () => {
  it('counts after the first date up to and including the second', () => {
    expect(workingDaysBetween(cal, '2025-01-24', '2025-02-05')).toBe(3);
    expect(workingDaysBetween(cal, '2026-02-12', '2026-03-02')).toBe(8);
    expect(workingDaysBetween(cal, '2025-02-05', '2025-01-24')).toBe(-3);
    expect(workingDaysBetween(cal, '2025-10-01', '2025-10-08')).toBe(0);
  });
  it('undoes addWorkingDays for any start and limit in 2025–2026', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((i) => addDays('2025-01-01', i));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 40 }), (from, n) => workingDaysBetween(cal, from, addWorkingDays(cal, from, n)) === n));
  });
});

describe('pauses stop the clock', () => {
  it('a pause over 3 working days moves the due date by exactly 3 working days', () => {
    // Accepted Mon 03-02, 5 days → Mon 03-09. Paused Wed 03-04, resumed Mon 03-09: 03-04, 05, 06 do not count.
    expect(addWorkingDays(cal, '2026-03-02', 5)).toBe('2026-03-09');
    expect(dueDateWithPauses(cal, '2026-03-02', 5, [{ from: '2026-03-04', to: '2026-03-09' }])).toBe('2026-03-12');
  });
  it('a pause resumed the same day costs nothing', () => {
    expect(dueDateWithPauses(cal, '2026-03-02', 5, [{ from: '2026-03-04', to: '2026-03-04' }])).toBe('2026-03-09');
  });
  it('any pause of k working days before the due date moves it by k working days', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((i) => addDays('2025-01-01', i));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 15 }), (accepted, limit, startAt, k) => {
        const from = addWorkingDays(cal, accepted, Math.min(startAt, limit));
        const pause = { from, to: addWorkingDays(cal, from, k) };
        return dueDateWithPauses(cal, accepted, limit, [pause]) === addWorkingDays(cal, addWorkingDays(cal, accepted, limit), k);
      }),
    );
  });
  it('has no due date while a pause is still open', () => {
    expect(dueDateWithPauses(cal, '2026-03-02', 5, [{ from: '2026-03-04', to: null }])).toBeNull();
    // A pause opened after the due date does not matter.
    expect(dueDateWithPauses(cal, '2026-03-02', 5, [{ from: '2026-03-20', to: null }])).toBe('2026-03-09');
  });
});

describe('remaining days and warnings', () => {
  const at = { yellowAt: 2 };
  it('counts down to the due date across the Spring Festival', () => {
    const due = '2025-02-05';
    expect(remainingWorkingDays(cal, due, '2025-01-24')).toBe(3);
    expect(warningLevel(3, at)).toBe('none');
    expect(remainingWorkingDays(cal, due, '2025-01-27')).toBe(1); // the holiday does not count down
    expect(remainingWorkingDays(cal, due, '2025-02-01')).toBe(1);
    expect(warningLevel(1, at)).toBe('yellow');
    expect(remainingWorkingDays(cal, due, due)).toBe(0);
    expect(warningLevel(0, at)).toBe('yellow');
    expect(remainingWorkingDays(cal, due, '2025-02-06')).toBe(-1);
    expect(warningLevel(-1, at)).toBe('red');
  });
  it('is overdue once the due date has passed, even over a weekend', () => {
    expect(remainingWorkingDays(cal, '2025-03-07', '2025-03-09')).toBe(-1);
    expect(remainingWorkingDays(cal, '2025-03-07', '2025-03-11')).toBe(-2);
  });
  it('follows the yellow threshold setting', () => {
    expect(warningLevel(2, { yellowAt: 2 })).toBe('yellow');
    expect(warningLevel(3, { yellowAt: 2 })).toBe('none');
    expect(warningLevel(1, { yellowAt: 0 })).toBe('none');
    expect(warningLevel(0, { yellowAt: 0 })).toBe('yellow');
  });
});
