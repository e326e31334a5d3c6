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
    nativeModuleMissing: '找不到为本程序编译的数据库组件：{{file}}\n请在项目目录运行 {{command}} 后再启动（需要能访问 electronjs.org 下载头文件）。',
    trayTooltip: '乡镇便民服务中心 — 大厅服务运行中',
    trayOpen: '打开窗口',
    traySetup: '设置…',
    trayQuit: '退出并停止大厅服务…',
    keptRunningTitle: '大厅服务仍在运行',
    keptRunning: '窗口已关闭，大厅服务仍在后台运行，其他终端可以继续使用。\n需要时点击任务栏右下角（通知区域）的图标重新打开窗口；要停止服务，请在该图标的菜单中选择“退出”。',
    quitConfirmTitle: '停止大厅服务？',
    quitConfirm: '退出后大厅服务将停止，全厅的取号机、叫号屏、窗口电脑都将无法使用。',
    quitConfirmCount: '当前有 {{count}} 个终端连接在本机。',
    quitConfirmUnknown: '无法得知当前连接的终端数量。',
    quitConfirmYes: '停止服务并退出',
    quitConfirmNo: '取消',
    rendererGone: '页面异常退出（{{reason}}），已自动重新加载。',
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
    nativeModuleMissing: 'The database module built for this app is missing: {{file}}\nRun {{command}} in the project folder, then start again (it downloads headers from electronjs.org).',
    trayTooltip: 'Township Service Hall — hall service running',
    trayOpen: 'Open windows',
    traySetup: 'Set-up…',
    trayQuit: 'Quit and stop the hall service…',
    keptRunningTitle: 'The hall service is still running',
    keptRunning: 'The windows are closed; the hall service keeps running in the background for the other terminals.\nClick its icon in the notification area to open the windows again; to stop the service, choose Quit in that icon\'s menu.',
    quitConfirmTitle: 'Stop the hall service?',
    quitConfirm: 'Quitting stops the hall service: the kiosk, the calling display and every counter PC in the hall stop working.',
    quitConfirmCount: '{{count}} terminals are connected to this PC now.',
    quitConfirmUnknown: 'The number of connected terminals is not known.',
    quitConfirmYes: 'Stop the service and quit',
    quitConfirmNo: 'Cancel',
    rendererGone: 'The page stopped ({{reason}}) and was reloaded.',
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
