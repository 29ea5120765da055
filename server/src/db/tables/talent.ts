import type {
  AQualification,
  BonusItem,
  EmploymentMode,
  HelpKind,
  PermitClass,
  ProgrammeLevel,
  TalentDegree,
  TalentGender,
  TalentIdType,
  TalentOrigin,
} from '@kechuang/domain';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises, users } from './core';
import { planProjects, projectApplications } from './plans';
import { platforms } from './platforms';

/** 引进渠道 as master data (海外人才联络站, 引进外国智力联盟, 市产业技术研究院, 猎头, 自主引进 …). */
export const talentChannels = pgTable(
  'talent_channels',
  {
    ...businessColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
  },
  (table) => [uniqueIndex('talent_channels_code_key').on(table.code)],
);

/** Talent programmes of every level (区级领军人才项目, 市创新领军人才计划, 泰山产业领军人才, 外专双百计划 …) as data. */
export const talentProgrammes = pgTable(
  'talent_programmes',
  {
    ...businessColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').$type<ProgrammeLevel>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [uniqueIndex('talent_programmes_code_key').on(table.code)],
);

/** The local previous-year average wage the work-permit salary multiples are tested against. */
export const talentWageBases = pgTable(
  'talent_wage_bases',
  {
    ...businessColumns,
    city: text('city').notNull(),
    year: integer('year').notNull(),
    averageWageFen: bigint('average_wage_fen', { mode: 'number' }).notNull(),
    basis: text('basis').notNull(),
  },
  (table) => [uniqueIndex('talent_wage_bases_city_year_key').on(table.city, table.year)],
);

/**
 * 人才台账: one person. The document number and the contact are held only as SM4 ciphertext
 * (`*_cipher`, key from configuration) with a masked copy for lists; `id_number_digest` (HMAC-SM3)
 * finds a duplicate without decrypting. The foreign talent's work-permit facts are `foreign`;
 * `permit_class` is the class they give, recomputed on every save.
 */
export const talents = pgTable(
  'talents',
  {
    ...businessColumns,
    name: text('name').notNull(),
    gender: text('gender').$type<TalentGender>().notNull(),
    birthYear: integer('birth_year').notNull(),
    origin: text('origin').$type<TalentOrigin>().notNull(),
    nationality: text('nationality').notNull(),
    idType: text('id_type').$type<TalentIdType>().notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberDigest: text('id_number_digest').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    contactCipher: text('contact_cipher'),
    contactMasked: text('contact_masked'),
    degree: text('degree').$type<TalentDegree>().notNull(),
    title: text('title'),
    field: text('field').notNull(),
    employerEnterpriseId: integer('employer_enterprise_id').references(() => enterprises.id),
    employerPlatformId: integer('employer_platform_id').references(() => platforms.id),
    position: text('position'),
    arrivalDate: date('arrival_date', { mode: 'string' }).notNull(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => talentChannels.id),
    discovery: text('discovery'),
    employmentMode: text('employment_mode').$type<EmploymentMode>().notNull(),
    foreign: jsonb('foreign').$type<{
      annualSalaryFen: number | null;
      relevantYears: number;
      workMonths: number;
      chineseLevel: number;
      aQualifications: AQualification[];
      bonusItems: BonusItem[];
      skillCertificate: boolean;
      languageTeacher: boolean;
      shortTermOrQuota: boolean;
      localBonus: number;
      permitNo: string | null;
      permitValidUntil: string | null;
    }>(),
    permitClass: text('permit_class').$type<PermitClass>(),
    /** The permit expiry date staff were last reminded of (so each expiry is announced once). */
    permitRemindedFor: date('permit_reminded_for', { mode: 'string' }),
    /** Set when the person's data was erased on request: personal fields overwritten, statistics kept. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('talents_id_number_digest_key').on(table.idNumberDigest),
    index('talents_employer_idx').on(table.employerEnterpriseId),
    index('talents_arrival_idx').on(table.arrivalDate),
  ],
);

/** 全程帮扶: each help given to a talent, with its date, who handled it and the outcome. */
export const talentHelpRecords = pgTable(
  'talent_help_records',
  {
    id: serial('id').primaryKey(),
    talentId: integer('talent_id')
      .notNull()
      .references(() => talents.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<HelpKind>().notNull(),
    helpedOn: date('helped_on', { mode: 'string' }).notNull(),
    handledBy: text('handled_by').notNull(),
    outcome: text('outcome').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('talent_help_records_talent_idx').on(table.talentId)],
);

/** A talent's nomination to a programme and its outcome (lifecycle `talent-programme`), with the platform and project it rests on. */
export const talentProgrammeRecords = pgTable(
  'talent_programme_records',
  {
    ...businessColumns,
    talentId: integer('talent_id')
      .notNull()
      .references(() => talents.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => talentProgrammes.id),
    year: integer('year').notNull(),
    nominatedOn: date('nominated_on', { mode: 'string' }).notNull(),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    status: text('status').notNull(),
    fundingFen: bigint('funding_fen', { mode: 'number' }),
    platformId: integer('platform_id').references(() => platforms.id),
    projectId: integer('project_id').references(() => planProjects.id),
    /** The application to the programme's call (plan-call pipeline) the record came from. */
    applicationId: integer('application_id').references(() => projectApplications.id),
    note: text('note'),
  },
  (table) => [
    uniqueIndex('talent_programme_records_key').on(table.talentId, table.programmeId, table.year),
    index('talent_programme_records_programme_idx').on(table.programmeId, table.year),
  ],
);

/** "平台+项目+人才": a talent's engagement with a platform and/or a plan project. */
export const talentLinks = pgTable(
  'talent_links',
  {
    id: serial('id').primaryKey(),
    talentId: integer('talent_id')
      .notNull()
      .references(() => talents.id, { onDelete: 'cascade' }),
    platformId: integer('platform_id').references(() => platforms.id),
    projectId: integer('project_id').references(() => planProjects.id),
    role: text('role'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('talent_links_talent_idx').on(table.talentId),
    index('talent_links_platform_idx').on(table.platformId),
  ],
);
