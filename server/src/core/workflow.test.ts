import { canActorFire, ROLES, type Role, WORKFLOWS, type WorkflowDefinition } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cultivationPoolEntries,
  enterprises,
  experts,
  hteApplications,
  hteBatches,
  planCalls,
  planCategories,
  planProjectChanges,
  planProjectProgressReports,
  planProjects,
  platformApplications,
  platformEvaluationRounds,
  platformEvaluations,
  platforms,
  platformTypes,
  policies,
  policyApplications,
  policyItems,
  policyPayouts,
  projectApplications,
  reviewRounds,
  serviceDepartments,
  serviceProblems,
  talentChannels,
  talentProgrammeRecords,
  talentProgrammes,
  talents,
  taskContracts,
  techContracts,
  techMatchings,
  techNeeds,
  techResults,
  workflowHistory,
} from '../db/schema';
import type { Database } from '../db/types';
import { nextCreditCode } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { fireTransition, type WorkflowTableName } from './workflow';

/** An enterprise row put straight into the table, in the given state. */
async function insertEnterprise(db: Database, name: string, status: string) {
  const [row] = await db
    .insert(enterprises)
    .values({ creditCode: nextCreditCode(), name, status, contactName: '测试', contactPhone: '13800000000' })
    .returning({ id: enterprises.id });
  return row;
}

/** How to put a record of each declared lifecycle into a given state; a new lifecycle must add one. */
const FIXTURES: Record<
  string,
  { table: WorkflowTableName; create(db: Database, state: string): Promise<number> }
> = {
  'enterprise-verification': {
    table: 'enterprises',
    create: async (db, state) => {
      const row = await insertEnterprise(db, '状态机测试企业', state);
      return row.id;
    },
  },
  'hte-application': {
    table: 'hte_applications',
    create: async (db, state) => {
      const enterprise = await insertEnterprise(db, '高企跟踪测试企业', 'verified');
      const [batch] = await db
        .insert(hteBatches)
        .values({ year: 2021, name: `测试批次${enterprise.id}`, submissionDeadline: '2021-06-30' })
        .returning({ id: hteBatches.id });
      const [row] = await db
        .insert(hteApplications)
        .values({ enterpriseId: enterprise.id, batchId: batch.id, year: 2021, status: state })
        .returning({ id: hteApplications.id });
      return row.id;
    },
  },
  'cultivation-pool': {
    table: 'cultivation_pool_entries',
    create: async (db, state) => {
      const enterprise = await insertEnterprise(db, '培育库状态机测试企业', 'verified');
      const [row] = await db
        .insert(cultivationPoolEntries)
        .values({ enterpriseId: enterprise.id, year: 2024, status: state, reason: '测试推荐' })
        .returning({ id: cultivationPoolEntries.id });
      return row.id;
    },
  },
  'project-application': {
    table: 'project_applications',
    create: async (db, state) => (await createProjectApplication(db, state)).applicationId,
  },
  'plan-call': {
    table: 'plan_calls',
    create: async (db, state) => {
      await createProjectApplication(db, 'draft');
      const [call] = await db
        .select()
        .from(planCalls)
        .where(eq(planCalls.id, sharedCallId ?? 0));
      const [row] = await db
        .insert(planCalls)
        .values({ ...call, id: undefined, status: state, title: '状态机测试申报通知（副本）' })
        .returning({ id: planCalls.id });
      return row.id;
    },
  },
  'plan-project': {
    table: 'plan_projects',
    create: async (db, state) => {
      const { projectId } = await createPlanProject(db, { status: state, title: '状态机测试项目' });
      return projectId;
    },
  },
  expert: {
    table: 'experts',
    create: async (db, state) => {
      const [row] = await db
        .insert(experts)
        .values({
          name: '状态机测试专家',
          title: '正高级',
          fields: ['it'],
          organisationName: '状态机测试大学',
          phone: '13800000000',
          status: state,
        })
        .returning({ id: experts.id });
      return row.id;
    },
  },
  'review-round': {
    table: 'review_rounds',
    create: async (db, state) => {
      const [row] = await db
        .insert(reviewRounds)
        .values({
          title: '状态机测试评审',
          subjectType: 'project-application',
          mode: 'online',
          rubric: { criteria: [], hasVote: false },
          reviewersPerItem: 3,
          loadCap: 5,
          deadline: new Date('2030-01-01T00:00:00Z'),
          status: state,
        })
        .returning({ id: reviewRounds.id });
      return row.id;
    },
  },
  'project-change': {
    table: 'plan_project_changes',
    create: async (db, state) => {
      const { projectId, enterpriseId } = await createPlanProject(db);
      const [row] = await db
        .insert(planProjectChanges)
        .values({ projectId, enterpriseId, kind: 'members', status: state, reason: '测试变更', details: {} })
        .returning({ id: planProjectChanges.id });
      return row.id;
    },
  },
  'project-progress-report': {
    table: 'plan_project_progress_reports',
    create: async (db, state) => {
      const { projectId, enterpriseId } = await createPlanProject(db);
      const [row] = await db
        .insert(planProjectProgressReports)
        .values({
          projectId,
          enterpriseId,
          periodNo: 1,
          periodStart: '2021-01-01',
          periodEnd: '2021-06-30',
          dueOn: '2021-07-01',
          status: state,
        })
        .returning({ id: planProjectProgressReports.id });
      return row.id;
    },
  },
  'task-contract': {
    table: 'task_contracts',
    create: async (db, state) => {
      const { projectId, enterpriseId } = await createPlanProject(db, {
        status: 'contracting',
        title: '任务书状态机测试项目',
      });
      const [row] = await db
        .insert(taskContracts)
        .values({ planProjectId: projectId, enterpriseId, status: state, content: {} })
        .returning({ id: taskContracts.id });
      return row.id;
    },
  },
  'tech-contract': { table: 'tech_contracts', create: createTechContract },
  'tech-need': { table: 'tech_needs', create: (db, state) => createTechNeed(db, state) },
  'tech-result': { table: 'tech_results', create: createTechResult },
  'tech-matching': { table: 'tech_matchings', create: createTechMatching },
  platform: {
    table: 'platforms',
    create: async (db, state) => {
      const [type] = await db.select({ id: platformTypes.id }).from(platformTypes).limit(1);
      const [row] = await db
        .insert(platforms)
        .values({
          name: '状态机测试平台',
          typeId: type.id,
          level: 'city',
          status: state,
          approvingBody: '济宁市科学技术局',
          documentNo: '济科字〔2020〕1号',
          recognizedOn: '2020-06-01',
          firstRecognizedOn: '2020-06-01',
        })
        .returning({ id: platforms.id });
      return row.id;
    },
  },
  'platform-application': {
    table: 'platform_applications',
    create: async (db, state) => {
      const enterprise = await insertEnterprise(db, '平台认定申请测试企业', 'verified');
      const [type] = await db.select({ id: platformTypes.id }).from(platformTypes).limit(1);
      const [row] = await db
        .insert(platformApplications)
        .values({
          enterpriseId: enterprise.id,
          typeId: type.id,
          level: 'city',
          name: '状态机测试众创空间',
          contactName: '测试',
          contactPhone: '13800000000',
          status: state,
        })
        .returning({ id: platformApplications.id });
      return row.id;
    },
  },
  'platform-evaluation-round': {
    table: 'platform_evaluation_rounds',
    create: async (db, state) => {
      const [round] = await createEvaluationRound(db, state);
      return round.id;
    },
  },
  'platform-evaluation': {
    table: 'platform_evaluations',
    create: async (db, state) => {
      const [round] = await createEvaluationRound(db, 'open');
      const platformId = await FIXTURES.platform.create(db, 'operating');
      const [row] = await db
        .insert(platformEvaluations)
        .values({ roundId: round.id, platformId, status: state })
        .returning({ id: platformEvaluations.id });
      return row.id;
    },
  },
  'service-problem': {
    table: 'service_problems',
    create: async (db, state) => {
      const [enterprise] = await db
        .insert(enterprises)
        .values({
          creditCode: nextCreditCode(),
          name: '问题台账状态机测试企业',
          status: 'verified',
          contactName: '测试',
          contactPhone: '13800000000',
        })
        .returning({ id: enterprises.id });
      const [department] = await db.select({ id: serviceDepartments.id }).from(serviceDepartments).limit(1);
      const [row] = await db
        .insert(serviceProblems)
        .values({
          status: state,
          source: 'visit',
          enterpriseId: enterprise.id,
          category: 'policy',
          description: '状态机测试问题',
          departmentId: department.id,
          assignedOn: '2021-06-01',
          limitDays: 7,
          dueOn: '2021-06-10',
        })
        .returning({ id: serviceProblems.id });
      return row.id;
    },
  },
  'talent-programme': {
    table: 'talent_programme_records',
    create: async (db, state) => {
      const [channel] = await db.select({ id: talentChannels.id }).from(talentChannels).limit(1);
      const [programme] = await db.select({ id: talentProgrammes.id }).from(talentProgrammes).limit(1);
      const [talent] = await db
        .insert(talents)
        .values({
          name: '状态机测试人才',
          gender: 'male',
          birthYear: 1985,
          origin: 'domestic',
          nationality: '中国',
          idType: 'id-card',
          idNumberCipher: 'sm4:00000000:AA==:AA==',
          idNumberDigest: `workflow-${state}-${Math.random()}`,
          idNumberMasked: '370811********0000',
          degree: 'doctor',
          field: '高端装备',
          arrivalDate: '2020-03-01',
          channelId: channel.id,
          employmentMode: 'fulltime',
        })
        .returning({ id: talents.id });
      const [row] = await db
        .insert(talentProgrammeRecords)
        .values({
          talentId: talent.id,
          programmeId: programme.id,
          year: 2020,
          nominatedOn: '2020-06-01',
          status: state,
        })
        .returning({ id: talentProgrammeRecords.id });
      return row.id;
    },
  },
  policy: {
    table: 'policies',
    create: async (db, state) => {
      const [row] = await db
        .insert(policies)
        .values({
          status: state as 'draft',
          title: '状态机测试政策',
          level: 'district',
          theme: 'cultivation',
          documentNo: '任政发〔2020〕99号',
          issuer: '任城区人民政府',
          writtenOn: '2020-03-01',
          publishedOn: '2020-03-02',
          effectiveFrom: '2020-03-02',
          fullText: '全文',
        })
        .returning({ id: policies.id });
      return row.id;
    },
  },
  'policy-payout': { table: 'policy_payouts', create: insertPayout },
  'policy-application': {
    table: 'policy_applications',
    create: async (db, state) => {
      const payoutId = await insertPayout(db, 'listed');
      const [payout] = await db.select().from(policyPayouts).where(eq(policyPayouts.id, payoutId));
      const [row] = await db
        .insert(policyApplications)
        .values({
          status: state as 'submitted',
          itemId: payout.itemId,
          year: 2020,
          enterpriseId: payout.enterpriseId,
          submittedOn: '2020-06-01',
          amountFen: 1_000_000,
          reasons: [],
          materials: [],
        })
        .returning({ id: policyApplications.id });
      return row.id;
    },
  },
};

/** An item of its own test policy, and an enterprise of its own, for each payout (one per item, year, enterprise). */
async function insertPayout(db: Database, state: string) {
  const policyId = await FIXTURES.policy.create(db, 'published');
  const [item] = await db
    .insert(policyItems)
    .values({
      policyId,
      position: 1,
      title: '状态机测试事项',
      type: 'award',
      beneficiaries: '测试企业',
      conditions: [],
      amount: { kind: 'fixed', amountFen: 1_000_000 },
      fulfilMode: 'no-application',
      fulfilDays: 20,
      department: '任城区科学技术局',
      contact: '0537-2968036',
    })
    .returning({ id: policyItems.id });
  const enterprise = await insertEnterprise(db, '兑现状态机测试企业', 'verified');
  const [row] = await db
    .insert(policyPayouts)
    .values({
      itemId: item.id,
      year: 2020,
      enterpriseId: enterprise.id,
      amountFen: 1_000_000,
      confirmedOn: '2020-12-15',
      reasons: [],
      status: state as 'listed',
    })
    .returning({ id: policyPayouts.id });
  return row.id;
}

let evaluationYear = 1900;
/** A round of its own year (one per type and year), so fixtures never collide. */
async function createEvaluationRound(db: Database, state: string) {
  const [type] = await db.select({ id: platformTypes.id }).from(platformTypes).limit(1);
  evaluationYear += 1;
  return db
    .insert(platformEvaluationRounds)
    .values({ typeId: type.id, year: evaluationYear, status: state })
    .returning({ id: platformEvaluationRounds.id });
}

/** A technology contract of its own seller in the given state of 认定登记. */
async function createTechContract(db: Database, state: string): Promise<number> {
  const creditCode = nextCreditCode();
  const [enterprise] = await db
    .insert(enterprises)
    .values({
      creditCode,
      name: '技术合同状态机测试企业',
      status: 'verified',
      contactName: '测试',
      contactPhone: '13800000000',
    })
    .returning({ id: enterprises.id });
  const [row] = await db
    .insert(techContracts)
    .values({
      enterpriseId: enterprise.id,
      status: state,
      title: '状态机测试技术合同',
      category: 'DEV_COMMISSIONED',
      sellerName: '技术合同状态机测试企业',
      sellerCreditCode: creditCode,
      buyerName: '测试买方',
      buyerRegionCode: '3708',
      signedOn: '2021-03-01',
      termStartOn: '2021-03-01',
      termEndOn: '2021-12-31',
      contractFen: 10_000_000,
      techFen: 10_000_000,
    })
    .returning({ id: techContracts.id });
  return row.id;
}

/** A technology need of its own enterprise in the given state. */
async function createTechNeed(db: Database, state: string): Promise<number> {
  const enterprise = await insertEnterprise(db, '技术需求状态机测试企业', 'verified');
  const [row] = await db
    .insert(techNeeds)
    .values({
      enterpriseId: enterprise.id,
      status: state,
      title: '状态机测试技术需求',
      field: 'new-materials',
      problem: '状态机测试用的需求描述',
      deadline: '2030-12-31',
      contactName: '测试',
      contactPhone: '13800000000',
      visibility: 'public',
    })
    .returning({ id: techNeeds.id });
  return row.id;
}

async function createTechResult(db: Database, state: string): Promise<number> {
  const [row] = await db
    .insert(techResults)
    .values({
      status: state,
      title: '状态机测试科技成果',
      field: 'new-materials',
      description: '状态机测试用的成果简介',
      trl: 5,
      ipKind: 'none',
      contactName: '测试',
      contactPhone: '13800000000',
    })
    .returning({ id: techResults.id });
  return row.id;
}

async function createTechMatching(db: Database, state: string): Promise<number> {
  const needId = await createTechNeed(db, 'published');
  const resultId = await createTechResult(db, 'published');
  const [row] = await db
    .insert(techMatchings)
    .values({ status: state, needId, resultId, source: 'manual' })
    .returning({ id: techMatchings.id });
  return row.id;
}

/** A running plan project to hang supervision records on. */
async function createPlanProject(
  db: Database,
  options: { status?: string; title?: string } = {},
): Promise<{ projectId: number; enterpriseId: number }> {
  const { applicationId, callId, enterpriseId } = await createProjectApplication(db, 'established');
  const [row] = await db
    .insert(planProjects)
    .values({
      applicationId,
      callId,
      enterpriseId,
      projectNo: `XM-TEST-${applicationId}`,
      title: options.title ?? '监督状态机测试项目',
      status: options.status ?? 'inProgress',
      approvedFen: 10_000_000,
      startOn: '2021-01-01',
      endOn: '2022-12-31',
    })
    .returning({ id: planProjects.id });
  return { projectId: row.id, enterpriseId };
}

let sharedCallId: number | null = null;
/** One call serves every fixture application; each gets its own enterprise (one application per call). */
async function createProjectApplication(db: Database, state: string) {
  if (sharedCallId === null) {
    const [category] = await db
      .insert(planCategories)
      .values({
        code: `wf-test-${Date.now()}`,
        name: '状态机测试计划',
        fundingMode: 'preFunding',
        level: 'district',
      })
      .returning({ id: planCategories.id });
    const [call] = await db
      .insert(planCalls)
      .values({
        categoryId: category.id,
        year: 2021,
        title: '状态机测试申报通知',
        status: 'published',
        opensAt: new Date('2021-03-01T00:00:00+08:00'),
        closesAt: new Date('2021-04-30T17:00:00+08:00'),
      })
      .returning({ id: planCalls.id });
    sharedCallId = call.id;
  }
  const enterprise = await insertEnterprise(db, '项目申报状态机测试企业', 'verified');
  const [row] = await db
    .insert(projectApplications)
    .values({
      callId: sharedCallId,
      enterpriseId: enterprise.id,
      year: 2021,
      status: state,
      title: '测试申报',
    })
    .returning({ id: projectApplications.id });
  return { applicationId: row.id, callId: sharedCallId, enterpriseId: enterprise.id };
}

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

function contextFor(role: Role, enterpriseId: number | null): RequestContext {
  return {
    actor: { userId: 1, username: `${role}-tester`, displayName: '测试人', role, enterpriseId },
    ip: '127.0.0.1',
    requestId: 'workflow-test',
    language: 'zh-CN',
  };
}

describe.each(WORKFLOWS.map((definition) => [definition.name, definition as WorkflowDefinition] as const))(
  'lifecycle %s',
  (name, definition) => {
    it('has a fixture, reachable states and transitions into declared states', () => {
      expect(FIXTURES[name], `add a fixture for ${name}`).toBeDefined();
      const states = Object.keys(definition.states);
      expect(states).toContain(definition.initial);
      for (const transition of definition.transitions) {
        expect(states).toContain(transition.to);
        for (const from of transition.from) expect(states).toContain(from);
      }
      const reachable = new Set([definition.initial]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const transition of definition.transitions) {
          if (transition.from.some((from) => reachable.has(from)) && !reachable.has(transition.to)) {
            reachable.add(transition.to);
            changed = true;
          }
        }
      }
      expect([...reachable].sort()).toEqual(states.sort());
    });

    it('walks every state × action × role (owner and not) and does exactly what the table says', async () => {
      const fixture = FIXTURES[name];
      const actions = [
        ...new Set(definition.transitions.map((transition) => transition.action)),
        'no-such-action',
      ];
      const mismatches: string[] = [];
      for (const state of Object.keys(definition.states)) {
        for (const action of actions) {
          for (const role of ROLES) {
            for (const isOwner of [true, false]) {
              const objectId = await fixture.create(test.db, state);
              const transition = definition.transitions.find((item) => item.action === action);
              const shouldMove = Boolean(
                transition?.from.includes(state) && canActorFire(transition, { role, isOwner }),
              );
              let outcome: string;
              try {
                await test.db.transaction((tx) =>
                  fireTransition(tx, {
                    definition,
                    table: fixture.table,
                    objectId,
                    action,
                    expectedVersion: 1,
                    comment: '测试意见',
                    context: contextFor(role, isOwner ? objectId : null),
                    isOwner,
                    ownerEnterpriseId: null,
                    subject: '测试',
                    link: null,
                  }),
                );
                outcome = 'moved';
              } catch (error) {
                outcome =
                  error instanceof AppError ? `refused ${error.statusCode}` : `crashed ${String(error)}`;
              }
              const [row] = await test.db
                .execute(
                  sql`select status, version from ${sql.identifier(fixture.table)} where id = ${objectId}`,
                )
                .then(
                  (result) => (result as unknown as { rows: { status: string; version: number }[] }).rows,
                );
              const expectedState = shouldMove ? transition!.to : state;
              if (
                (outcome === 'moved') !== shouldMove ||
                row.status !== expectedState ||
                Number(row.version) !== (shouldMove ? 2 : 1)
              ) {
                mismatches.push(
                  `${state} --${action}--> as ${role}${isOwner ? ' (owner)' : ''}: ${outcome}, now ${row.status}`,
                );
              }
              const history = await test.db
                .select()
                .from(workflowHistory)
                .where(eq(workflowHistory.objectId, objectId));
              if (history.filter((entry) => entry.workflow === name).length !== (shouldMove ? 1 : 0))
                mismatches.push(`history of ${state} ${action} ${role}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 300_000);

    it('refuses a stale version with 409 and an outsider with 403 that says what was refused', async () => {
      const fixture = FIXTURES[name];
      const transition = definition.transitions[0];
      const objectId = await fixture.create(test.db, transition.from[0]);
      const fire = (expectedVersion: number, asRole: Role) =>
        test.db.transaction((tx) =>
          fireTransition(tx, {
            definition,
            table: fixture.table,
            objectId,
            action: transition.action,
            expectedVersion,
            comment: '意见',
            context: contextFor(asRole, objectId),
            isOwner: true,
            ownerEnterpriseId: null,
            subject: '测试',
            link: null,
          }),
        );
      await expect(fire(7, transition.roles[0])).rejects.toMatchObject({ statusCode: 409 });
      const outsider = ROLES.find((candidate) => !transition.roles.includes(candidate))!;
      await expect(fire(1, outsider)).rejects.toMatchObject({
        statusCode: 403,
        audit: { event: `${name}.${transition.action}`, objectId },
      });
    });
  },
);
