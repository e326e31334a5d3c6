import { describe, expect, it } from 'vitest';
import { itemCodeFromHash } from '../../renderer/guide/guide-app';

describe('the public guide page address', () => {
  it('reads the item code from #CODE or #guide=CODE', () => {
    expect(itemCodeFromHash('#2000000003')).toBe('2000000003');
    expect(itemCodeFromHash('#guide=11-A%2D1')).toBe('11-A-1');
    expect(itemCodeFromHash('')).toBeNull();
    expect(itemCodeFromHash('#')).toBeNull();
    expect(itemCodeFromHash('#%E0%A4%A')).toBeNull();
  });
});
