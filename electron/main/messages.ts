// The few texts the main process shows itself (dialogs, window titles). They are read from the
// `desktop` section of resources/locales/<lang>.json like every other text; the built-in zh-CN and
// en copies keep a dialog readable when the locale files are missing or damaged, which is exactly
// when the hall may fail to start.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const DESKTOP_TEXTS = {
  'zh-CN': {
    appTitle: '乡镇便民服务中心',
    setupTitle: '乡镇便民服务中心 — 初始设置',
    hallStartFailedTitle: '大厅服务未能启动',
    hallStartFailed: '大厅服务未能启动：{{reason}}',
    setupDamaged: '设置文件无法使用（{{reason}}），已另存为 {{path}}。请重新进行初始设置。',
    adminPasswordTitle: '管理员初始密码',
    adminPassword: '已创建管理员账号 admin，初始密码：{{password}}\n\n此密码只显示这一次，请记下并在首次登录后修改。',
    retry: '重试',
    quit: '退出',
  },
  en: {
    appTitle: 'Township Service Hall',
    setupTitle: 'Township Service Hall — set-up',
    hallStartFailedTitle: 'The hall service did not start',
    hallStartFailed: 'The hall service did not start: {{reason}}',
    setupDamaged: 'The set-up file cannot be used ({{reason}}); it was kept as {{path}}. Please run the set-up again.',
    adminPasswordTitle: 'Initial admin password',
    adminPassword: 'The admin account was created with the password: {{password}}\n\nIt is shown only this once; note it down and change it after the first login.',
    retry: 'Retry',
    quit: 'Quit',
  },
} as const;

export type DesktopTextKey = keyof (typeof DESKTOP_TEXTS)['zh-CN'];
export type DesktopTexts = (key: DesktopTextKey, values?: Record<string, string>) => string;

/** zh-CN is the product's language; English only when the OS asks for it. */
export function desktopLanguage(osLocale: string): 'zh-CN' | 'en' {
  return osLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function fromLocaleFile(resourcesDir: string, language: string): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(readFileSync(path.join(resourcesDir, 'locales', `${language}.json`), 'utf8'));
    const section = (data as { desktop?: unknown }).desktop;
    return typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `resourcesDir` null: built-in texts only (before the app knows where its resources are). */
export function loadDesktopTexts(resourcesDir: string | null, osLocale: string): DesktopTexts {
  const language = desktopLanguage(osLocale);
  const fromFile = resourcesDir === null ? {} : fromLocaleFile(resourcesDir, language);
  return (key, values = {}) => {
    const candidate = fromFile[key];
    const template = typeof candidate === 'string' ? candidate : DESKTOP_TEXTS[language][key];
    return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  };
}
