import { chinaToday } from '@kechuang/domain';

/**
 * The day the demo is loaded as, when its loader names none: `KECHUANG_TODAY` (YYYY-MM-DD) where a
 * demo or a drill pins the date, else now. The demo's current state (open calls, rounds, 公示,
 * reports due, certificates in force) is placed around it; its 2020 and 2021 figures never move.
 */
export function defaultDemoToday(): Date {
  const pinned = process.env.KECHUANG_TODAY;
  return pinned ? new Date(`${pinned}T12:00:00+08:00`) : new Date();
}

/** The demo's today as a China date, YYYY-MM-DD. */
export function demoDate(today: Date): string {
  return chinaToday(today);
}
