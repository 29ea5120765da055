import {
  type AnnualReportContent,
  type AnnualReportPreview,
  defaultAnnualReport,
  fillPlaceholders,
  formatIndicatorValue,
  type Placeholder,
  type ReportFigure,
  readPlaceholders,
  translate,
} from '@kechuang/domain';
import { asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, versionConflict } from '../../core/errors';
import { computeContext, computeFigure } from '../../core/indicators/compute';
import type { IndicatorRegistry } from '../../core/indicators/registry';
import { readDistrictSettings } from '../../core/settings';
import type { Database, Executor } from '../../db/connection';
import { annualReportEditions, annualReports } from '../../db/schema';

/** Every text of a report with where it sits, for naming the field of a broken placeholder. */
function textsOf(content: AnnualReportContent): { path: string; label: string; text: string }[] {
  return [
    { path: 'content.title', label: '标题', text: content.title },
    { path: 'content.opening', label: '开篇', text: content.opening },
    ...content.sections.flatMap((section, index) => [
      { path: `content.sections.${index}.heading`, label: `第${index + 1}部分标题`, text: section.heading },
      { path: `content.sections.${index}.body`, label: `第${index + 1}部分正文`, text: section.body },
    ]),
  ];
}

export async function readReport(db: Executor, year: number) {
  const [row] = await db.select().from(annualReports).where(eq(annualReports.year, year));
  const editions = await db
    .select()
    .from(annualReportEditions)
    .where(eq(annualReportEditions.year, year))
    .orderBy(asc(annualReportEditions.edition));
  return {
    year,
    content: row?.content ?? defaultAnnualReport(),
    status: (row?.status ?? 'draft') as 'draft' | 'final',
    version: row?.version ?? 0,
    editions: editions.map((edition) => ({
      edition: edition.edition,
      finalisedAt: edition.finalisedAt.toISOString(),
      finalisedBy: edition.finalisedByName,
    })),
  };
}

/** Refuses a text whose placeholders name no indicator or no period, naming each in its field. */
function checkPlaceholders(
  content: AnnualReportContent,
  year: number,
  registry: IndicatorRegistry,
  context: RequestContext,
) {
  const details = textsOf(content).flatMap(({ path, label, text }) =>
    readPlaceholders(text, year, (key) => registry.has(key)).problems.map((problem) => ({
      path,
      message: translate(
        {
          zh: `${label}：占位符 ${problem.raw} ${problem.reason.zh}`,
          en: `${path}: placeholder ${problem.raw}: ${problem.reason.en}`,
        },
        context.language,
      ),
    })),
  );
  if (details.length > 0) throw new AppError(400, 'validation', details);
}

export async function saveReport(
  db: Database,
  registry: IndicatorRegistry,
  options: {
    year: number;
    content: AnnualReportContent;
    version: number;
    context: RequestContext;
    actor: Actor;
  },
) {
  checkPlaceholders(options.content, options.year, registry, options.context);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(annualReports)
      .where(eq(annualReports.year, options.year))
      .for('update');
    if ((existing?.version ?? 0) !== options.version) throw versionConflict();
    if (existing) {
      await tx
        .update(annualReports)
        .set({
          content: options.content,
          status: 'draft',
          version: existing.version + 1,
          updatedAt: new Date(),
          updatedBy: options.actor.userId,
        })
        .where(eq(annualReports.id, existing.id));
    } else {
      await tx.insert(annualReports).values({
        year: options.year,
        content: options.content,
        status: 'draft',
        updatedBy: options.actor.userId,
      });
    }
    await recordAudit(tx, options.context, {
      event: 'annual-report.save',
      objectType: 'annual_reports',
      objectId: options.year,
      before: existing?.content ?? null,
      after: options.content,
    });
  });
  return readReport(db, options.year);
}

/** The report with every placeholder filled from the registry, and the figures it used for its appendix. */
export async function previewReport(
  db: Database,
  registry: IndicatorRegistry,
  options: { year: number; content: AnnualReportContent },
): Promise<AnnualReportPreview> {
  const { year, content } = options;
  const district = (await readDistrictSettings(db)).name;
  const context = computeContext(db, registry);
  const figures = new Map<string, ReportFigure>();
  for (const { text } of textsOf(content)) {
    for (const placeholder of readPlaceholders(text, year, (key) => registry.has(key)).placeholders) {
      if (placeholder.period === null || figures.has(`${placeholder.key}@${placeholder.period}`)) continue;
      const indicator = registry.get(placeholder.key);
      if (!indicator) continue;
      const figure = await computeFigure(context, indicator, placeholder.period);
      const parts = [figure.numerator, figure.denominator].filter((part) => part !== null);
      figures.set(`${placeholder.key}@${placeholder.period}`, {
        placeholder: placeholder.raw,
        key: indicator.key,
        period: placeholder.period,
        name: indicator.name,
        unit: indicator.unit,
        value: figure.value,
        display: formatIndicatorValue(figure.value, indicator.unit),
        basis: figure.source
          ? `来源：${figure.source.name}（${figure.source.date}发布）`
          : figure.count !== null
            ? `${figure.count} 条记录（${figure.from} 至 ${figure.to}）`
            : `由${parts.map((part) => `「${part.name.zh}」`).join('与')}计算`,
        incomplete: figure.incomplete,
      });
    }
  }
  const fill = (text: string) =>
    fillPlaceholders(
      text,
      (placeholder: Placeholder) => {
        if (placeholder.key === 'year') return String(year);
        if (placeholder.key === 'nextYear') return String(year + 1);
        if (placeholder.key === 'district') return district;
        const figure = figures.get(`${placeholder.key}@${placeholder.period}`);
        if (!figure) return placeholder.raw;
        return figure.incomplete.length > 0
          ? `【数据不完整：${figure.incomplete.map((item) => item.zh).join('；')}】`
          : figure.display;
      },
      year,
    );
  return {
    year,
    title: fill(content.title),
    opening: fill(content.opening),
    sections: content.sections.map((section) => ({
      heading: fill(section.heading),
      body: fill(section.body),
    })),
    figures: [...figures.values()],
  };
}

export async function finaliseReport(
  db: Database,
  registry: IndicatorRegistry,
  options: { year: number; version: number; context: RequestContext; actor: Actor },
) {
  const report = await readReport(db, options.year);
  if (report.version === 0) {
    throw new AppError(400, 'validation', [
      {
        path: 'version',
        message: translate(
          { zh: '请先保存报告再定稿', en: 'Save the report before finalising it' },
          options.context.language,
        ),
      },
    ]);
  }
  if (report.version !== options.version) throw versionConflict();
  if (report.status === 'final') {
    const last = report.editions.at(-1)?.edition ?? 0;
    throw new AppError(409, 'transitionNotAllowed', [
      {
        path: 'version',
        message: translate(
          {
            zh: `${options.year}年度报告已定稿为第${last}版，内容修改后才能再次定稿`,
            en: `The ${options.year} report is already final as edition ${last}; edit it before finalising again`,
          },
          options.context.language,
        ),
      },
    ]);
  }
  const preview = await previewReport(db, registry, { year: options.year, content: report.content });
  const incomplete = preview.figures.filter((figure) => figure.incomplete.length > 0);
  if (incomplete.length > 0) {
    throw new AppError(
      400,
      'validation',
      incomplete.map((figure) => ({
        path: 'content',
        message: translate(
          {
            zh: `${figure.placeholder}（${figure.name.zh}，${figure.period}）数据不完整：${figure.incomplete.map((item) => item.zh).join('；')}`,
            en: `${figure.placeholder} (${figure.name.en}, ${figure.period}) is incomplete: ${figure.incomplete.map((item) => item.en).join('; ')}`,
          },
          options.context.language,
        ),
      })),
    );
  }
  const district = (await readDistrictSettings(db)).name;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(annualReports)
      .where(eq(annualReports.year, options.year))
      .for('update');
    if (!row || row.version !== options.version || row.status === 'final') throw versionConflict();
    const [last] = await tx
      .select({ edition: annualReportEditions.edition })
      .from(annualReportEditions)
      .where(eq(annualReportEditions.year, options.year))
      .orderBy(desc(annualReportEditions.edition))
      .limit(1);
    const edition = (last?.edition ?? 0) + 1;
    await tx.insert(annualReportEditions).values({
      year: options.year,
      edition,
      content: row.content,
      district,
      figures: preview.figures,
      finalisedBy: options.actor.userId,
      finalisedByName: options.actor.displayName,
    });
    await tx
      .update(annualReports)
      .set({ status: 'final', version: row.version + 1, updatedAt: new Date() })
      .where(eq(annualReports.id, row.id));
    await recordAudit(tx, options.context, {
      event: 'annual-report.finalise',
      objectType: 'annual_reports',
      objectId: options.year,
      after: {
        edition,
        figures: preview.figures.map((figure) => [figure.placeholder, figure.period, figure.display]),
      },
    });
  });
  return readReport(db, options.year);
}

export async function readEdition(db: Executor, year: number, edition: number) {
  const rows = await db.select().from(annualReportEditions).where(eq(annualReportEditions.year, year));
  return rows.find((row) => row.edition === edition) ?? null;
}

/** The edition's text filled with the figures it was finalised with: the same document every time. */
export function previewOfEdition(edition: typeof annualReportEditions.$inferSelect): AnnualReportPreview {
  const byPlaceholder = new Map(edition.figures.map((figure) => [`${figure.key}@${figure.period}`, figure]));
  const fill = (text: string) =>
    fillPlaceholders(
      text,
      (placeholder) => {
        if (placeholder.key === 'year') return String(edition.year);
        if (placeholder.key === 'nextYear') return String(edition.year + 1);
        if (placeholder.key === 'district') return edition.district;
        return byPlaceholder.get(`${placeholder.key}@${placeholder.period}`)?.display ?? placeholder.raw;
      },
      edition.year,
    );
  return {
    year: edition.year,
    title: fill(edition.content.title),
    opening: fill(edition.content.opening),
    sections: edition.content.sections.map((section) => ({
      heading: fill(section.heading),
      body: fill(section.body),
    })),
    figures: edition.figures,
  };
}

/** What the figures of the last edition read now: the ones that changed since it was finalised. */
export async function reportChanges(db: Database, registry: IndicatorRegistry, year: number) {
  const editions = await db
    .select()
    .from(annualReportEditions)
    .where(eq(annualReportEditions.year, year))
    .orderBy(desc(annualReportEditions.edition))
    .limit(1);
  const last = editions[0];
  if (!last) return { edition: null, changes: [] };
  const now = await previewReport(db, registry, { year, content: last.content });
  const current = new Map(now.figures.map((figure) => [`${figure.key}@${figure.period}`, figure]));
  return {
    edition: last.edition,
    changes: last.figures.flatMap((figure) => {
      const after = current.get(`${figure.key}@${figure.period}`);
      if (!after || after.display === figure.display) return [];
      return [
        {
          placeholder: figure.placeholder,
          name: figure.name,
          period: figure.period,
          before: figure.display,
          after: after.display,
        },
      ];
    }),
  };
}
