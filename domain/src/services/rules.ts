import type { Text } from '../i18n';
import { addWorkingDays, type WorkCalendarDays } from '../projects/working-days';

/** Problem categories as data, each with its 办结 limit in working days (configurable here, per category). */
export const PROBLEM_CATEGORIES = [
  { code: 'policy', name: '政策咨询', limitDays: 7 },
  { code: 'project', name: '项目申报', limitDays: 10 },
  { code: 'finance', name: '融资需求', limitDays: 15 },
  { code: 'talent', name: '人才引进', limitDays: 15 },
  { code: 'platform', name: '平台建设', limitDays: 15 },
  { code: 'cooperation', name: '产学研合作', limitDays: 15 },
  { code: 'land', name: '用地与基础设施', limitDays: 30 },
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number]['code'];
export const PROBLEM_CATEGORY_CODES = PROBLEM_CATEGORIES.map((category) => category.code) as [
  ProblemCategory,
  ...ProblemCategory[],
];

/** Working days a department has to 交办 and to reply after an unsatisfied 回访 (重办). */
export const REOPEN_LIMIT_DAYS = 5;
/** The longest extension, in working days, asked for once and only before the deadline. */
export const MAX_EXTENSION_DAYS = 10;
/** Tickets due within this many working days are shown as 即将到期. */
export const DUE_SOON_DAYS = 2;

export function categoryLimit(code: string): number {
  return PROBLEM_CATEGORIES.find((category) => category.code === code)?.limitDays ?? 15;
}

export function categoryName(code: string): string {
  return PROBLEM_CATEGORIES.find((category) => category.code === code)?.name ?? code;
}

/** The 办结 deadline: `limitDays` working days after the day it was assigned (that day not counted). */
export function problemDueOn(assignedOn: string, limitDays: number, calendar: WorkCalendarDays): string {
  return addWorkingDays(assignedOn, limitDays, calendar);
}

export type ProblemTiming = 'overdue' | 'due-soon' | 'on-track' | 'closed-on-time' | 'closed-late';

/** Where a ticket stands against its deadline on `today` (or on the day it was closed). */
export function problemTiming(
  problem: { dueOn: string; closedOn: string | null },
  today: string,
  calendar: WorkCalendarDays,
): ProblemTiming {
  if (problem.closedOn) return problem.closedOn <= problem.dueOn ? 'closed-on-time' : 'closed-late';
  if (today > problem.dueOn) return 'overdue';
  // Within DUE_SOON_DAYS working days of today the deadline is near.
  return addWorkingDays(today, DUE_SOON_DAYS, calendar) >= problem.dueOn ? 'due-soon' : 'on-track';
}

/** Why an extension cannot be granted, or null: asked before the deadline, once, up to the maximum. */
export function findExtensionProblem(
  problem: { dueOn: string; extensionDays: number; closedOn: string | null },
  days: number,
  today: string,
): Text | null {
  if (problem.closedOn) return { zh: '：问题已销号，无需延期', en: 'the ticket is already closed' };
  if (today > problem.dueOn)
    return { zh: '：已超过办结时限，延期须在时限届满前申请', en: 'must be asked for before the deadline' };
  if (problem.extensionDays > 0)
    return { zh: '：已延期一次，不能再次延期', en: 'has been extended once already' };
  if (days > MAX_EXTENSION_DAYS)
    return {
      zh: `：延期不能超过 ${MAX_EXTENSION_DAYS} 个工作日`,
      en: `cannot exceed ${MAX_EXTENSION_DAYS} working days`,
    };
  return null;
}
