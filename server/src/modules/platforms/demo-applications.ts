import {
  addDays,
  type ChecklistValues,
  type PlatformLevel,
  platformApplicationWorkflow,
} from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { fireTransition, recordInitialState } from '../../core/workflow';
import type { Transaction } from '../../db/connection';
import {
  enterprises,
  platformApplications,
  platformHosts,
  platforms,
  platformTypes,
  users,
} from '../../db/schema';

interface ApplicationPlan {
  typeCode: string;
  level: PlatformLevel;
  /** A platform of this type and level whose lead host applies to raise it; else a new platform. */
  upgradeFrom?: PlatformLevel;
  /** A demo platform of this type and level the approved application produced. */
  producedOn?: string;
  name: string;
  values: ChecklistValues;
  steps: { action: string; comment?: string }[];
  submittedDaysAgo?: number;
}

const PLANS: ApplicationPlan[] = [
  {
    typeCode: 'academician-station',
    level: 'provincial',
    producedOn: '2021-03-18',
    name: '院士工作站',
    values: { agreement: true, academicianAge: 68, rdInstitution: true },
    steps: [
      { action: 'submit' },
      { action: 'recommend', comment: '条件符合，推荐至省科技厅备案' },
      { action: 'approve' },
    ],
  },
  {
    typeCode: 'academician-station',
    level: 'provincial',
    producedOn: '2021-05-20',
    name: '院士工作站',
    values: { agreement: true, academicianAge: 72, rdInstitution: true },
    steps: [
      { action: 'submit' },
      { action: 'recommend', comment: '条件符合，推荐至省科技厅备案' },
      { action: 'approve' },
    ],
  },
  {
    typeCode: 'key-lab',
    level: 'provincial',
    upgradeFrom: 'city',
    name: '重点实验室',
    values: {},
    steps: [{ action: 'submit' }],
    submittedDaysAgo: 3,
  },
  {
    typeCode: 'makerspace',
    level: 'city',
    name: '创客空间',
    values: {
      operatingMonths: 9,
      areaSquareMeters: 260,
      teams: 6,
      newFirms: 4,
      cases: 3,
      fullTimeStaff: 3,
      mentors: 2,
      events: 5,
      statistics: true,
    },
    steps: [
      { action: 'submit' },
      { action: 'return', comment: '创业导师不足3人，年入驻团队不足8个，请补充聘书和入驻协议' },
    ],
    submittedDaysAgo: 12,
  },
  {
    typeCode: 'new-rd-institute',
    level: 'provincial',
    name: '新型研发机构',
    values: {
      operatingMonths: 30,
      areaSquareMeters: 1800,
      equipmentWan: 860,
      researchers: 46,
      rdSpendWan: 1320,
      independentLegalPerson: true,
    },
    steps: [{ action: 'submit' }, { action: 'recommend', comment: '经现场核查，推荐申报省级新型研发机构' }],
    submittedDaysAgo: 40,
  },
  {
    typeCode: 'talent-enclave',
    level: 'city',
    name: '（深圳）人才飞地',
    values: { areaSquareMeters: 80, rdSpendWan: 60, rdStaff: 3, localAgreement: false },
    steps: [
      { action: 'submit' },
      { action: 'decline', comment: '场地、研发投入和全职研发人员均未达到市级人才飞地条件' },
    ],
    submittedDaysAgo: 25,
  },
  {
    typeCode: 'incubator',
    level: 'city',
    name: '科技企业孵化器',
    values: { operatingMonths: 14 },
    steps: [],
  },
];

/** The context of an enterprise's own user (the demo creates one per enterprise). */
export async function applicantContext(tx: Transaction, enterpriseId: number): Promise<RequestContext> {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.role, 'enterprise')))
    .limit(1);
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: 'enterprise',
      enterpriseId,
    },
    ip: null,
    requestId: null,
    language: 'zh-CN',
  };
}

/**
 * The applications of the demo district: the two 2021 省级院士工作站 through recommendation to their
 * 备案, and around today one waiting for review (an upgrade), one back for 补正, one recommended and
 * waiting for the province, one not recommended and one draft.
 */
export async function seedApplicationsDemo(
  tx: Transaction,
  options: { staffContext: RequestContext; today: string; spareHosts: number[] },
): Promise<void> {
  const types = new Map((await tx.select().from(platformTypes)).map((type) => [type.code, type]));
  let spare = 0;
  for (const plan of PLANS) {
    const type = types.get(plan.typeCode);
    if (!type) continue;
    const [platform] =
      plan.producedOn || plan.upgradeFrom
        ? await tx
            .select({
              id: platforms.id,
              name: platforms.name,
              documentNo: platforms.documentNo,
              hostId: platformHosts.enterpriseId,
            })
            .from(platforms)
            .innerJoin(
              platformHosts,
              and(eq(platformHosts.platformId, platforms.id), eq(platformHosts.position, 0)),
            )
            .where(
              and(
                eq(platforms.typeId, type.id),
                eq(platforms.level, plan.upgradeFrom ?? plan.level),
                plan.producedOn
                  ? eq(platforms.recognizedOn, plan.producedOn)
                  : eq(platforms.status, 'operating'),
              ),
            )
            .orderBy(asc(platforms.id))
            .limit(1)
        : [];
    const enterpriseId = platform?.hostId ?? options.spareHosts[spare++ % options.spareHosts.length];
    const applicant = await applicantContext(tx, enterpriseId);
    const [host] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    const [row] = await tx
      .insert(platformApplications)
      .values({
        enterpriseId,
        platformId: plan.upgradeFrom ? platform.id : null,
        typeId: type.id,
        level: plan.level,
        name: platform?.name ?? `${host.name.replace(/(股份)?有限(责任)?公司$/, '')}${plan.name}`,
        summary: `申请${type.name}${plan.upgradeFrom ? '升级' : '认定'}`,
        values: plan.values,
        contactName: applicant.actor?.displayName ?? '联系人',
        contactPhone: '0537-2318866',
        status: platformApplicationWorkflow.initial,
      })
      .returning();
    await recordInitialState(tx, {
      definition: platformApplicationWorkflow,
      objectId: row.id,
      context: applicant,
      actorName: applicant.actor?.displayName ?? '',
    });
    const submittedOn = plan.producedOn
      ? addDays(plan.producedOn, -45)
      : addDays(options.today, -(plan.submittedDaysAgo ?? 0));
    let version = 1;
    for (const step of plan.steps) {
      const isApplicant = step.action === 'submit';
      await fireTransition(tx, {
        definition: platformApplicationWorkflow,
        table: 'platform_applications',
        objectId: row.id,
        action: step.action,
        expectedVersion: version++,
        comment: step.comment ?? (step.action === 'approve' ? platform?.documentNo : undefined),
        context: isApplicant ? applicant : options.staffContext,
        isOwner: isApplicant,
        ownerEnterpriseId: enterpriseId,
        subject: row.name,
        link: null,
        extraAssignments:
          step.action === 'submit'
            ? [sql`submitted_on = ${submittedOn}`]
            : step.action === 'approve' && platform
              ? [
                  sql`result_platform_id = ${platform.id}`,
                  sql`document_no = ${platform.documentNo}`,
                  sql`recognized_on = ${plan.producedOn}`,
                  sql`approving_body = ${'山东省科学技术厅'}`,
                ]
              : [],
      });
    }
  }
}
