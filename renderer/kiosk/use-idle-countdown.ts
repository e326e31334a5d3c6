import { useEffect, useMemo, useRef } from 'react';
import { IdleCountdown } from './kiosk-idle';

const TOUCH_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Calls `onIdle` after `timeoutMs` with no touch, key or scroll anywhere on the page; null: never. */
export function useIdleCountdown(timeoutMs: number | null, onIdle: () => void): void {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  const countdown = useMemo(() => new IdleCountdown(() => idle.current()), []);
  useEffect(() => {
    countdown.arm(timeoutMs);
  }, [countdown, timeoutMs]);
  useEffect(() => {
    const touch = () => countdown.touch();
    const options = { capture: true, passive: true } as const;
    for (const type of TOUCH_EVENTS) window.addEventListener(type, touch, options);
    return () => {
      for (const type of TOUCH_EVENTS) window.removeEventListener(type, touch, options);
      countdown.stop();
    };
  }, [countdown]);
}
