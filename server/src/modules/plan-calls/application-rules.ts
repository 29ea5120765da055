import {
  type ApplicationContent,
  applicationContentSchema,
  checkApplicationSubmission,
  type Language,
  requestedFiscalFen,
  type Standing,
  type SubmissionCheck,
  translate,
} from '@kechuang/domain';
import { and, count, eq, gte, inArray, ne, notInArray } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { principalIdDigestOf, sealPrincipalId } from '../../core/principal-id';
import type { Executor } from '../../db/connection';
import {
  cultivationPoolEntries,
  highTechCertificates,
  planCategories,
  planProjects,
  projectApplications,
  techSmeRegistrations,
} from '../../db/schema';
import { talentBundleIssues } from '../talent';
import { type CallRow, readCallRules } from './calls-service';
import { PLAN_CALL_MESSAGES } from './messages';

/** Plan projects still running: they count against a principal's 限项. */
export const RUNNING_PROJECT_STATUSES = [
  'contracting',
  'inProgress',
  'suspended',
  'acceptanceApplied',
  'rectifying',
  'reconsidering',
];
/** Applications that do not count against a principal's yearly limit. */
export const NOT_COUNTED_STATUSES = ['draft', 'withdrawn', 'rejected'];

export function readContent(value: unknown): ApplicationContent {
  const parsed = applicationContentSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : applicationContentSchema.parse({});
}

export function derivedColumns(content: ApplicationContent) {
  const principal = content.team.find((member) => member.role === 'principal');
  return {
    title: content.basics.title,
    principalName: principal?.name ?? null,
    ...sealPrincipalId(principal?.idNumber),
    requestedFen: requestedFiscalFen(content),
  };
}

/** Applications are taken only while the call is published and open: before it opens or after it closes, refused. */
export function requireOpenWindow(call: CallRow['call'], now: Date, language: Language): void {
  if (call.status !== 'published') throw new AppError(409, 'callNotPublished');
  if (now < call.opensAt)
    throw new AppError(409, 'callNotOpen', [
      { path: 'opensAt', message: translate(PLAN_CALL_MESSAGES.callNotOpenYet(call), language) },
    ]);
  if (now >= call.closesAt)
    throw new AppError(409, 'callClosed', [
      {
        path: 'closesAt',
        message: translate(PLAN_CALL_MESSAGES.callClosedAt(call), language),
      },
    ]);
}

/** Which standings the enterprise holds for the call's year. */
export async function readStandings(
  executor: Executor,
  enterpriseId: number,
  year: number,
): Promise<Standing[]> {
  const today = new Date().toISOString().slice(0, 10);
  // One after the other: the executor may be a transaction, whose one connection runs one query at a time.
  const techSme = await executor
    .select({ id: techSmeRegistrations.id })
    .from(techSmeRegistrations)
    .where(and(eq(techSmeRegistrations.enterpriseId, enterpriseId), gte(techSmeRegistrations.year, year - 1)))
    .limit(1);
  const pool = await executor
    .select({ id: cultivationPoolEntries.id })
    .from(cultivationPoolEntries)
    .where(
      and(
        eq(cultivationPoolEntries.enterpriseId, enterpriseId),
        eq(cultivationPoolEntries.status, 'admitted'),
        gte(cultivationPoolEntries.year, year - 1),
      ),
    )
    .limit(1);
  const highTech = await executor
    .select({ id: highTechCertificates.id })
    .from(highTechCertificates)
    .where(
      and(eq(highTechCertificates.enterpriseId, enterpriseId), gte(highTechCertificates.expiresOn, today)),
    )
    .limit(1);
  const standings: Standing[] = [];
  if (techSme.length) standings.push('techSme');
  if (pool.length) standings.push('cultivationPool');
  if (highTech.length) standings.push('highTech');
  return standings;
}

export async function runSubmissionCheck(
  executor: Executor,
  application: typeof projectApplications.$inferSelect,
  call: CallRow['call'],
): Promise<SubmissionCheck> {
  const content = readContent(application.content);
  const principalId = principalIdDigestOf(
    content.team.find((member) => member.role === 'principal')?.idNumber,
  );
  let principalApplicationsThisYear = 0;
  let principalRunningProjects = 0;
  if (principalId) {
    const [applications] = await executor
      .select({ total: count() })
      .from(projectApplications)
      .where(
        and(
          eq(projectApplications.principalIdDigest, principalId),
          eq(projectApplications.year, call.year),
          ne(projectApplications.id, application.id),
          notInArray(projectApplications.status, NOT_COUNTED_STATUSES),
        ),
      );
    const [projects] = await executor
      .select({ total: count() })
      .from(planProjects)
      .where(
        and(
          eq(planProjects.principalIdDigest, principalId),
          inArray(planProjects.status, RUNNING_PROJECT_STATUSES),
        ),
      );
    principalApplicationsThisYear = Number(applications.total);
    principalRunningProjects = Number(projects.total);
  }
  const check = checkApplicationSubmission(content, {
    rules: readCallRules(call.rules),
    year: call.year,
    facts: {
      standings: await readStandings(executor, application.enterpriseId, call.year),
      principalApplicationsThisYear,
      principalRunningProjects,
    },
  });
  const [category] = await executor
    .select({ talentProgrammeCode: planCategories.talentProgrammeCode })
    .from(planCategories)
    .where(eq(planCategories.id, call.categoryId));
  if (category?.talentProgrammeCode || content.talentBundle !== null)
    check.errors.push(
      ...(await talentBundleIssues(executor, {
        enterpriseId: application.enterpriseId,
        bundle: content.talentBundle,
        required: Boolean(category?.talentProgrammeCode),
      })),
    );
  return check;
}
