import {
  aggregateReviews,
  projectApplicationWorkflow,
  REVIEW_MODE_LABELS,
  type ReviewMode,
  type ReviewVote,
} from '@kechuang/domain';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { attachmentHeader, sendXlsx } from '../../core/excel';
import { fireTransition } from '../../core/workflow';
import type { Database, Transaction } from '../../db/connection';
import { experts, projectApplications, reviewItems } from '../../db/schema';
import { loadItems, loadRound, loadRoundAssignments, type RoundRow, rubricOf } from './round-data';

/** The ranking from the submitted sheets, per item with totals by expert; every call is audited. */
export async function readRoundResults(
  db: Database,
  options: { id: number; context: RequestContext; event?: string },
) {
  const round = await loadRound(db, options.id);
  const [items, assignments] = await Promise.all([
    loadItems(db, round.id),
    loadRoundAssignments(db, round.id),
  ]);
  const submitted = assignments.filter((assignment) => assignment.status === 'submitted');
  const rubric = rubricOf(round);
  const aggregation = aggregateReviews({
    rubric,
    itemIds: items.map((item) => String(item.id)),
    sheets: submitted.map((assignment) => ({
      itemId: String(assignment.itemId),
      expertId: String(assignment.expertId),
      scores: assignment.scores,
      vote: (assignment.vote as ReviewVote | null) ?? null,
    })),
  });
  const expertRows = submitted.length
    ? await db
        .select({ id: experts.id, name: experts.name })
        .from(experts)
        .where(inArray(experts.id, [...new Set(submitted.map((assignment) => assignment.expertId))]))
    : [];
  const nameOf = new Map(expertRows.map((row) => [String(row.id), row.name]));
  const itemOf = new Map(items.map((item) => [String(item.id), item]));
  const commentOf = new Map(
    submitted.map((assignment) => [`${assignment.itemId}:${assignment.expertId}`, assignment.comment]),
  );
  await recordAudit(db, options.context, {
    event: options.event ?? 'review.scores.view',
    objectType: 'review_rounds',
    objectId: round.id,
  });
  return {
    round: { id: round.id, title: round.title, mode: round.mode, status: round.status, rubric },
    maximumTotal: aggregation.maximumTotal,
    rankedBy: aggregation.rankedBy,
    items: aggregation.items.map((result) => {
      const item = itemOf.get(result.itemId);
      return {
        itemId: Number(result.itemId),
        title: item?.title ?? '',
        consensusOpinion: item?.consensusOpinion ?? null,
        sheetCount: result.sheetCount,
        mean: result.mean,
        trimmedMean: result.trimmedMean,
        median: result.median,
        criterionMeans: result.criterionMeans,
        votes: result.votes,
        rank: result.rank,
        isTied: result.isTied,
        sheets: result.totals.map((entry) => ({
          expertId: Number(entry.expertId),
          expertName: nameOf.get(entry.expertId) ?? '',
          total: entry.total,
          comment: commentOf.get(`${result.itemId}:${entry.expertId}`) ?? '',
        })),
        outliers: result.outliers.map((outlier) => ({
          expertId: Number(outlier.expertId),
          expertName: nameOf.get(outlier.expertId) ?? '',
          total: outlier.total,
          reason: outlier.reason,
        })),
      };
    }),
  };
}

type Results = Awaited<ReturnType<typeof readRoundResults>>;
type ResultItem = Results['items'][number];

const score = (value: number | null) => (value === null ? '' : value.toFixed(2));

export async function exportResultsXlsx(
  db: Database,
  reply: FastifyReply,
  options: { id: number; context: RequestContext },
) {
  const results = await readRoundResults(db, { ...options, event: 'review.scores.export' });
  return sendXlsx<ResultItem>(reply, {
    fileName: `评分汇总-${results.round.title}.xlsx`,
    sheetName: '评分汇总',
    columns: [
      {
        header: '排名',
        width: 8,
        value: (row) => (row.rank === null ? '' : `${row.rank}${row.isTied ? '（并列）' : ''}`),
      },
      { header: '项目名称', width: 40, value: (row) => row.title },
      { header: '评分份数', width: 10, value: (row) => row.sheetCount },
      { header: '去掉最高最低后平均分', width: 20, value: (row) => score(row.trimmedMean) },
      { header: '平均分', width: 10, value: (row) => score(row.mean) },
      ...results.round.rubric.criteria.map((criterion) => ({
        header: `${criterion.label.zh}（均分）`,
        width: 14,
        value: (row: ResultItem) => row.criterionMeans[criterion.id] ?? '',
      })),
      { header: '同意/不同意', width: 12, value: (row) => `${row.votes.pass}/${row.votes.fail}` },
      {
        header: '各专家总分',
        width: 40,
        value: (row) => row.sheets.map((sheet) => `${sheet.expertName} ${sheet.total}`).join('；'),
      },
      {
        header: '异常评分',
        width: 40,
        value: (row) => row.outliers.map((outlier) => outlier.reason.zh).join('；'),
      },
      { header: '专家组意见', width: 40, value: (row) => row.consensusOpinion ?? '' },
    ],
    pages: (async function* () {
      yield results.items;
    })(),
  });
}

function cell(text: string, isBold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isBold })] })] });
}

/** 专家评分汇总表 as a Word document, with a signature line per expert. */
export async function exportResultsDocx(
  db: Database,
  reply: FastifyReply,
  options: { id: number; context: RequestContext },
) {
  const results = await readRoundResults(db, { ...options, event: 'review.scores.export' });
  const header = ['排名', '项目名称', '得分', '平均分', '同意/不同意', '专家组意见'];
  const rows = [
    new TableRow({ children: header.map((text) => cell(text, true)) }),
    ...results.items.map(
      (item) =>
        new TableRow({
          children: [
            cell(item.rank === null ? '' : `${item.rank}${item.isTied ? '（并列）' : ''}`),
            cell(item.title),
            cell(score(item.trimmedMean)),
            cell(score(item.mean)),
            cell(`${item.votes.pass}/${item.votes.fail}`),
            cell(item.consensusOpinion ?? ''),
          ],
        }),
    ),
  ];
  const signers = [...new Set(results.items.flatMap((item) => item.sheets.map((sheet) => sheet.expertName)))];
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: `${results.round.title} 专家评分汇总表`,
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            text: `评审方式：${REVIEW_MODE_LABELS[results.round.mode as ReviewMode]?.zh ?? results.round.mode}；满分 ${results.maximumTotal}；排名依据：去掉一个最高分和一个最低分后的平均分`,
          }),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
          new Paragraph({ text: '' }),
          new Paragraph({ text: `评审专家签字：${signers.map(() => '________').join('  ')}` }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', attachmentHeader(`评分汇总-${results.round.title}.docx`))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(buffer);
}

/**
 * Ranks the items from the submitted sheets, stores each item's result, and moves each plan-project
 * application on with `finishReview`, its score and rank written in the same guarded update.
 */
export async function writeRoundResults(
  tx: Transaction,
  round: RoundRow,
  assignments: Awaited<ReturnType<typeof loadRoundAssignments>>,
  context: RequestContext,
): Promise<void> {
  const items = await loadItems(tx, round.id);
  const aggregation = aggregateReviews({
    rubric: rubricOf(round),
    itemIds: items.map((item) => String(item.id)),
    sheets: assignments
      .filter((assignment) => assignment.status === 'submitted')
      .map((assignment) => ({
        itemId: String(assignment.itemId),
        expertId: String(assignment.expertId),
        scores: assignment.scores,
        vote: (assignment.vote as ReviewVote | null) ?? null,
      })),
  });
  const itemById = new Map(items.map((item) => [String(item.id), item]));
  for (const result of aggregation.items) {
    const item = itemById.get(result.itemId);
    if (!item) continue;
    const score = result.trimmedMean === null ? null : Math.round(result.trimmedMean);
    await tx
      .update(reviewItems)
      .set({ resultScore: score, resultRank: result.rank, result, version: sql`${reviewItems.version} + 1` })
      .where(eq(reviewItems.id, item.id));
    if (item.subjectType !== 'project-application') continue;
    const [application] = await tx
      .select({
        id: projectApplications.id,
        status: projectApplications.status,
        version: projectApplications.version,
        enterpriseId: projectApplications.enterpriseId,
        title: projectApplications.title,
      })
      .from(projectApplications)
      .where(eq(projectApplications.id, item.subjectId));
    if (application?.status !== 'underReview') continue;
    await fireTransition(tx, {
      definition: projectApplicationWorkflow,
      table: 'project_applications',
      objectId: application.id,
      action: 'finishReview',
      expectedVersion: application.version,
      comment: `评审轮次「${round.title}」：得分 ${result.trimmedMean ?? '—'}，排名 ${result.rank ?? '—'}`,
      context,
      isOwner: false,
      ownerEnterpriseId: application.enterpriseId,
      subject: `项目申报（${application.title}）`,
      link: null,
      extraAssignments: [sql`review_score = ${score}`, sql`review_rank = ${result.rank}`],
    });
  }
  await recordAudit(tx, context, {
    event: 'review-round.results',
    objectType: 'review_rounds',
    objectId: round.id,
    after: {
      ranked: aggregation.items.map((item) => ({
        itemId: item.itemId,
        score: item.trimmedMean,
        rank: item.rank,
      })),
    },
  });
}
