// Host mode lives in the tray: the hall keeps serving the LAN with every window closed, and quitting
// asks first, saying how many terminals would lose their host. Pure decisions here; index.ts wires
// them to Electron's Tray, Menu and dialog.
import type { DesktopTexts } from './messages.js';

export interface TrayActions {
  openWindows(): void;
  openSetup(): void;
  quit(): void;
}

export interface TrayMenuItem {
  label: string;
  click(): void;
}

export function trayMenu(texts: DesktopTexts, actions: TrayActions): TrayMenuItem[] {
  return [
    { label: texts('trayOpen'), click: actions.openWindows },
    { label: texts('traySetup'), click: actions.openSetup },
    { label: texts('trayQuit'), click: actions.quit },
  ];
}

/** What happens when the last window closes: a host keeps running (once, a notice says so); a terminal quits. */
export function onAllWindowsClosed(mode: 'host' | 'terminal' | null, noticeShown: boolean): 'quit' | 'keep-running' | 'keep-running-with-notice' {
  if (mode !== 'host') return 'quit';
  return noticeShown ? 'keep-running' : 'keep-running-with-notice';
}

export interface QuitQuestion {
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  defaultId: 1;
  cancelId: 1;
}

/** The confirmation before the host stops; the safe answer (cancel) is the default. */
export function quitQuestion(texts: DesktopTexts, connectedTerminals: number | null): QuitQuestion {
  return {
    title: texts('quitConfirmTitle'),
    message: texts('quitConfirm'),
    detail: connectedTerminals === null ? texts('quitConfirmUnknown') : texts('quitConfirmCount', { count: String(connectedTerminals) }),
    buttons: [texts('quitConfirmYes'), texts('quitConfirmNo')],
    defaultId: 1,
    cancelId: 1,
  };
}
