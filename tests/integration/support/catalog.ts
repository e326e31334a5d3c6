// A valid catalogue item for tests; `extra` overrides any field.
import type { ItemInput } from '../../../electron/contract/catalog.js';

export const testItem = (n: number, extra: Partial<ItemInput> = {}): ItemInput => ({
  code: `20000${String(n).padStart(5, '0')}`,
  name: `测试事项${n}`,
  type: '20',
  department: '县民政局',
  implementingBody: '安峰镇人民政府',
  promisedLimit: { value: 5, unit: 'working_days' },
  visits: 1,
  handlingLevel: 'town',
  materials: [
    { name: '居民身份证', requirement: 'required', originals: 1, copies: 1, electronic: true, source: 'government' },
    { name: '授权委托书', requirement: 'conditional', condition: '委托他人代办的', originals: 1, copies: 0, electronic: false, source: 'applicant' },
  ],
  ...extra,
});
