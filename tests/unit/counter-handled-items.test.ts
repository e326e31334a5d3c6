// 本次办理事项: the ticket's cases fill it, the clerk's additions stay, codes go once.
import { describe, expect, it } from 'vitest';
import { addHandled, handledCodes, mergeHandled } from '../../renderer/staff/counter/handled-items';
import { categoryWords, itemMatchesWords } from '../../electron/hall/catalog/category-items.js';

const CASE = (itemCode: string, itemName: string, caseNo: string) => ({ id: 1, caseNo, itemCode, itemName, status: 'received' as const });

describe('handled items', () => {
  it('lists each item of the ticket’s cases once, with its first case number, then the clerk’s additions', () => {
    const added = addHandled([], { code: 'X1', name: '政策咨询' });
    const merged = mergeHandled([CASE('A1', '低保申请', '2026-001'), CASE('A1', '低保申请', '2026-002'), CASE('B2', '临时救助', '2026-003')], added);
    expect(merged).toEqual([
      { code: 'A1', name: '低保申请', caseNo: '2026-001' },
      { code: 'B2', name: '临时救助', caseNo: '2026-003' },
      { code: 'X1', name: '政策咨询', caseNo: null },
    ]);
    // Loading again (back from a second intake) keeps what the clerk added and adds nothing twice.
    expect(mergeHandled([CASE('B2', '临时救助', '2026-003')], merged)).toHaveLength(3);
    expect(addHandled(merged, { code: 'A1', name: '低保申请' })).toEqual(merged);
  });

  it('sends each code once and never more than the host takes', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ code: `C${i}`, name: `事项${i}`, caseNo: null }));
    expect(handledCodes([...many.slice(0, 2), many[0]!])).toEqual(['C0', 'C1']);
    expect(handledCodes(many)).toHaveLength(20);
  });
});

describe("a queue category's words", () => {
  it('are its name and description split at punctuation, with 等 trimmed and single characters dropped', () => {
    expect(categoryWords('社保医保', '养老保险、医疗保险参保登记，待遇领取资格认证')).toEqual(['社保医保', '养老保险', '医疗保险参保登记', '待遇领取资格认证']);
    expect(categoryWords('综合受理', '农业补贴、宅基地建房、退役军人服务等')).toEqual(['综合受理', '农业补贴', '宅基地建房', '退役军人服务']);
    expect(categoryWords('A 类', '证、 章')).toEqual([]);
  });

  it('tie an item whose name or keyword contains a word or is contained in one', () => {
    const words = categoryWords('社保医保', '待遇领取资格认证；退役军人服务');
    expect(itemMatchesWords(['城乡居民基本养老保险参保登记', '社保'], words)).toBe(true); // 社保 ⊂ 社保医保
    expect(itemMatchesWords(['城乡居民基本养老保险待遇领取', '资格认证'], words)).toBe(true); // 资格认证 ⊂ word
    expect(itemMatchesWords(['退役军人信息采集', '退役军人'], words)).toBe(true);
    expect(itemMatchesWords(['户籍证明开具', '户口', '户籍'], words)).toBe(false);
    expect(itemMatchesWords(['证'], ['身份证'])).toBe(false);
  });
});
