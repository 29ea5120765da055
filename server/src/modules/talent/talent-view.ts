import {
  classifyForeignTalent,
  type ErrorCode,
  type ForeignFactsInput,
  type Language,
  listAllowedActions,
  type PermitClass,
  type ProgrammeRecord,
  TALENT_FIELD_LABELS,
  TALENT_ISSUE_MESSAGES,
  type TalentDetail,
  type TalentProgrammeStatus,
  type TalentSummary,
  talentProgrammeWorkflow,
  type WageBase,
  type WorkPermitResult,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { Executor } from '../../db/connection';
import {
  enterprises,
  planProjects,
  platformHosts,
  platforms,
  talentChannels,
  talentHelpRecords,
  talentLinks,
  talentProgrammeRecords,
  talentProgrammes,
  talents,
  talentWageBases,
} from '../../db/schema';

export type TalentRow = typeof talents.$inferSelect;

/** A 400 naming one field of the talent forms, worded as the form's own checks are. */
export function talentFieldError(path: string, key: string, language: Language): AppError {
  const label = TALENT_FIELD_LABELS[path];
  const message = TALENT_ISSUE_MESSAGES[key];
  const text =
    language === 'en'
      ? `${label?.en ?? path} ${message?.en ?? key}`
      : `${label?.zh ?? path}${message?.zh ?? key}`;
  return new AppError(400, 'validation', [{ path, message: text }]);
}

/** A 400 whose message is its details' own wording (as schema refusals read), not the generic one. */
export class FieldsError extends AppError {
  constructor(
    details: { path: string; message: string }[],
    statusCode = 400,
    code: ErrorCode = 'validation',
  ) {
    super(statusCode, code, details);
  }

  override messageIn(): string {
    return this.details.map((detail) => detail.message).join('；');
  }
}

export function actorOf(context: RequestContext): Actor {
  if (!context.actor) throw new AppError(401, 'unauthenticated');
  return context.actor;
}

/** Which people the actor may see: the bureau all, an enterprise those it employs or whose platform it hosts. */
export function talentScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null
        ? sql`false`
        : sql`(${talents.employerEnterpriseId} = ${actor.enterpriseId} or exists (select 1 from ${platformHosts} where ${platformHosts.platformId} = ${talents.employerPlatformId} and ${platformHosts.enterpriseId} = ${actor.enterpriseId}))`;
    default:
      return sql`false`;
  }
}

/** A person within the actor's scope, or 404 (never 403, so ids are not confirmed). */
export async function loadScopedTalent(executor: Executor, actor: Actor, id: number): Promise<TalentRow> {
  const [row] = await executor
    .select()
    .from(talents)
    .where(and(eq(talents.id, id), talentScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** The wage base of the year before `year` (the latest entered on or before it). */
export async function findWageBase(executor: Executor, year: number): Promise<WageBase | null> {
  const [row] = await executor
    .select()
    .from(talentWageBases)
    .where(lte(talentWageBases.year, year - 1))
    .orderBy(desc(talentWageBases.year), asc(talentWageBases.id))
    .limit(1);
  return row
    ? { city: row.city, year: row.year, averageWageFen: row.averageWageFen, basis: row.basis }
    : null;
}

/** The work-permit class of a foreign talent in the year they arrived. */
export async function classify(
  executor: Executor,
  person: { birthYear: number; degree: TalentRow['degree']; arrivalDate: string },
  foreign: ForeignFactsInput,
): Promise<WorkPermitResult> {
  const evaluationYear = Number(person.arrivalDate.slice(0, 4));
  return classifyForeignTalent(
    { ...foreign, birthYear: person.birthYear, degree: person.degree },
    { evaluationYear, wageBase: await findWageBase(executor, evaluationYear) },
  );
}

/** Each row as the list shows it: masked, with the employer's and the channel's names. */
export async function toSummaries(executor: Executor, rows: TalentRow[]): Promise<TalentSummary[]> {
  if (rows.length === 0) return [];
  const enterpriseIds = [
    ...new Set(rows.flatMap((row) => (row.employerEnterpriseId ? [row.employerEnterpriseId] : []))),
  ];
  const platformIds = [
    ...new Set(rows.flatMap((row) => (row.employerPlatformId ? [row.employerPlatformId] : []))),
  ];
  const [enterpriseNames, platformNames, channels] = await Promise.all([
    enterpriseIds.length
      ? executor
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(inArray(enterprises.id, enterpriseIds))
      : [],
    platformIds.length
      ? executor
          .select({ id: platforms.id, name: platforms.name })
          .from(platforms)
          .where(inArray(platforms.id, platformIds))
      : [],
    executor.select({ id: talentChannels.id, name: talentChannels.name }).from(talentChannels),
  ]);
  const nameOf = (list: { id: number; name: string }[], id: number | null) =>
    id === null ? undefined : list.find((item) => item.id === id)?.name;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthYear: row.birthYear,
    origin: row.origin,
    nationality: row.nationality,
    idType: row.idType,
    idNumberMasked: row.idNumberMasked,
    contactMasked: row.contactMasked,
    degree: row.degree,
    title: row.title,
    field: row.field,
    employerEnterpriseId: row.employerEnterpriseId,
    employerPlatformId: row.employerPlatformId,
    employerName:
      nameOf(enterpriseNames, row.employerEnterpriseId) ??
      nameOf(platformNames, row.employerPlatformId) ??
      '',
    position: row.position,
    arrivalDate: row.arrivalDate,
    channelId: row.channelId,
    channelName: nameOf(channels, row.channelId) ?? '',
    discovery: row.discovery,
    employmentMode: row.employmentMode,
    permitClass: row.permitClass as PermitClass | null,
    permitNo: row.foreign?.permitNo ?? null,
    permitValidUntil: row.foreign?.permitValidUntil ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    version: row.version,
  }));
}

/** Programme records joined with their programme, person, platform and project, in the actor's scope. */
export async function readProgrammeRecords(
  executor: Executor,
  actor: Actor,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
): Promise<ProgrammeRecord[]> {
  const query = executor
    .select({
      record: talentProgrammeRecords,
      talentName: talents.name,
      employerEnterpriseId: talents.employerEnterpriseId,
      employerName: sql<string>`coalesce(${enterprises.name}, '')`,
      programmeName: talentProgrammes.name,
      programmeLevel: talentProgrammes.level,
      platformName: platforms.name,
      projectTitle: planProjects.title,
    })
    .from(talentProgrammeRecords)
    .innerJoin(talents, eq(talents.id, talentProgrammeRecords.talentId))
    .innerJoin(talentProgrammes, eq(talentProgrammes.id, talentProgrammeRecords.programmeId))
    .leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId))
    .leftJoin(platforms, eq(platforms.id, talentProgrammeRecords.platformId))
    .leftJoin(planProjects, eq(planProjects.id, talentProgrammeRecords.projectId))
    .where(and(talentScope(actor), where))
    .orderBy(desc(talentProgrammeRecords.nominatedOn), desc(talentProgrammeRecords.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map((row) => ({
    id: row.record.id,
    talentId: row.record.talentId,
    talentName: row.talentName,
    employerName: row.employerName,
    programmeId: row.record.programmeId,
    programmeName: row.programmeName,
    programmeLevel: row.programmeLevel,
    year: row.record.year,
    nominatedOn: row.record.nominatedOn,
    outcomeOn: row.record.outcomeOn,
    fundingFen: row.record.fundingFen,
    platformId: row.record.platformId,
    platformName: row.platformName,
    projectId: row.record.projectId,
    projectTitle: row.projectTitle,
    note: row.record.note,
    status: row.record.status as TalentProgrammeStatus,
    version: row.record.version,
    allowedActions: listAllowedActions(talentProgrammeWorkflow, row.record.status as TalentProgrammeStatus, {
      role: actor.role,
      isOwner: false,
    }),
  }));
}

export async function toDetail(executor: Executor, actor: Actor, row: TalentRow): Promise<TalentDetail> {
  const [[summary], helpRecords, programmes, links] = await Promise.all([
    toSummaries(executor, [row]),
    executor
      .select()
      .from(talentHelpRecords)
      .where(eq(talentHelpRecords.talentId, row.id))
      .orderBy(desc(talentHelpRecords.helpedOn), desc(talentHelpRecords.id)),
    readProgrammeRecords(executor, actor, eq(talentProgrammeRecords.talentId, row.id)),
    executor
      .select({
        id: talentLinks.id,
        platformId: talentLinks.platformId,
        platformName: platforms.name,
        projectId: talentLinks.projectId,
        projectTitle: planProjects.title,
        role: talentLinks.role,
      })
      .from(talentLinks)
      .leftJoin(platforms, eq(platforms.id, talentLinks.platformId))
      .leftJoin(planProjects, eq(planProjects.id, talentLinks.projectId))
      .where(eq(talentLinks.talentId, row.id))
      .orderBy(asc(talentLinks.id)),
  ]);
  return {
    ...summary,
    foreign: row.foreign,
    permit: row.foreign ? await classify(executor, row, row.foreign) : null,
    helpRecords: helpRecords.map(({ id, talentId, kind, helpedOn, handledBy, outcome }) => ({
      id,
      talentId,
      kind,
      helpedOn,
      handledBy,
      outcome,
    })),
    programmes,
    links,
    canReveal: actor.role === 'staff' && row.erasedAt === null,
  };
}
