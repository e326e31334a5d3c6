// 大字模式: kept on this kiosk across restarts, so the hall can leave it on for its visitors.
import { useCallback, useState } from 'react';

export const ELDERLY_MODE_KEY = 'hall.kiosk.elderly';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readElderlyMode(storage: Storage | null = defaultStorage()): boolean {
  try {
    return storage?.getItem(ELDERLY_MODE_KEY) === '1';
  } catch {
    return false;
  }
}

export function writeElderlyMode(on: boolean, storage: Storage | null = defaultStorage()): void {
  try {
    storage?.setItem(ELDERLY_MODE_KEY, on ? '1' : '0');
  } catch {
    // Storage may be unavailable; the mode still applies until the page reloads.
  }
}

export function useElderlyMode(): [boolean, () => void] {
  const [on, setOn] = useState(() => readElderlyMode());
  const toggle = useCallback(() => {
    setOn((was) => {
      writeElderlyMode(!was);
      return !was;
    });
  }, []);
  return [on, toggle];
}
