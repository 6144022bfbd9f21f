/**
 * The kiosk's idle countdowns (the result clears itself, the clerk is signed out): they restart
 * on any key or pointer activity, and call `onExpire` once when they reach zero.
 */
import { useEffect, useRef, useState } from 'react';

const TICK_MS = 250;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

export function secondsLeft(lastActivity: number, now: number, seconds: number): number {
  return Math.max(0, Math.ceil((lastActivity + seconds * 1000 - now) / 1000));
}

export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Seconds left while `active`, else null. */
export function useIdleCountdown(seconds: number, active: boolean, onExpire: () => void): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!active) {
      setLeft(null);
      return;
    }
    let last = Date.now();
    const activity = (): void => {
      last = Date.now();
    };
    const tick = (): void => {
      const now = secondsLeft(last, Date.now(), seconds);
      setLeft(now);
      if (now === 0) {
        window.clearInterval(timer);
        expire.current();
      }
    };
    const timer = window.setInterval(tick, TICK_MS);
    tick();
    for (const e of ACTIVITY) window.addEventListener(e, activity, { passive: true });
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, activity);
    };
  }, [seconds, active]);
  return left;
}
