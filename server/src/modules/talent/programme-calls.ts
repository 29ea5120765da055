import {
  type ApplicationContent,
  type Language,
  PLAN_FIELD_LABELS,
  type SubmissionIssue,
  talentProgrammeWorkflow,
  translate,
} from '@kechuang/domain';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import type { Executor, Transaction } from '../../db/connection';
import {
  planProjects,
  platformHosts,
  talentLinks,
  talentProgrammeRecords,
  talentProgrammes,
  talents,
} from '../../db/schema';
import { TALENT_MESSAGES } from './messages';
import { fireProgrammeAction, insertProgrammeRecord } from './records-service';
import { actorOf, FieldsError } from './talent-view';

export type TalentBundle = NonNullable<ApplicationContent['talentBundle']>;
type BundleField = 'talentId' | 'platformId' | 'projectId';

const path = (field: BundleField) => `content.talentBundle.${field}`;

/**
 * What is wrong with an application's "平台+项目+人才": the person must be employed by the applying
 * enterprise (directly or at a platform it hosts; a person it introduces is put on the ledger as its
 * own), the platform one it hosts, the project one of its plan projects. `required` (at submission
 * to a talent-programme call) also names what is missing.
 */
export async function talentBundleIssues(
  executor: Executor,
  options: { enterpriseId: number; bundle: ApplicationContent['talentBundle']; required: boolean },
): Promise<SubmissionIssue[]> {
  const bundle = options.bundle ?? { talentId: null, platformId: null, projectId: null, role: '' };
  const issues: SubmissionIssue[] = [];
  const missing = (field: BundleField) => {
    if (options.required)
      issues.push({
        path: path(field),
        message: TALENT_MESSAGES.bundleRequired({ field: PLAN_FIELD_LABELS[field] }),
      });
  };
  if (bundle.talentId === null) missing('talentId');
  else {
    const [person] = await executor
      .select({ id: talents.id, erasedAt: talents.erasedAt })
      .from(talents)
      .where(
        and(
          eq(talents.id, bundle.talentId),
          or(
            eq(talents.employerEnterpriseId, options.enterpriseId),
            sql`exists (select 1 from ${platformHosts} where ${platformHosts.platformId} = ${talents.employerPlatformId} and ${platformHosts.enterpriseId} = ${options.enterpriseId})`,
          ),
        ),
      );
    if (!person) issues.push({ path: path('talentId'), message: TALENT_MESSAGES.bundleTalentNotOwn });
    else if (person.erasedAt)
      issues.push({ path: path('talentId'), message: TALENT_MESSAGES.bundleTalentErased });
  }
  if (bundle.platformId === null) missing('platformId');
  else {
    const [host] = await executor
      .select({ id: platformHosts.id })
      .from(platformHosts)
      .where(
        and(
          eq(platformHosts.platformId, bundle.platformId),
          eq(platformHosts.enterpriseId, options.enterpriseId),
        ),
      );
    if (!host) issues.push({ path: path('platformId'), message: TALENT_MESSAGES.bundlePlatformNotOwn });
  }
  if (bundle.projectId === null) missing('projectId');
  else {
    const [project] = await executor
      .select({ id: planProjects.id })
      .from(planProjects)
      .where(and(eq(planProjects.id, bundle.projectId), eq(planProjects.enterpriseId, options.enterpriseId)));
    if (!project) issues.push({ path: path('projectId'), message: TALENT_MESSAGES.bundleProjectNotOwn });
  }
  return issues;
}

/** The bundle's problems as a 400 naming each field (an autosave refuses what it cannot keep). */
export async function checkTalentBundle(
  executor: Executor,
  options: {
    enterpriseId: number;
    bundle: ApplicationContent['talentBundle'];
    required: boolean;
    language: Language;
  },
): Promise<void> {
  const issues = await talentBundleIssues(executor, options);
  if (issues.length > 0)
    throw new FieldsError(
      issues.map((issue) => ({ path: issue.path, message: translate(issue.message, options.language) })),
    );
}

/**
 * On establishment (立项下达) of an application to a talent-programme call: the person's record in the
 * programme becomes 入选 with the approved funding, resting on the bundle's platform and project, and
 * the "平台+项目+人才" link is recorded. A nomination staff entered for the same programme and year is
 * the one that moves; otherwise it is created (nominated on the submission day) and moved at once.
 */
export async function recordProgrammeSelection(
  tx: Transaction,
  options: {
    programmeCode: string;
    year: number;
    bundle: TalentBundle;
    applicationId: number;
    callTitle: string;
    submittedOn: string;
    fundingFen: number;
    context: RequestContext;
  },
): Promise<void> {
  const { bundle, context } = options;
  if (bundle.talentId === null) return;
  const [programme] = await tx
    .select()
    .from(talentProgrammes)
    .where(eq(talentProgrammes.code, options.programmeCode));
  if (!programme) return;
  const [person] = await tx
    .select({ id: talents.id, erasedAt: talents.erasedAt })
    .from(talents)
    .where(eq(talents.id, bundle.talentId));
  if (!person) return;
  const where = and(
    eq(talentProgrammeRecords.talentId, person.id),
    eq(talentProgrammeRecords.programmeId, programme.id),
    eq(talentProgrammeRecords.year, options.year),
  );
  let [record] = await tx.select().from(talentProgrammeRecords).where(where);
  if (!record) {
    await insertProgrammeRecord(
      tx,
      person.id,
      {
        programmeId: programme.id,
        year: options.year,
        nominatedOn: options.submittedOn,
        fundingFen: null,
        platformId: bundle.platformId,
        projectId: bundle.projectId,
        note: TALENT_MESSAGES.programmeByCall({ callTitle: options.callTitle }).zh,
      },
      context,
    );
    [record] = await tx.select().from(talentProgrammeRecords).where(where);
  }
  if (record.status === 'not-selected')
    await fireProgrammeAction(tx, actorOf(context), {
      id: record.id,
      action: 'reopen',
      version: record.version,
      comment: TALENT_MESSAGES.programmeByCall({ callTitle: options.callTitle }).zh,
      context,
    });
  const [current] = await tx.select().from(talentProgrammeRecords).where(where);
  if (current.status === talentProgrammeWorkflow.initial)
    await fireProgrammeAction(tx, actorOf(context), {
      id: current.id,
      action: 'select',
      version: current.version,
      comment: undefined,
      context,
    });
  await tx
    .update(talentProgrammeRecords)
    .set({
      fundingFen: options.fundingFen,
      applicationId: options.applicationId,
      platformId: bundle.platformId ?? current.platformId,
      projectId: bundle.projectId ?? current.projectId,
      updatedAt: new Date(),
    })
    .where(eq(talentProgrammeRecords.id, current.id));
  const [link] = await tx
    .select({ id: talentLinks.id })
    .from(talentLinks)
    .where(
      and(
        eq(talentLinks.talentId, person.id),
        bundle.platformId === null
          ? isNull(talentLinks.platformId)
          : eq(talentLinks.platformId, bundle.platformId),
        bundle.projectId === null
          ? isNull(talentLinks.projectId)
          : eq(talentLinks.projectId, bundle.projectId),
      ),
    );
  if (!link)
    await tx.insert(talentLinks).values({
      talentId: person.id,
      platformId: bundle.platformId,
      projectId: bundle.projectId,
      role: bundle.role || programme.name,
    });
  await recordAudit(tx, context, {
    event: 'talent.programme.select-by-call',
    objectType: 'talent_programme_records',
    objectId: current.id,
    after: {
      applicationId: options.applicationId,
      programme: programme.code,
      fundingFen: options.fundingFen,
      platformId: bundle.platformId,
      projectId: bundle.projectId,
    },
  });
}
