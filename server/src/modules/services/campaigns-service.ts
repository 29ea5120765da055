import type { ServiceCampaign, ServiceCampaignInput, ServiceVisitInput } from '@kechuang/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import type { Database, Executor, Transaction } from '../../db/connection';
import {
  enterprises,
  serviceCampaigns,
  serviceCampaignTargets,
  serviceProblems,
  serviceVisits,
} from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';
import { insertProblems } from './problems-service';
import { actorOf, fieldError } from './shared';

type CampaignRow = typeof serviceCampaigns.$inferSelect;

/** The campaign with its progress: targets visited / planned, by team and street. */
async function toCampaign(executor: Executor, row: CampaignRow): Promise<ServiceCampaign> {
  const progress = await executor
    .select({
      team: serviceCampaignTargets.team,
      street: enterprises.street,
      planned: sql<number>`count(*)::int`,
      visited: sql<number>`count(*) filter (where exists (select 1 from ${serviceVisits} v where v.campaign_id = ${row.id} and v.enterprise_id = ${serviceCampaignTargets.enterpriseId}))::int`,
    })
    .from(serviceCampaignTargets)
    .innerJoin(enterprises, eq(enterprises.id, serviceCampaignTargets.enterpriseId))
    .where(eq(serviceCampaignTargets.campaignId, row.id))
    .groupBy(serviceCampaignTargets.team, enterprises.street)
    .orderBy(asc(serviceCampaignTargets.team), asc(enterprises.street));
  const [visited] = await executor
    .select({ count: sql<number>`count(distinct ${serviceVisits.enterpriseId})::int` })
    .from(serviceVisits)
    .where(eq(serviceVisits.campaignId, row.id));
  const [problems] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(serviceProblems)
    .innerJoin(serviceVisits, eq(serviceVisits.id, serviceProblems.visitId))
    .where(eq(serviceVisits.campaignId, row.id));
  return {
    id: row.id,
    name: row.name,
    slogan: row.slogan,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    planned: progress.reduce((sum, line) => sum + Number(line.planned), 0),
    visited: Number(visited.count),
    problems: Number(problems.count),
    progress: progress.map((line) => ({
      ...line,
      planned: Number(line.planned),
      visited: Number(line.visited),
    })),
    version: row.version,
  };
}

async function checkEnterprises(executor: Executor, ids: number[], path: string, context: RequestContext) {
  if (ids.length === 0) return;
  const found = new Set(
    (await executor.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, ids))).map(
      (row) => row.id,
    ),
  );
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    const error = fieldError('enterpriseId', SERVICES_MESSAGES.unknownEnterprise, context.language);
    error.details[0].path = path.replace('#', String(missing));
    throw error;
  }
}

export async function insertCampaign(tx: Transaction, input: ServiceCampaignInput, context: RequestContext) {
  await checkEnterprises(
    tx,
    input.targets.map((target) => target.enterpriseId),
    'targets.#.enterpriseId',
    context,
  );
  const { targets, ...fields } = input;
  const [row] = await tx.insert(serviceCampaigns).values(fields).returning();
  if (targets.length > 0)
    await tx
      .insert(serviceCampaignTargets)
      .values(targets.map((target) => ({ ...target, campaignId: row.id })));
  await recordAudit(tx, context, {
    event: 'service-campaign.create',
    objectType: 'service_campaigns',
    objectId: row.id,
    after: { name: row.name, targets: targets.length },
  });
  return row;
}

export async function createCampaign(
  db: Database,
  options: { input: ServiceCampaignInput; context: RequestContext },
) {
  actorOf(options.context);
  return db.transaction(async (tx) =>
    toCampaign(tx, await insertCampaign(tx, options.input, options.context)),
  );
}

export async function listCampaigns(db: Database) {
  const rows = await db
    .select()
    .from(serviceCampaigns)
    .orderBy(desc(serviceCampaigns.startsOn), desc(serviceCampaigns.id));
  return { items: await Promise.all(rows.map((row) => toCampaign(db, row))) };
}

export async function readCampaign(db: Database, options: { actor: Actor; id: number }) {
  const [row] = await db.select().from(serviceCampaigns).where(eq(serviceCampaigns.id, options.id));
  if (!row) throw notFound();
  return toCampaign(db, row);
}

/** A visit and the tickets of the problems found, inside the caller's transaction. */
export async function insertVisit(tx: Transaction, input: ServiceVisitInput, context: RequestContext) {
  const { language } = context;
  const [campaign] = await tx
    .select()
    .from(serviceCampaigns)
    .where(eq(serviceCampaigns.id, input.campaignId));
  if (!campaign) throw fieldError('campaignId', SERVICES_MESSAGES.unknownCampaign, language);
  if (input.visitedOn < campaign.startsOn || input.visitedOn > campaign.endsOn)
    throw fieldError('visitedOn', SERVICES_MESSAGES.visitOutsideCampaign, language);
  const [target] = await tx
    .select({ id: serviceCampaignTargets.id })
    .from(serviceCampaignTargets)
    .where(
      and(
        eq(serviceCampaignTargets.campaignId, campaign.id),
        eq(serviceCampaignTargets.enterpriseId, input.enterpriseId),
      ),
    );
  if (!target) throw fieldError('enterpriseId', SERVICES_MESSAGES.notATarget, language);
  const { problems, ...fields } = input;
  const [row] = await tx.insert(serviceVisits).values(fields).returning();
  const problemIds = await insertProblems(tx, {
    problems,
    enterpriseId: input.enterpriseId,
    visitId: row.id,
    source: 'visit',
    assignedOn: input.visitedOn,
    context,
  });
  await recordAudit(tx, context, {
    event: 'service-visit.create',
    objectType: 'service_visits',
    objectId: row.id,
    after: { campaignId: campaign.id, enterpriseId: input.enterpriseId, problemIds },
  });
  return row;
}

export async function recordVisit(
  db: Database,
  options: { input: ServiceVisitInput; context: RequestContext },
) {
  actorOf(options.context);
  return db.transaction(async (tx) => {
    const row = await insertVisit(tx, options.input, options.context);
    const page = await listVisitRows(tx, sql`${serviceVisits.id} = ${row.id}`, 1, 1);
    return page.items[0];
  });
}

async function listVisitRows(
  executor: Executor,
  where: ReturnType<typeof sql> | undefined,
  page: number,
  pageSize: number,
) {
  const [rows, [counted]] = await Promise.all([
    executor
      .select({
        visit: serviceVisits,
        enterpriseName: enterprises.name,
        street: enterprises.street,
        kind: serviceCampaignTargets.kind,
        problemCount: sql<number>`(select count(*) from ${serviceProblems} p where p.visit_id = ${serviceVisits.id})::int`,
      })
      .from(serviceVisits)
      .innerJoin(enterprises, eq(enterprises.id, serviceVisits.enterpriseId))
      .leftJoin(
        serviceCampaignTargets,
        and(
          eq(serviceCampaignTargets.campaignId, serviceVisits.campaignId),
          eq(serviceCampaignTargets.enterpriseId, serviceVisits.enterpriseId),
        ),
      )
      .where(where)
      .orderBy(desc(serviceVisits.visitedOn), desc(serviceVisits.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(serviceVisits).where(where),
  ]);
  return {
    items: rows.map(({ visit, enterpriseName, street, kind, problemCount }) => ({
      id: visit.id,
      campaignId: visit.campaignId,
      enterpriseId: visit.enterpriseId,
      enterpriseName,
      kind: kind as 'enterprise' | 'platform' | 'institute' | null,
      street,
      visitedOn: visit.visitedOn,
      team: visit.team,
      visitors: visit.visitors,
      met: visit.met,
      findings: visit.findings,
      suggestions: visit.suggestions,
      problemCount: Number(problemCount),
    })),
    total: Number(counted.total),
    page,
    pageSize,
  };
}

export async function listVisits(
  db: Database,
  options: { actor: Actor; query: { page: number; pageSize: number; campaignId?: number } },
) {
  const { query } = options;
  const where = query.campaignId ? sql`${serviceVisits.campaignId} = ${query.campaignId}` : undefined;
  return listVisitRows(db, where, query.page, query.pageSize);
}
