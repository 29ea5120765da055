import {
  type IndicatorDefinition,
  type IndicatorFigure,
  type IndicatorPeriod,
  periodYear,
  type Role,
  translate,
} from '@kechuang/domain';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { today } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { computeContext, computeFigure } from '../../core/indicators/compute';
import { type IndicatorRegistry, partsOf } from '../../core/indicators/registry';
import type { RecordIndicator, RegisteredIndicator } from '../../core/indicators/types';
import type { Database } from '../../db/connection';
import {
  enterpriseYearFigures,
  indicatorStatistics,
  indicatorTargets,
  techSmeRegistrations,
} from '../../db/schema';

const DEFAULT_ROLES: readonly Role[] = ['staff', 'leader'];

export function canSee(indicator: RegisteredIndicator, role: Role): boolean {
  return (indicator.roles ?? DEFAULT_ROLES).includes(role);
}

export function describeIndicator(indicator: RegisteredIndicator): IndicatorDefinition {
  const isRecord = indicator.kind === 'count' || indicator.kind === 'distinct' || indicator.kind === 'sum';
  return {
    key: indicator.key,
    module: indicator.module,
    section: indicator.section,
    name: indicator.name,
    description: indicator.description,
    unit: indicator.unit,
    kind: indicator.kind,
    timing: isRecord ? (indicator as RecordIndicator).timing : null,
    breakdowns: isRecord ? [...(indicator as RecordIndicator).breakdowns] : [],
    drillable: isRecord,
    parts: partsOf(indicator),
  };
}

/** The indicator the caller may see, or 404 (an unknown key and a hidden one answer alike). */
export function visibleIndicator(
  registry: IndicatorRegistry,
  actor: Actor,
  key: string,
): RegisteredIndicator {
  const indicator = registry.get(key);
  if (!indicator || !canSee(indicator, actor.role)) throw notFound();
  return indicator;
}

/** A figure made of records (counts and sums), which can be listed and broken down; others are refused. */
export function recordIndicator(indicator: RegisteredIndicator): RecordIndicator & { module: string } {
  if (indicator.kind === 'count' || indicator.kind === 'distinct' || indicator.kind === 'sum')
    return indicator;
  throw new AppError(400, 'validation', [
    {
      path: 'key',
      message: `「${indicator.name.zh}」由其他指标计算得出，请查看其组成指标的明细 / ${indicator.name.en} is computed from other indicators; open their records instead`,
    },
  ]);
}

export async function listFigures(
  db: Database,
  registry: IndicatorRegistry,
  options: { actor: Actor; period: IndicatorPeriod; keys?: string[] },
): Promise<IndicatorFigure[]> {
  const context = computeContext(db, registry);
  const wanted = options.keys
    ? options.keys.map((key) => visibleIndicator(registry, options.actor, key))
    : [...registry.values()].filter((indicator) => canSee(indicator, options.actor.role));
  const figures: IndicatorFigure[] = [];
  for (const indicator of wanted) figures.push(await computeFigure(context, indicator, options.period));
  return figures;
}

export async function saveTarget(
  db: Database,
  registry: IndicatorRegistry,
  options: {
    context: RequestContext;
    actor: Actor;
    key: string;
    year: number;
    value: number;
    version: number;
  },
) {
  const indicator = visibleIndicator(registry, options.actor, options.key);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.key, indicator.key), eq(indicatorTargets.year, options.year)))
      .for('update');
    if ((existing?.version ?? 0) !== options.version) throw versionConflict();
    const value = options.value.toFixed(4);
    const [saved] = existing
      ? await tx
          .update(indicatorTargets)
          .set({
            value,
            version: existing.version + 1,
            updatedAt: new Date(),
            updatedBy: options.actor.userId,
          })
          .where(eq(indicatorTargets.id, existing.id))
          .returning()
      : await tx
          .insert(indicatorTargets)
          .values({ key: indicator.key, year: options.year, value, updatedBy: options.actor.userId })
          .returning();
    await recordAudit(tx, options.context, {
      event: 'indicator.target',
      objectType: 'indicator-target',
      objectId: saved.id,
      before: existing ? { key: indicator.key, year: options.year, value: existing.value } : null,
      after: { key: indicator.key, year: options.year, value },
    });
    return { key: indicator.key, year: options.year, value: Number(saved.value), version: saved.version };
  });
}

function toStatistic(row: typeof indicatorStatistics.$inferSelect) {
  return {
    key: row.key,
    period: row.period,
    value: Number(row.value),
    source: row.source,
    sourceDate: row.sourceDate,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listStatistics(db: Database, registry: IndicatorRegistry, actor: Actor) {
  const rows = await db
    .select()
    .from(indicatorStatistics)
    .orderBy(asc(indicatorStatistics.key), asc(indicatorStatistics.period));
  return rows
    .filter((row) => {
      const indicator = registry.get(row.key);
      return indicator !== undefined && canSee(indicator, actor.role);
    })
    .map(toStatistic);
}

export async function saveStatistic(
  db: Database,
  registry: IndicatorRegistry,
  options: {
    context: RequestContext;
    actor: Actor;
    key: string;
    input: {
      period: IndicatorPeriod;
      value: number;
      source: string;
      sourceDate: string;
      note: string;
      version: number;
    };
  },
) {
  const indicator = visibleIndicator(registry, options.actor, options.key);
  const { input } = options;
  if (indicator.kind !== 'statistic') {
    throw new AppError(400, 'validation', [
      {
        path: 'key',
        message: translate(
          {
            zh: `指标：「${indicator.name.zh}」由平台记录计算，不能录入统计数`,
            en: `Indicator: ${indicator.name.en} is computed from the records and cannot be entered`,
          },
          options.context.language,
        ),
      },
    ]);
  }
  if (input.sourceDate < `${periodYear(input.period)}-01-01`) {
    throw new AppError(400, 'validation', [
      {
        path: 'sourceDate',
        message: translate(
          { zh: '发布日期：不能早于统计期间开始', en: 'Published on: cannot be before the period begins' },
          options.context.language,
        ),
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(indicatorStatistics)
      .where(and(eq(indicatorStatistics.key, indicator.key), eq(indicatorStatistics.period, input.period)))
      .for('update');
    if ((existing?.version ?? 0) !== input.version) throw versionConflict();
    const values = {
      value: input.value.toFixed(4),
      source: input.source,
      sourceDate: input.sourceDate,
      note: input.note,
      updatedBy: options.actor.userId,
    };
    const [saved] = existing
      ? await tx
          .update(indicatorStatistics)
          .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
          .where(eq(indicatorStatistics.id, existing.id))
          .returning()
      : await tx
          .insert(indicatorStatistics)
          .values({ key: indicator.key, period: input.period, ...values })
          .returning();
    await recordAudit(tx, options.context, {
      event: 'indicator.statistic',
      objectType: 'indicator-statistic',
      objectId: saved.id,
      before: existing
        ? { value: existing.value, source: existing.source, sourceDate: existing.sourceDate }
        : null,
      after: { key: indicator.key, period: input.period, ...values },
    });
    return toStatistic(saved);
  });
}

/**
 * The years the bureau holds annual figures for (enterprises' 年度数据 and 科技型中小企业 registrations),
 * newest first, and the year the dashboard opens on: the newest of them up to last year — annual
 * figures of a year are reported in the next — or last year when there are none yet.
 */
export async function readReportingYears(db: Database): Promise<{ years: number[]; defaultYear: number }> {
  const [figures, registrations] = [
    await db.selectDistinct({ year: enterpriseYearFigures.year }).from(enterpriseYearFigures),
    await db.selectDistinct({ year: techSmeRegistrations.year }).from(techSmeRegistrations),
  ];
  const years = [...new Set([...figures, ...registrations].map((row) => row.year))].sort((a, b) => b - a);
  const lastYear = Number(today().slice(0, 4)) - 1;
  return { years, defaultYear: years.find((year) => year <= lastYear) ?? lastYear };
}
