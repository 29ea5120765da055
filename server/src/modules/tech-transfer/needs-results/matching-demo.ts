import { techMatchingWorkflow } from '@kechuang/domain';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DemoContext } from '../../../core/module';
import type { Transaction } from '../../../db/connection';
import {
  enterprises,
  experts,
  techEventSignups,
  techEvents,
  techInstitutions,
  techMatchings,
  techNeeds,
  techResults,
  workflowHistory,
} from '../../../db/schema';
import { createRandom } from '../../../demo/random';
import { DEMO_EVENTS, DEMO_INSTITUTIONS, DEMO_NEEDS, DEMO_RESULTS } from './matching-demo-content';
import { indexRecord, readIndexedTerms, regionOfCreditCode, syncExpertIndex } from './matching-index';
import { rankCandidates } from './suggestions-service';

const DAY = 86_400_000;
const WAN = 1_000_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type Actor = { id: number | null; name: string; role: string };

async function writeHistory(
  tx: Transaction,
  workflow: string,
  objectId: number,
  steps: { action: string; from: string | null; to: string; actor: Actor; comment?: string; at: Date }[],
) {
  await tx.insert(workflowHistory).values(
    steps.map((step) => ({
      workflow,
      objectId,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: step.actor.id,
      actorName: step.actor.name,
      actorRole: step.actor.role,
      comment: step.comment ?? null,
      createdAt: step.at,
    })),
  );
}

/**
 * The demo's 产学研对接: the visiting institutes and their results, needs of enterprises in the
 * district's four lead industries (two of them for matched parties only), the suggested pairs made
 * into 对接 records at each stage, and three events with 省科学院, 省农科院 and 市产业技术研究院.
 * Deterministic: the same enterprises, ids and stages on every load.
 */
export async function seedTechMatchingDemo(context: DemoContext): Promise<void> {
  const { db: tx, today } = context;
  const random = createRandom(20260613);
  const staffUser = context.staff[0];
  const staff: Actor = { id: staffUser?.id ?? null, name: staffUser?.displayName ?? '系统', role: 'staff' };
  const daysAgo = (days: number) => new Date(today.getTime() - days * DAY);

  const institutions = await tx
    .insert(techInstitutions)
    .values(DEMO_INSTITUTIONS.map((institution) => ({ ...institution, contactName: '成果转化办公室' })))
    .returning({
      id: techInstitutions.id,
      name: techInstitutions.name,
      regionCode: techInstitutions.regionCode,
    });
  const institutionByName = new Map(institutions.map((row) => [row.name, row]));

  const resultIds: { id: number; industry: string }[] = [];
  for (const [index, result] of DEMO_RESULTS.entries()) {
    const institution = institutionByName.get(result.institution);
    const publishedAt = daysAgo(200 - index * 9);
    const [row] = await tx
      .insert(techResults)
      .values({
        status: 'published',
        institutionId: institution?.id ?? null,
        createdBy: staff.id,
        title: result.title,
        field: result.field,
        industry: result.industry,
        description: result.description,
        trl: result.trl,
        ipKind: result.ipKind,
        modes: result.modes,
        priceMinFen: result.priceWan ? result.priceWan[0] * WAN : null,
        priceMaxFen: result.priceWan ? result.priceWan[1] * WAN : null,
        keywords: result.keywords,
        contactName: '成果转化办公室',
        contactPhone: `0531-8260${String(5000 + index).padStart(4, '0')}`,
        publishedAt,
        createdAt: daysAgo(205 - index * 9),
      })
      .returning({ id: techResults.id, version: techResults.version });
    await indexRecord(tx, {
      kind: 'result',
      recordId: row.id,
      version: row.version,
      source: { title: result.title, description: result.description, keywords: result.keywords },
      profile: {
        field: result.field,
        industries: [result.industry],
        regionCode: institution?.regionCode ?? null,
      },
    });
    await writeHistory(tx, 'tech-result', row.id, [
      { action: 'create', from: null, to: 'pending', actor: staff, at: daysAgo(205 - index * 9) },
      { action: 'publish', from: 'pending', to: 'published', actor: staff, at: publishedAt },
    ]);
    resultIds.push({ id: row.id, industry: result.industry });
  }

  // Two experts of the pool post results of their own: one published, one waiting for review.
  const expertRows = await tx
    .select({
      id: experts.id,
      name: experts.name,
      userId: experts.userId,
      creditCode: experts.organisationCreditCode,
    })
    .from(experts)
    .where(and(eq(experts.status, 'active'), isNotNull(experts.userId)))
    .orderBy(experts.id)
    .limit(2);
  for (const [index, expert] of expertRows.entries()) {
    const status = index === 0 ? 'published' : 'pending';
    const result = {
      title: index === 0 ? '精细化工废水催化氧化处理技术' : '食品加工副产物高值化利用技术',
      description:
        index === 0
          ? '非均相催化氧化处理高盐难降解精细化工废水，COD去除率90%以上。'
          : '果渣、麸皮等副产物提取膳食纤维和功能性多糖。',
      keywords: index === 0 ? ['废水', '催化氧化', '催化剂'] : ['副产物', '膳食纤维'],
      field: 'resources-environment',
      industry: index === 0 ? 'fine-chemicals' : 'food-medicine',
    };
    const [row] = await tx
      .insert(techResults)
      .values({
        status,
        expertId: expert.id,
        createdBy: expert.userId,
        ...result,
        trl: 5 + index,
        ipKind: 'invention-patent',
        modes: ['license', 'cooperation'],
        contactName: expert.name,
        contactPhone: '13906370000',
        publishedAt: status === 'published' ? daysAgo(60) : null,
        createdAt: daysAgo(70 - index * 60),
      })
      .returning({ id: techResults.id, version: techResults.version });
    await indexRecord(tx, {
      kind: 'result',
      recordId: row.id,
      version: row.version,
      source: result,
      profile: {
        field: result.field,
        industries: [result.industry],
        regionCode: regionOfCreditCode(expert.creditCode),
      },
    });
    const author: Actor = { id: expert.userId, name: expert.name, role: 'expert' };
    await writeHistory(tx, 'tech-result', row.id, [
      { action: 'create', from: null, to: 'pending', actor: author, at: daysAgo(70 - index * 60) },
      ...(status === 'published'
        ? [{ action: 'publish', from: 'pending', to: 'published', actor: staff, at: daysAgo(60) }]
        : []),
    ]);
    if (status === 'published') resultIds.push({ id: row.id, industry: result.industry });
  }

  // Needs: each from an enterprise of its industry; the last two of the list wait for review / were sent back.
  const demoEnterprises = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      industry: enterprises.industry,
    })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        context.enterprises.slice(0, 2000).map((enterprise) => enterprise.id),
      ),
    )
    .orderBy(enterprises.id);
  const needs: { id: number; enterpriseId: number; industry: string; status: string }[] = [];
  const needSpecs = [
    ...DEMO_NEEDS.map((need) => ({ ...need, status: 'published' })),
    { ...DEMO_NEEDS[0], title: '高选择性加氢工艺开发', status: 'pending' },
    { ...DEMO_NEEDS[6], title: '设备预测性维护', status: 'rejected' },
  ];
  for (const [index, need] of needSpecs.entries()) {
    const candidates = demoEnterprises.filter((enterprise) => enterprise.industry === need.industry);
    const enterprise = candidates.length
      ? random.pick(candidates)
      : demoEnterprises[index % demoEnterprises.length];
    if (!enterprise) break;
    const createdAt = daysAgo(150 - index * 8);
    const [row] = await tx
      .insert(techNeeds)
      .values({
        enterpriseId: enterprise.id,
        status: need.status,
        title: need.title,
        field: need.field,
        industry: need.industry,
        problem: need.problem,
        budgetFen: need.budgetWan === null ? null : need.budgetWan * WAN,
        deadline: isoDate(new Date(today.getTime() + (90 + index * 10) * DAY)),
        contactName: '技术部',
        contactPhone: `1380537${String(1000 + index).padStart(4, '0')}`,
        keywords: need.keywords,
        visibility: need.visibility,
        rejectReason: need.status === 'rejected' ? '请补充设备数量、品牌和量化的维护目标' : null,
        publishedAt: need.status === 'published' ? new Date(createdAt.getTime() + 2 * DAY) : null,
        createdAt,
      })
      .returning({ id: techNeeds.id, version: techNeeds.version });
    await indexRecord(tx, {
      kind: 'need',
      recordId: row.id,
      version: row.version,
      source: { title: need.title, description: need.problem, keywords: need.keywords },
      profile: {
        field: need.field,
        industries: [need.industry],
        regionCode: regionOfCreditCode(enterprise.creditCode),
      },
    });
    const owner: Actor = { id: null, name: enterprise.name, role: 'enterprise' };
    await writeHistory(tx, 'tech-need', row.id, [
      { action: 'create', from: null, to: 'pending', actor: owner, at: createdAt },
      ...(need.status === 'published'
        ? [
            {
              action: 'publish',
              from: 'pending',
              to: 'published',
              actor: staff,
              at: new Date(createdAt.getTime() + 2 * DAY),
            },
          ]
        : need.status === 'rejected'
          ? [
              {
                action: 'reject',
                from: 'pending',
                to: 'rejected',
                actor: staff,
                comment: '请补充设备数量、品牌和量化的维护目标',
                at: new Date(createdAt.getTime() + DAY),
              },
            ]
          : []),
    ]);
    needs.push({ id: row.id, enterpriseId: enterprise.id, industry: need.industry, status: need.status });
  }

  // The expert pool is indexed now, so the first suggestion of the day does not pay for it.
  await syncExpertIndex(tx);
  const events = await seedEvents(tx, { context, needs, resultIds, institutionByName, daysAgo });

  // Each published need's best suggestion becomes a 对接 record, at stages from introduced to signed.
  const stages = ['signed', 'agreement', 'met', 'introduced', 'met', 'introduced', 'agreement', 'ended'];
  const path = ['introduced', 'met', 'agreement', 'signed'];
  const actions: Record<string, string> = { met: 'meet', agreement: 'agree', signed: 'sign' };
  for (const [index, need] of needs.filter((entry) => entry.status === 'published').entries()) {
    const query = await readIndexedTerms(tx, 'need', need.id);
    if (!query) continue;
    const { ranked } = await rankCandidates(tx, {
      query,
      kind: 'result',
      table: sql`tech_results`,
      eligible: sql`r.status = 'published'`,
      limit: 1,
      language: 'zh-CN',
    });
    const best = ranked[0];
    if (!best) continue;
    const status = stages[index % stages.length];
    const event = events.find((entry) => entry.industries.includes(need.industry) && entry.isPast);
    const createdAt = daysAgo(100 - index * 5);
    const [row] = await tx
      .insert(techMatchings)
      .values({
        status,
        needId: need.id,
        resultId: best.recordId,
        eventId: event?.id ?? null,
        source: event ? 'event' : 'suggested',
        score: best.score,
        reason: best.reason,
        note: event ? '对接会现场洽谈' : '科技局依据推荐结果组织对接',
        createdBy: staff.id,
        createdAt,
        version: 1 + Math.max(0, path.indexOf(status)) + (status === 'ended' ? 1 : 0),
      })
      .returning({ id: techMatchings.id });
    const steps: Parameters<typeof writeHistory>[3] = [
      {
        action: 'create',
        from: null,
        to: techMatchingWorkflow.initial,
        actor: staff,
        comment: best.reason,
        at: createdAt,
      },
    ];
    const reached = status === 'ended' ? 1 : path.indexOf(status);
    for (let step = 1; step <= reached; step++) {
      steps.push({
        action: actions[path[step]],
        from: path[step - 1],
        to: path[step],
        actor: staff,
        at: new Date(createdAt.getTime() + step * 12 * DAY),
      });
    }
    if (status === 'ended')
      steps.push({
        action: 'end',
        from: 'met',
        to: 'ended',
        actor: staff,
        comment: '双方报价差距较大，暂不合作',
        at: new Date(createdAt.getTime() + 30 * DAY),
      });
    await writeHistory(tx, 'tech-matching', row.id, steps);
  }
}

async function seedEvents(
  tx: Transaction,
  options: {
    context: DemoContext;
    needs: { id: number; enterpriseId: number; industry: string; status: string }[];
    resultIds: { id: number; industry: string }[];
    institutionByName: Map<string, { id: number }>;
    daysAgo: (days: number) => Date;
  },
) {
  const created: { id: number; industries: readonly string[]; isPast: boolean }[] = [];
  const random = createRandom(20260614);
  for (const event of DEMO_EVENTS) {
    const industries: readonly string[] = event.industries;
    const heldOn = options.daysAgo(-event.daysFromToday);
    const needIds = options.needs
      .filter((need) => need.status === 'published' && industries.includes(need.industry))
      .map((need) => need.id);
    const resultIds = options.resultIds
      .filter((result) => industries.includes(result.industry))
      .map((result) => result.id);
    const [row] = await tx
      .insert(techEvents)
      .values({
        title: event.title,
        kind: event.kind,
        heldOn: isoDate(heldOn),
        venue: event.venue,
        organiser: event.organiser,
        capacity: event.capacity,
        signupDeadline: isoDate(new Date(heldOn.getTime() - 3 * DAY)),
        guests: event.guests.map((guest) => ({
          ...guest,
          institutionId: options.institutionByName.get(guest.name)?.id ?? null,
        })),
        agenda: [
          { time: '09:00', title: '领导致辞与院所成果集中推介', stage: 'plenary' },
          { time: '10:30', title: '企业技术需求发布', stage: 'plenary' },
          { time: '13:30', title: '一对一对接洽谈', stage: 'one-to-one' },
          { time: '15:30', title: '走访重点企业', stage: 'visit' },
        ],
        needIds,
        resultIds,
      })
      .returning({ id: techEvents.id });
    const isPast = event.daysFromToday < 0;
    const attendees = options.context.enterprises.filter((enterprise) =>
      industries.includes(enterprise.industry),
    );
    const count = Math.min(attendees.length, Math.floor(event.capacity * (isPast ? 0.8 : 0.4)));
    const chosen = new Set<number>(
      options.needs.filter((need) => needIds.includes(need.id)).map((need) => need.enterpriseId),
    );
    for (const enterprise of attendees) {
      if (chosen.size >= count) break;
      if (random.chance(0.3)) chosen.add(enterprise.id);
    }
    if (chosen.size > 0) {
      await tx.insert(techEventSignups).values(
        [...chosen].slice(0, event.capacity).map((enterpriseId) => ({
          eventId: row.id,
          enterpriseId,
          contactName: '技术负责人',
          contactPhone: '13805370000',
          attendees: random.integer(1, 3),
          attended: isPast ? random.chance(0.85) : null,
        })),
      );
    }
    created.push({ id: row.id, industries, isPast });
  }
  return created;
}
