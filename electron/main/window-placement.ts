// Where a role's window goes and how it behaves there. Pure: display data in, options out.
import type { TerminalRole } from '../contract/desktop.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export interface WindowPlacement {
  bounds: Rect;
  /** Citizen-facing screens: no way out to the desktop without the admin PIN. */
  kiosk: boolean;
  fullscreen: boolean;
  maximize: boolean;
  showMenu: boolean;
}

/** The configured display, or the primary one when the id is 0 or that screen is not connected. */
export function chooseDisplay<D extends DisplayLike>(displays: readonly D[], primary: D, displayId: number): D {
  if (displayId === 0) return primary;
  return displays.find((display) => display.id === displayId) ?? primary;
}

export function isCitizenFacing(role: TerminalRole): boolean {
  return role === 'kiosk' || role === 'display';
}

export function placeWindow(role: TerminalRole, display: DisplayLike): WindowPlacement {
  if (isCitizenFacing(role)) {
    // Full display bounds: the window must cover the taskbar area of its own screen.
    return { bounds: { ...display.bounds }, kiosk: true, fullscreen: true, maximize: false, showMenu: false };
  }
  // Created inside the work area so maximising happens on the chosen screen, not the primary.
  return { bounds: { ...display.workArea }, kiosk: false, fullscreen: false, maximize: true, showMenu: true };
}

const ROLE_PAGES: Readonly<Record<TerminalRole, string>> = {
  staff: 'index.html',
  kiosk: 'kiosk.html',
  display: 'display.html',
  rating: 'rating.html',
};

export function pageForRole(role: TerminalRole): string {
  return ROLE_PAGES[role];
}
