import { z } from 'zod';
import { checkProjectNumberPattern, DEFAULT_PROJECT_NUMBER_PATTERN } from '../projects/project-number';
import { ROLES } from '../roles';
import { dateSchema, listQuerySchema, pageSchema, versionSchema } from './common';

export const projectNumberPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .superRefine((pattern, context) => {
    const problem = checkProjectNumberPattern(pattern);
    if (problem)
      context.addIssue({ code: 'custom', params: { key: `projectNumber.${problem}` }, input: pattern });
  });

export const districtSettingsSchema = z.object({
  name: z.string().trim().min(1).max(40),
  regionCode: z.string().regex(/^\d{6}$/),
  cityName: z.string().trim().max(40),
  streets: z
    .array(z.string().trim().min(1).max(40))
    .min(1)
    .max(200)
    .refine((list) => new Set(list).size === list.length, { params: { key: 'streets.duplicate' } }),
  idleTimeoutMinutes: z.number().int().min(5).max(240),
  auditRetentionDays: z.number().int().min(184).max(36500),
  /** 项目编号 format, e.g. `JN-KJ-{year}-{seq:3}`; settings saved before it existed number by the default. */
  projectNumberPattern: projectNumberPatternSchema.default(DEFAULT_PROJECT_NUMBER_PATTERN),
});
export type DistrictSettings = z.infer<typeof districtSettingsSchema>;
export const districtSettingsUpdateSchema = z.strictObject({
  ...districtSettingsSchema.shape,
  version: versionSchema,
});
export const districtSettingsResponseSchema = districtSettingsSchema.extend({ version: z.number().int() });

/** The security administrator's settings: which roles must sign in with a second factor. */
export const securitySettingsSchema = z.object({
  secondFactorRoles: z
    .array(z.enum(ROLES))
    .max(ROLES.length)
    .refine((list) => new Set(list).size === list.length, { params: { key: 'roles.duplicate' } }),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export const securitySettingsUpdateSchema = z.strictObject({
  ...securitySettingsSchema.shape,
  version: versionSchema,
});
export const securitySettingsResponseSchema = securitySettingsSchema.extend({ version: z.number().int() });

/** Working-day calendar of one year: official holidays and the weekend days made working days (调休). */
export const workCalendarSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(dateSchema).max(60),
  workdays: z.array(dateSchema).max(30),
});
export type WorkCalendar = z.infer<typeof workCalendarSchema>;
export const workCalendarResponseSchema = workCalendarSchema.extend({
  version: z.number().int(),
  /** True when the administrator's edit is in force over the official calendar. */
  isOverridden: z.boolean(),
  /** `chinese-days@<version>` when the package has the year; null when it has not been published. */
  officialSource: z.string().nullable(),
  officialHolidays: z.array(z.string()).nullable(),
  officialWorkdays: z.array(z.string()).nullable(),
});
export type WorkCalendarResponse = z.infer<typeof workCalendarResponseSchema>;

/** A year without a calendar the bureau needs, and the open deadlines counted in it. */
export const calendarWarningSchema = z.object({
  year: z.number().int(),
  dependents: z.array(
    z.object({
      kind: z.literal('publicity'),
      id: z.number().int(),
      title: z.string(),
      startOn: z.string(),
      endOn: z.string(),
    }),
  ),
});
export type CalendarWarning = z.infer<typeof calendarWarningSchema>;
export const calendarWarningListSchema = z.object({ items: z.array(calendarWarningSchema) });
export const workCalendarUpdateSchema = z.strictObject({
  holidays: workCalendarSchema.shape.holidays,
  workdays: workCalendarSchema.shape.workdays,
  version: versionSchema.optional(),
});
export const workCalendarRestoreSchema = z.strictObject({ version: versionSchema });
export const yearParamSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  enterpriseId: z.number().int().nullable(),
  /** The 问题台账 department (科室, 区直部门, 街道) a `department` account answers for. */
  departmentId: z.number().int().nullable(),
  isDisabled: z.boolean(),
  mustChangePassword: z.boolean(),
  secondFactorEnabled: z.boolean(),
  /** Set while the account is locked after repeated failed sign-ins. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.@-]{3,64}$/),
    displayName: z.string().trim().min(1).max(40),
    role: z.enum(ROLES),
    enterpriseId: z.number().int().positive().optional(),
    departmentId: z.number().int().positive().optional(),
  })
  .refine((value) => value.role !== 'enterprise' || value.enterpriseId !== undefined, {
    params: { key: 'role.enterpriseRequired' },
    path: ['enterpriseId'],
  })
  .refine((value) => value.role !== 'department' || value.departmentId !== undefined, {
    params: { key: 'role.departmentRequired' },
    path: ['departmentId'],
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userCreatedSchema = z.object({ user: userSchema, initialPassword: z.string() });

export const userListQuerySchema = listQuerySchema(['createdAt', 'username'] as const).extend({
  keyword: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
});
export const userPageSchema = pageSchema(userSchema);
export const userStatusBodySchema = z.strictObject({ version: versionSchema });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  event: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  requestId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  chainIndex: z.number().int().nullable(),
  hash: z.string().nullable(),
});
export const auditListQuerySchema = listQuerySchema(['occurredAt'] as const).extend({
  event: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(40).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export const auditPageSchema = pageSchema(auditEntrySchema);
export const auditVerifyResultSchema = z.object({
  isIntact: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  problem: z.string().nullable(),
});

export const notificationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  isRead: z.boolean(),
  createdAt: z.string(),
});
export const notificationListQuerySchema = listQuerySchema(['createdAt'] as const).extend({
  unreadOnly: z.enum(['true', 'false']).optional(),
});
export const notificationPageSchema = pageSchema(notificationSchema).extend({ unread: z.number().int() });

export const publicHomeSchema = z.object({
  districtName: z.string(),
  cityName: z.string(),
  enterpriseCount: z.number().int(),
  verifiedEnterpriseCount: z.number().int(),
});

/** The home page of every role: 待办 with counts, and a few key figures. */
export const workbenchSchema = z.object({
  todos: z.array(z.object({ key: z.string(), title: z.string(), count: z.number().int(), link: z.string() })),
  figures: z.array(z.object({ key: z.string(), title: z.string(), value: z.number(), unit: z.string() })),
  unreadNotifications: z.number().int(),
});
export type Workbench = z.infer<typeof workbenchSchema>;

export const dictionariesSchema = z.object({
  industries: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  sizes: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  streets: z.array(z.string()),
  districtName: z.string(),
});

/** The security administrator's view of backups: where they go, the files kept, the daily runs. */
export const backupStatusSchema = z.object({
  directory: z.string().nullable(),
  retention: z.object({ daily: z.number().int(), weekly: z.number().int() }),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.string() })),
  runs: z.array(
    z.object({
      day: z.string(),
      instance: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      outcome: z.string().nullable(),
      isFailed: z.boolean(),
    }),
  ),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
