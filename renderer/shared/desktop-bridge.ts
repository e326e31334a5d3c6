// The Electron preload's bridges; absent when the page runs in a plain browser.
import type { DesktopBridge, SetupBridge } from './contract';

declare global {
  interface Window {
    hallDesktop?: DesktopBridge;
    hallSetup?: SetupBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return typeof window !== 'undefined' && window.hallDesktop ? window.hallDesktop : null;
}

export function setupBridge(): SetupBridge | null {
  return typeof window !== 'undefined' && window.hallSetup ? window.hallSetup : null;
}
