// The timeline's "who · where": a staff member by display name and role with the address, a device by
// its name, the county platform by what it is — never a bare account name.
import { describe, expect, it } from 'vitest';
import zh from '../../resources/locales/zh-CN.json';
import { actorLine, actorText } from '../../renderer/staff/cases/case-actor';

type Tree = { [key: string]: string | Tree };
/** A small i18next stand-in over the real zh-CN file: nested keys, {{x}} values, defaultValue. */
const t = (key: string, options: Record<string, unknown> = {}): string => {
  let node: string | Tree | undefined = zh as unknown as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const text = typeof node === 'string' ? node : String(options.defaultValue ?? key);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
};

describe('actorText', () => {
  it('names a staff member with the role and the address as the terminal', () => {
    const e = { actorName: '王芳', actorKind: 'user', actorRole: 'clerk', terminal: '127.0.0.1' } as const;
    expect(actorText(t, e)).toEqual({ who: '王芳（窗口人员）', where: '127.0.0.1' });
    expect(actorLine(t, e)).toBe('王芳（窗口人员） · 127.0.0.1');
  });

  it('names a paired device once, by its name', () => {
    expect(actorLine(t, { actorName: '1号窗口电脑', actorKind: 'device', actorRole: null, terminal: '1号窗口电脑' })).toBe('1号窗口电脑');
  });

  it('says what a system actor is and hides its internal terminal code', () => {
    expect(actorText(t, { actorName: 'county', actorKind: 'system', actorRole: null, terminal: 'county-platform' })).toEqual({ who: '县级审批平台', where: null });
  });

  it('leaves out an unknown terminal', () => {
    expect(actorLine(t, { actorName: '李强', actorKind: 'user', actorRole: 'backoffice', terminal: null })).toBe('李强（后台审批）');
  });
});
