import type { DateRange } from '../indicators/periods';
import { CITY_AND_ABOVE_LEVELS, isUpgrade, type PlatformLevel } from './types';

/** One line of a platform's level history: its first recognition, then each upgrade. */
export interface LevelHistoryEntry {
  level: PlatformLevel;
  /** YYYY-MM-DD, the date of the 认定/备案 document. */
  recognizedOn: string;
  kind: 'recognition' | 'upgrade';
}

/** What the statistics need of one platform: its level history and the day it ended (撤销/摘牌). */
export interface PlatformTimeline {
  history: readonly LevelHistoryEntry[];
  endedOn: string | null;
}

function byDate(history: readonly LevelHistoryEntry[]): LevelHistoryEntry[] {
  return [...history].sort((left, right) => left.recognizedOn.localeCompare(right.recognizedOn));
}

/**
 * The level a platform held on `date`: the latest entry on or before it; null before its first
 * recognition and from the day it was revoked or delisted. The dashboard's SQL counts the same way.
 */
export function levelAt(timeline: PlatformTimeline, date: string): PlatformLevel | null {
  if (timeline.endedOn !== null && timeline.endedOn <= date) return null;
  let level: PlatformLevel | null = null;
  for (const entry of byDate(timeline.history)) {
    if (entry.recognizedOn > date) break;
    level = entry.level;
  }
  return level;
}

/** Platforms in force on `date` at one of `levels` (市级以上 unless said otherwise). */
export function countInForce(
  timelines: readonly PlatformTimeline[],
  date: string,
  levels: readonly PlatformLevel[] = CITY_AND_ABOVE_LEVELS,
): number {
  return timelines.filter((timeline) => {
    const level = levelAt(timeline, date);
    return level !== null && levels.includes(level);
  }).length;
}

const within = (date: string, range: DateRange) => date >= range.from && date <= range.to;

/** New platforms: first recognitions within the period at one of `levels`. An upgrade is not new. */
export function countRecognised(
  timelines: readonly PlatformTimeline[],
  range: DateRange,
  levels: readonly PlatformLevel[] = CITY_AND_ABOVE_LEVELS,
): number {
  return timelines
    .flatMap((timeline) => timeline.history)
    .filter(
      (entry) =>
        entry.kind === 'recognition' && within(entry.recognizedOn, range) && levels.includes(entry.level),
    ).length;
}

/** Upgrades within the period (one platform upgraded twice counts twice). */
export function countUpgraded(timelines: readonly PlatformTimeline[], range: DateRange): number {
  return timelines
    .flatMap((timeline) => timeline.history)
    .filter((entry) => entry.kind === 'upgrade' && within(entry.recognizedOn, range)).length;
}

/**
 * What is wrong with an upgrade of a platform with this history, as an issue key (naming the
 * field), or null: the new level must be higher than the current one and the date not earlier.
 */
export function findUpgradeProblem(
  history: readonly LevelHistoryEntry[],
  next: { level: PlatformLevel; recognizedOn: string },
): { path: 'level' | 'recognizedOn'; key: string } | null {
  const latest = byDate(history).at(-1);
  if (!latest) return null;
  if (!isUpgrade(latest.level, next.level)) return { path: 'level', key: 'platforms.notAnUpgrade' };
  if (next.recognizedOn < latest.recognizedOn) {
    return { path: 'recognizedOn', key: 'platforms.upgradeBeforeLast' };
  }
  return null;
}
