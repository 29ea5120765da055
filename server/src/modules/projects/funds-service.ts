import type {
  FundAward,
  FundAwardBody,
  FundAwardKind,
  FundAwardUpdate,
  FundListQuery,
  FundYearTotal,
  RiskCompensation,
  RiskCompensationBody,
  RiskCompensationUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import { type Database, type Executor, queryRows } from '../../db/connection';
import { enterprises, fundAwards, riskCompensations } from '../../db/schema';
import { requireContextActor } from './approval-helpers';

function keywordCondition(keyword: string | undefined) {
  return keyword ? ilike(enterprises.name, `%${keyword.replace(/[%_\\]/g, '\\$&')}%`) : undefined;
}

async function requireEnterprise(executor: Executor, enterpriseId: number) {
  const [row] = await executor
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!row) throw notFound();
}

const awardColumns = {
  id: fundAwards.id,
  enterpriseId: fundAwards.enterpriseId,
  enterpriseName: enterprises.name,
  year: fundAwards.year,
  kind: fundAwards.kind,
  amountFen: fundAwards.amountFen,
  documentNo: fundAwards.documentNo,
  grantedOn: fundAwards.grantedOn,
  note: fundAwards.note,
  version: fundAwards.version,
};

const toAward = (row: Omit<FundAward, 'kind'> & { kind: string }): FundAward => ({
  ...row,
  kind: row.kind as FundAwardKind,
  amountFen: Number(row.amountFen),
});

export async function listFundAwards(db: Database, query: FundListQuery) {
  const where = and(
    query.year === undefined ? undefined : eq(fundAwards.year, query.year),
    query.kind === undefined ? undefined : eq(fundAwards.kind, query.kind),
    keywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'amount' ? fundAwards.amountFen : fundAwards.year;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(awardColumns)
      .from(fundAwards)
      .innerJoin(enterprises, eq(enterprises.id, fundAwards.enterpriseId))
      .where(where)
      .orderBy(direction(sortColumn), direction(fundAwards.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(fundAwards)
      .innerJoin(enterprises, eq(enterprises.id, fundAwards.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(toAward), total, page: query.page, pageSize: query.pageSize };
}

async function readAward(executor: Executor, id: number): Promise<FundAward> {
  const [row] = await executor
    .select(awardColumns)
    .from(fundAwards)
    .innerJoin(enterprises, eq(enterprises.id, fundAwards.enterpriseId))
    .where(eq(fundAwards.id, id));
  if (!row) throw notFound();
  return toAward(row);
}

export async function createFundAward(
  db: Database,
  options: { input: FundAwardBody; context: RequestContext },
) {
  requireContextActor(options.context.actor);
  const id = await db.transaction(async (tx) => {
    await requireEnterprise(tx, options.input.enterpriseId);
    const [row] = await tx.insert(fundAwards).values(options.input).returning({ id: fundAwards.id });
    await recordAudit(tx, options.context, {
      event: 'funds.award.create',
      objectType: 'fund_awards',
      objectId: row.id,
      after: options.input,
    });
    return row.id;
  });
  return readAward(db, id);
}

export async function updateFundAward(
  db: Database,
  options: { id: number; input: FundAwardUpdate; context: RequestContext },
) {
  requireContextActor(options.context.actor);
  const { version, ...values } = options.input;
  await db.transaction(async (tx) => {
    const before = await readAward(tx, options.id);
    await requireEnterprise(tx, values.enterpriseId);
    const updated = await tx
      .update(fundAwards)
      .set({ ...values, version: sql`${fundAwards.version} + 1`, updatedAt: new Date() })
      .where(and(eq(fundAwards.id, options.id), eq(fundAwards.version, version)))
      .returning({ id: fundAwards.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'funds.award.update',
      objectType: 'fund_awards',
      objectId: options.id,
      before,
      after: values,
    });
  });
  return readAward(db, options.id);
}

const compensationColumns = {
  id: riskCompensations.id,
  enterpriseId: riskCompensations.enterpriseId,
  enterpriseName: enterprises.name,
  bankName: riskCompensations.bankName,
  loanFen: riskCompensations.loanFen,
  compensationFen: riskCompensations.compensationFen,
  compensatedOn: riskCompensations.compensatedOn,
  year: sql<number>`extract(year from ${riskCompensations.compensatedOn})::int`,
  note: riskCompensations.note,
  version: riskCompensations.version,
};

const toCompensation = (row: RiskCompensation): RiskCompensation => ({
  ...row,
  loanFen: Number(row.loanFen),
  compensationFen: Number(row.compensationFen),
});

export async function listRiskCompensations(db: Database, query: FundListQuery) {
  const where = and(
    query.year === undefined
      ? undefined
      : sql`${riskCompensations.compensatedOn} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`,
    keywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'amount' ? riskCompensations.loanFen : riskCompensations.compensatedOn;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(compensationColumns)
      .from(riskCompensations)
      .innerJoin(enterprises, eq(enterprises.id, riskCompensations.enterpriseId))
      .where(where)
      .orderBy(direction(sortColumn), direction(riskCompensations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(riskCompensations)
      .innerJoin(enterprises, eq(enterprises.id, riskCompensations.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(toCompensation), total, page: query.page, pageSize: query.pageSize };
}

async function readCompensation(executor: Executor, id: number): Promise<RiskCompensation> {
  const [row] = await executor
    .select(compensationColumns)
    .from(riskCompensations)
    .innerJoin(enterprises, eq(enterprises.id, riskCompensations.enterpriseId))
    .where(eq(riskCompensations.id, id));
  if (!row) throw notFound();
  return toCompensation(row);
}

export async function createRiskCompensation(
  db: Database,
  options: { input: RiskCompensationBody; context: RequestContext },
) {
  requireContextActor(options.context.actor);
  const id = await db.transaction(async (tx) => {
    await requireEnterprise(tx, options.input.enterpriseId);
    const [row] = await tx
      .insert(riskCompensations)
      .values(options.input)
      .returning({ id: riskCompensations.id });
    await recordAudit(tx, options.context, {
      event: 'funds.risk-compensation.create',
      objectType: 'risk_compensations',
      objectId: row.id,
      after: options.input,
    });
    return row.id;
  });
  return readCompensation(db, id);
}

export async function updateRiskCompensation(
  db: Database,
  options: { id: number; input: RiskCompensationUpdate; context: RequestContext },
) {
  requireContextActor(options.context.actor);
  const { version, ...values } = options.input;
  await db.transaction(async (tx) => {
    const before = await readCompensation(tx, options.id);
    await requireEnterprise(tx, values.enterpriseId);
    const updated = await tx
      .update(riskCompensations)
      .set({ ...values, version: sql`${riskCompensations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(riskCompensations.id, options.id), eq(riskCompensations.version, version)))
      .returning({ id: riskCompensations.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'funds.risk-compensation.update',
      objectType: 'risk_compensations',
      objectId: options.id,
      before,
      after: values,
    });
  });
  return readCompensation(db, options.id);
}

/**
 * Funds per year by kind: project payments (by payment date), each award kind (by award year) and
 * risk compensation (by date), with the loans behind the compensation and how many enterprises had them.
 */
export async function readYearlyTotals(db: Database): Promise<{ items: FundYearTotal[] }> {
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`with
      payments as (select extract(year from paid_on)::int as year, sum(amount_fen) as fen from project_payments group by 1),
      awards as (
        select year,
          sum(amount_fen) filter (where kind = 'rdSubsidy') as rd,
          sum(amount_fen) filter (where kind = 'upgradeReward') as upgrade,
          sum(amount_fen) filter (where kind = 'otherAward') as other
        from fund_awards group by year),
      compensations as (
        select extract(year from compensated_on)::int as year, sum(compensation_fen) as fen,
          sum(loan_fen) as loan, count(distinct enterprise_id) as enterprises
        from risk_compensations group by 1),
      years as (select year from payments union select year from awards union select year from compensations)
    select years.year,
      coalesce(payments.fen, 0) as project_payments,
      coalesce(awards.rd, 0) as rd,
      coalesce(awards.upgrade, 0) as upgrade,
      coalesce(awards.other, 0) as other,
      coalesce(compensations.fen, 0) as compensation,
      coalesce(compensations.loan, 0) as loan,
      coalesce(compensations.enterprises, 0) as loan_enterprises
    from years
    left join payments on payments.year = years.year
    left join awards on awards.year = years.year
    left join compensations on compensations.year = years.year
    order by years.year desc`,
  );
  return {
    items: rows.map((row) => {
      const item = {
        year: Number(row.year),
        projectPaymentsFen: Number(row.project_payments),
        rdSubsidyFen: Number(row.rd),
        upgradeRewardFen: Number(row.upgrade),
        otherAwardFen: Number(row.other),
        riskCompensationFen: Number(row.compensation),
        loanFen: Number(row.loan),
        loanEnterpriseCount: Number(row.loan_enterprises),
      };
      return {
        ...item,
        totalFen:
          item.projectPaymentsFen +
          item.rdSubsidyFen +
          item.upgradeRewardFen +
          item.otherAwardFen +
          item.riskCompensationFen,
      };
    }),
  };
}
