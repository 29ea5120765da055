import {
  describeAmount,
  describeCondition,
  FULFIL_MODE_LABELS,
  type GuideDistributionInput,
  type GuideEdition,
  POLICY_ITEM_TYPE_LABELS,
  POLICY_LEVEL_LABELS,
  POLICY_LEVELS,
  POLICY_THEME_LABELS,
  POLICY_THEMES,
} from '@kechuang/domain';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { findStoredFile, storeFile } from '../../core/files';
import type { Database, Executor } from '../../db/connection';
import {
  policies,
  policyGuideDistributions,
  policyGuideEditions,
  policyItems,
  storedFiles,
  users,
} from '../../db/schema';

/** The published policies in force during the edition's year, with their items, by level and theme. */
export async function readGuideContent(executor: Executor, edition: number) {
  const rows = await executor
    .select()
    .from(policies)
    .where(
      and(
        eq(policies.status, 'published'),
        sql`${policies.effectiveFrom} <= ${`${edition}-12-31`}`,
        sql`(${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${`${edition}-01-01`})`,
      ),
    )
    .orderBy(asc(policies.publishedOn), asc(policies.id));
  const items = await executor.select().from(policyItems).orderBy(asc(policyItems.position));
  return rows.map((policy) => ({ policy, items: items.filter((item) => item.policyId === policy.id) }));
}

/**
 * 《科技创新政策指引》 of an edition, generated from the library (never kept as a separate text):
 * by level (国家 → 区), then theme; for each item its 支持对象, 条件, 标准, 兑现方式, 申报时间,
 * 受理部门 and 电话, with the 政策依据 (title and 发文字号).
 */
export async function renderPolicyGuide(
  executor: Executor,
  options: { edition: number; districtName: string },
): Promise<Buffer> {
  const content = await readGuideContent(executor, options.edition);
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 60 },
      children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)],
    });
  const children: Paragraph[] = [
    new Paragraph({
      text: `${options.districtName}科技创新政策指引`,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({
      text: `（${options.edition}年版）`,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
  ];
  let chapter = 0;
  const chapterNumbers = ['一', '二', '三', '四', '五', '六', '七', '八'];
  for (const level of POLICY_LEVELS) {
    const ofLevel = content.filter((entry) => entry.policy.level === level);
    if (ofLevel.length === 0) continue;
    children.push(
      new Paragraph({
        text: `${chapterNumbers[chapter++]}、${POLICY_LEVEL_LABELS[level].zh}政策`,
        heading: HeadingLevel.HEADING_1,
      }),
    );
    for (const theme of POLICY_THEMES) {
      const ofTheme = ofLevel.filter((entry) => entry.policy.theme === theme);
      if (ofTheme.length === 0) continue;
      children.push(new Paragraph({ text: POLICY_THEME_LABELS[theme].zh, heading: HeadingLevel.HEADING_2 }));
      for (const { policy, items } of ofTheme) {
        children.push(
          new Paragraph({
            text: `《${policy.title}》（${policy.documentNo}）`,
            heading: HeadingLevel.HEADING_3,
          }),
        );
        children.push(
          line('发布机关', `${policy.issuer}，${policy.publishedOn} 发布，${policy.effectiveFrom} 起施行`),
        );
        for (const item of items) {
          children.push(
            new Paragraph({
              spacing: { before: 120, after: 60 },
              children: [
                new TextRun({
                  text: `【${POLICY_ITEM_TYPE_LABELS[item.type].zh}】${item.title}`,
                  bold: true,
                }),
              ],
            }),
            line('支持对象', item.beneficiaries),
            line(
              '申报条件',
              item.conditions.length ? item.conditions.map(describeCondition).join('；') : '无特别条件',
            ),
            line('支持标准', describeAmount(item.amount)),
            line(
              '兑现方式',
              `${FULFIL_MODE_LABELS[item.fulfilMode].zh}${item.fulfilDays ? `，${item.fulfilDays}个工作日内兑现` : ''}`,
            ),
            line(
              '申报时间',
              item.windowFrom ? `${item.windowFrom} 至 ${item.windowTo ?? '长期'}` : '常年受理',
            ),
            line('受理部门', item.department),
            line('咨询电话', item.contact),
            line('政策依据', `《${policy.title}》（${policy.documentNo}）`),
          );
        }
      }
    }
  }
  if (content.length === 0) children.push(new Paragraph('本年度暂无已发布的政策。'));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function recordDistribution(
  db: Database,
  options: { input: GuideDistributionInput; context: RequestContext },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(policyGuideDistributions)
      .values({ ...options.input, recordedBy: options.context.actor?.userId ?? null })
      .returning();
    await recordAudit(tx, options.context, {
      event: 'policy.guide.distribute',
      objectType: 'policy_guide_distributions',
      objectId: row.id,
      after: options.input,
    });
    return {
      id: row.id,
      edition: row.edition,
      recipient: row.recipient,
      copies: row.copies,
      distributedOn: row.distributedOn,
    };
  });
}

export async function listDistributions(executor: Executor, edition?: number) {
  const rows = await executor
    .select()
    .from(policyGuideDistributions)
    .where(edition === undefined ? undefined : eq(policyGuideDistributions.edition, edition))
    .orderBy(asc(policyGuideDistributions.distributedOn), asc(policyGuideDistributions.id));
  return {
    items: rows.map((row) => ({
      id: row.id,
      edition: row.edition,
      recipient: row.recipient,
      copies: row.copies,
      distributedOn: row.distributedOn,
    })),
    totalCopies: rows.reduce((sum, row) => sum + row.copies, 0),
  };
}

/**
 * Generates the edition's 《指引》 now and keeps it: the Word file, its number within the year and the
 * policy versions it was built from, so an edition handed out can be produced again exactly.
 */
export async function keepGuideEdition(
  db: Database,
  options: { edition: number; districtName: string; context: RequestContext },
): Promise<GuideEdition> {
  const { edition, context } = options;
  const id = await db.transaction(async (tx) => {
    const content = await readGuideContent(tx, edition);
    const buffer = await renderPolicyGuide(tx, { edition, districtName: options.districtName });
    const [last] = await tx
      .select({ number: sql<number | null>`max(${policyGuideEditions.number})` })
      .from(policyGuideEditions)
      .where(eq(policyGuideEditions.edition, edition));
    const number = (last?.number ?? 0) + 1;
    const file = await storeFile(tx, context, {
      buffer,
      fileName: `科技创新政策指引-${edition}年版-第${number}次印制.docx`,
      purpose: 'policy-guide-edition',
      ownerEnterpriseId: null,
    });
    const [row] = await tx
      .insert(policyGuideEditions)
      .values({
        edition,
        number,
        fileId: file.id,
        policyVersions: content.map(({ policy }) => ({
          id: policy.id,
          version: policy.version,
          documentNo: policy.documentNo,
          title: policy.title,
        })),
        itemCount: content.reduce((sum, { items }) => sum + items.length, 0),
        generatedBy: context.actor?.userId ?? null,
      })
      .returning({ id: policyGuideEditions.id });
    await recordAudit(tx, context, {
      event: 'policy.guide.edition',
      objectType: 'policy_guide_editions',
      objectId: row.id,
      after: { edition, number, fileId: file.id, policies: content.length },
    });
    return row.id;
  });
  const [kept] = (await listGuideEditions(db, edition)).items.filter((item) => item.id === id);
  return kept;
}

export async function listGuideEditions(
  executor: Executor,
  edition?: number,
): Promise<{ items: GuideEdition[] }> {
  const rows = await executor
    .select({
      row: policyGuideEditions,
      fileName: storedFiles.fileName,
      size: storedFiles.size,
      generatedBy: users.displayName,
    })
    .from(policyGuideEditions)
    .innerJoin(storedFiles, eq(storedFiles.id, policyGuideEditions.fileId))
    .leftJoin(users, eq(users.id, policyGuideEditions.generatedBy))
    .where(edition === undefined ? undefined : eq(policyGuideEditions.edition, edition))
    .orderBy(desc(policyGuideEditions.edition), desc(policyGuideEditions.number));
  const copies = await executor
    .select({
      edition: policyGuideDistributions.edition,
      copies: sql<number>`coalesce(sum(${policyGuideDistributions.copies}), 0)::int`,
    })
    .from(policyGuideDistributions)
    .where(edition === undefined ? undefined : eq(policyGuideDistributions.edition, edition))
    .groupBy(policyGuideDistributions.edition);
  const copiesOf = new Map(copies.map((row) => [row.edition, Number(row.copies)]));
  return {
    items: rows.map(({ row, fileName, size, generatedBy }) => ({
      id: row.id,
      edition: row.edition,
      number: row.number,
      fileName,
      size,
      itemCount: row.itemCount,
      copiesDistributed: copiesOf.get(row.edition) ?? 0,
      policyVersions: row.policyVersions,
      generatedBy,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** The kept file of an edition (404 when there is none). */
export async function guideEditionFile(executor: Executor, id: number) {
  const [row] = await executor.select().from(policyGuideEditions).where(eq(policyGuideEditions.id, id));
  const file = row ? await findStoredFile(executor, row.fileId) : null;
  if (!file) throw notFound();
  return file;
}
