import type {
  ServiceEventFigures,
  ServiceProblemFigures,
  ServiceStatistics,
  ServiceStatisticsQuery,
} from '@kechuang/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection';
import {
  serviceBoardQuestions,
  serviceCampaigns,
  serviceCampaignTargets,
  serviceDepartments,
  serviceEventSignups,
  serviceEvents,
  serviceEventTypes,
  serviceProblems,
  serviceVisits,
} from '../../db/schema';

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const rounded = (value: number | string | null) =>
  value === null ? null : Math.round(Number(value) * 100) / 100;

/** The figures of a group of events, from the sums the query gives. */
const eventColumns = {
  events: sql<number>`count(distinct ${serviceEvents.id})::int`,
  signedUp: sql<number>`coalesce(sum(${serviceEventSignups.people}) filter (where not ${serviceEventSignups.walkIn}), 0)::int`,
  attended: sql<number>`coalesce(sum(${serviceEventSignups.people}) filter (where not ${serviceEventSignups.walkIn} and ${serviceEventSignups.checkedInAt} is not null), 0)::int`,
  walkIns: sql<number>`coalesce(sum(${serviceEventSignups.people}) filter (where ${serviceEventSignups.walkIn}), 0)::int`,
  satisfaction: sql<string | null>`avg(${serviceEventSignups.satisfaction})`,
  feedbacks: sql<number>`count(${serviceEventSignups.satisfaction})::int`,
};

function eventFigures(row: {
  events: number;
  signedUp: number;
  attended: number;
  walkIns: number;
  satisfaction: string | null;
  feedbacks: number;
}): ServiceEventFigures {
  return {
    events: Number(row.events),
    signedUp: Number(row.signedUp),
    attended: Number(row.attended),
    walkIns: Number(row.walkIns),
    attendanceRate: ratio(Number(row.attended), Number(row.signedUp)),
    satisfaction: rounded(row.satisfaction),
    feedbacks: Number(row.feedbacks),
  };
}

const problemColumns = {
  total: sql<number>`count(*)::int`,
  closed: sql<number>`count(*) filter (where ${serviceProblems.closedOn} is not null)::int`,
  closedOnTime: sql<number>`count(*) filter (where ${serviceProblems.closedOn} <= ${serviceProblems.dueOn})::int`,
  daysToClose: sql<
    string | null
  >`avg(${serviceProblems.closedOn} - ${serviceProblems.assignedOn}) filter (where ${serviceProblems.closedOn} is not null)`,
  reopened: sql<number>`count(*) filter (where ${serviceProblems.reopenCount} > 0)::int`,
};

function problemFigures(row: {
  total: number;
  closed: number;
  closedOnTime: number;
  daysToClose: string | null;
  reopened: number;
}): ServiceProblemFigures {
  return {
    total: Number(row.total),
    closed: Number(row.closed),
    closedOnTime: Number(row.closedOnTime),
    onTimeRate: ratio(Number(row.closedOnTime), Number(row.closed)),
    averageDaysToClose: rounded(row.daysToClose),
    reopened: Number(row.reopened),
    reopenRate: ratio(Number(row.reopened), Number(row.total)),
  };
}

/**
 * 科技服务 statistics computed from the records: events by type and year with sign-ups, attendance
 * and satisfaction; visits by campaign and kind of organisation against the target list; tickets
 * by category, department and state with the on-time rate, the mean days to 销号 and the reopen rate.
 * With a year, events count by their day, visits by theirs, tickets by their 交办 day, and the
 * campaigns are those running in that year.
 */
export async function readServiceStatistics(
  executor: Executor,
  query: ServiceStatisticsQuery,
): Promise<ServiceStatistics> {
  const year = query.year ?? null;
  const inYear = (column: AnyPgColumn) =>
    year === null ? undefined : sql`extract(year from ${column}) = ${year}`;
  const eventYear = sql<number>`extract(year from ${serviceEvents.heldOn})::int`;
  const [eventTotals] = await executor
    .select(eventColumns)
    .from(serviceEvents)
    .leftJoin(serviceEventSignups, eq(serviceEventSignups.eventId, serviceEvents.id))
    .where(inYear(serviceEvents.heldOn));
  const byTypeAndYear = await executor
    .select({
      ...eventColumns,
      year: eventYear,
      typeId: serviceEventTypes.id,
      typeName: serviceEventTypes.name,
    })
    .from(serviceEvents)
    .innerJoin(serviceEventTypes, eq(serviceEventTypes.id, serviceEvents.typeId))
    .leftJoin(serviceEventSignups, eq(serviceEventSignups.eventId, serviceEvents.id))
    .where(inYear(serviceEvents.heldOn))
    .groupBy(eventYear, serviceEventTypes.id, serviceEventTypes.name, serviceEventTypes.sortOrder)
    .orderBy(eventYear, asc(serviceEventTypes.sortOrder));

  const visitInYear = year === null ? sql`` : sql` and extract(year from v.visited_on) = ${year}`;
  const campaignInYear =
    year === null
      ? undefined
      : sql`extract(year from ${serviceCampaigns.startsOn}) <= ${year} and extract(year from ${serviceCampaigns.endsOn}) >= ${year}`;
  const byCampaignAndKind = await executor
    .select({
      campaignId: serviceCampaigns.id,
      campaignName: serviceCampaigns.name,
      kind: serviceCampaignTargets.kind,
      planned: sql<number>`count(*)::int`,
      visited: sql<number>`count(*) filter (where exists (select 1 from ${serviceVisits} v where v.campaign_id = ${serviceCampaigns.id} and v.enterprise_id = ${serviceCampaignTargets.enterpriseId}${visitInYear}))::int`,
      visits: sql<number>`coalesce(sum((select count(*) from ${serviceVisits} v where v.campaign_id = ${serviceCampaigns.id} and v.enterprise_id = ${serviceCampaignTargets.enterpriseId}${visitInYear})), 0)::int`,
      problems: sql<number>`coalesce(sum((select count(*) from ${serviceProblems} p join ${serviceVisits} v on v.id = p.visit_id where v.campaign_id = ${serviceCampaigns.id} and v.enterprise_id = ${serviceCampaignTargets.enterpriseId}${visitInYear})), 0)::int`,
    })
    .from(serviceCampaignTargets)
    .innerJoin(serviceCampaigns, eq(serviceCampaigns.id, serviceCampaignTargets.campaignId))
    .where(campaignInYear)
    .groupBy(serviceCampaigns.id, serviceCampaigns.name, serviceCampaignTargets.kind)
    .orderBy(asc(serviceCampaigns.startsOn), asc(serviceCampaigns.id), asc(serviceCampaignTargets.kind));

  const problemWhere = inYear(serviceProblems.assignedOn);
  const [problemTotals] = await executor.select(problemColumns).from(serviceProblems).where(problemWhere);
  const byCategory = await executor
    .select({ ...problemColumns, category: serviceProblems.category })
    .from(serviceProblems)
    .where(problemWhere)
    .groupBy(serviceProblems.category)
    .orderBy(asc(serviceProblems.category));
  const byDepartment = await executor
    .select({
      ...problemColumns,
      departmentId: serviceDepartments.id,
      departmentName: serviceDepartments.name,
    })
    .from(serviceProblems)
    .innerJoin(serviceDepartments, eq(serviceDepartments.id, serviceProblems.departmentId))
    .where(problemWhere)
    .groupBy(serviceDepartments.id, serviceDepartments.name, serviceDepartments.sortOrder)
    .orderBy(asc(serviceDepartments.sortOrder), asc(serviceDepartments.id));
  const byStatus = await executor
    .select({ ...problemColumns, status: serviceProblems.status })
    .from(serviceProblems)
    .where(problemWhere)
    .groupBy(serviceProblems.status)
    .orderBy(asc(serviceProblems.status));

  const questionYear = sql<number>`extract(year from ${serviceBoardQuestions.createdAt})::int`;
  const questionsByYear = await executor
    .select({
      year: questionYear,
      asked: sql<number>`count(*)::int`,
      answered: sql<number>`count(*) filter (where ${serviceBoardQuestions.status} = 'answered')::int`,
      published: sql<number>`count(*) filter (where ${serviceBoardQuestions.isFaq})::int`,
    })
    .from(serviceBoardQuestions)
    .where(inYear(serviceBoardQuestions.createdAt))
    .groupBy(questionYear)
    .orderBy(questionYear);
  const questions = questionsByYear.map((row) => ({
    year: Number(row.year),
    asked: Number(row.asked),
    answered: Number(row.answered),
    published: Number(row.published),
  }));
  const sum = (key: 'asked' | 'answered' | 'published') =>
    questions.reduce((total, row) => total + row[key], 0);

  return {
    year,
    questions: {
      asked: sum('asked'),
      answered: sum('answered'),
      published: sum('published'),
      byYear: questions,
    },
    events: {
      totals: eventFigures(eventTotals),
      byTypeAndYear: byTypeAndYear.map((row) => ({
        ...eventFigures(row),
        year: Number(row.year),
        typeId: row.typeId,
        typeName: row.typeName,
      })),
    },
    visits: {
      byCampaignAndKind: byCampaignAndKind.map((row) => ({
        campaignId: row.campaignId,
        campaignName: row.campaignName,
        kind: row.kind as ServiceStatistics['visits']['byCampaignAndKind'][number]['kind'],
        planned: Number(row.planned),
        visited: Number(row.visited),
        visits: Number(row.visits),
        problems: Number(row.problems),
      })),
    },
    problems: {
      totals: problemFigures(problemTotals),
      byCategory: byCategory.map((row) => ({
        ...problemFigures(row),
        category: row.category as ServiceStatistics['problems']['byCategory'][number]['category'],
      })),
      byDepartment: byDepartment.map((row) => ({
        ...problemFigures(row),
        departmentId: row.departmentId,
        departmentName: row.departmentName,
      })),
      byStatus: byStatus.map((row) => ({
        ...problemFigures(row),
        status: row.status as ServiceStatistics['problems']['byStatus'][number]['status'],
      })),
    },
  };
}
