import {
  creditCodeSchema,
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_SOURCES,
  type ProblemCategory,
  type ProblemSource,
  servicePastDateSchema,
} from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Executor } from '../../db/connection';
import { enterprises, serviceDepartments } from '../../db/schema';
import { insertProblems } from './problems-service';

const textCell = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().trim().min(1).max(max),
  );
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().trim().max(max).optional(),
  );

const bySourceName = (value: unknown) =>
  PROBLEM_SOURCES.find(
    (source) => PROBLEM_SOURCE_LABELS[source].zh === (typeof value === 'string' ? value.trim() : value),
  ) ?? value;
const byCategoryName = (value: unknown) =>
  PROBLEM_CATEGORIES.find((category) => category.name === (typeof value === 'string' ? value.trim() : value))
    ?.code ?? value;

const ledgerRowSchema = z.object({
  serial: z.union([z.number(), z.string()]).optional(),
  source: z.preprocess(bySourceName, z.enum(PROBLEM_SOURCES)),
  creditCode: creditCodeSchema,
  enterpriseName: optionalText(100),
  category: z.preprocess(
    byCategoryName,
    z.enum(PROBLEM_CATEGORIES.map((category) => category.code) as [ProblemCategory]),
  ),
  description: textCell(1000),
  department: textCell(100),
  assignee: optionalText(50),
  assignedOn: servicePastDateSchema,
});
type LedgerRow = z.infer<typeof ledgerRowSchema>;

async function lookups(executor: Executor, codes: string[]) {
  const [found, departments] = await Promise.all([
    codes.length === 0
      ? []
      : executor
          .select({ id: enterprises.id, creditCode: enterprises.creditCode })
          .from(enterprises)
          .where(inArray(enterprises.creditCode, codes)),
    executor.select({ id: serviceDepartments.id, name: serviceDepartments.name }).from(serviceDepartments),
  ]);
  return {
    enterprises: new Map(found.map((row) => [row.creditCode, row.id])),
    departments: new Map(departments.map((row) => [row.name, row.id])),
  };
}

/**
 * A 问题台账 kept in Excel before the platform: one problem per row, the enterprise by 统一社会信用代码,
 * the 责任单位 by name (it must be one of the departments), the 交办日期 from which the limit of its
 * category is counted in working days. All or nothing: an unknown department or enterprise refuses the file.
 */
export const problemLedgerImport: ImportDefinition<LedgerRow> = {
  kind: 'service-problem-ledger',
  title: '问题台账',
  columns: [
    { key: 'serial', header: '序号', headerEn: 'No.' },
    {
      key: 'source',
      header: '问题来源',
      headerEn: 'Source',
      isRequired: true,
      note: '走访调研、活动答疑或企业反映',
    },
    { key: 'creditCode', header: '企业统一社会信用代码', headerEn: 'Credit code', isRequired: true },
    { key: 'enterpriseName', header: '企业', headerEn: 'Enterprise' },
    {
      key: 'category',
      header: '问题类别',
      headerEn: 'Category',
      isRequired: true,
      note: PROBLEM_CATEGORIES.map((category) => category.name).join('、'),
    },
    { key: 'description', header: '问题描述', headerEn: 'Description', isRequired: true },
    { key: 'department', header: '责任单位', headerEn: 'Department', isRequired: true },
    { key: 'assignee', header: '责任人', headerEn: 'Assignee' },
    { key: 'assignedOn', header: '交办日期', headerEn: 'Assigned on', isRequired: true },
  ],
  rowSchema: ledgerRowSchema,
  checkRows: async (db, rows) => {
    const errors: ImportError[] = [];
    const found = await lookups(db, [...new Set(rows.map(({ value }) => value.creditCode))]);
    for (const { row, value } of rows) {
      if (!found.enterprises.has(value.creditCode))
        errors.push({
          row,
          column: '企业统一社会信用代码',
          message: `企业统一社会信用代码：${value.creditCode} 不在企业库中`,
        });
      if (!found.departments.has(value.department))
        errors.push({
          row,
          column: '责任单位',
          message: `责任单位：${value.department} 不是已设置的责任单位`,
        });
    }
    return errors;
  },
  apply: async (tx, rows, context, source) => {
    const found = await lookups(tx, [...new Set(rows.map((row) => row.creditCode))]);
    for (const row of rows)
      await insertProblems(tx, {
        problems: [
          {
            category: row.category,
            description: row.description,
            departmentId: found.departments.get(row.department) ?? 0,
            assignee: row.assignee ?? null,
          },
        ],
        enterpriseId: found.enterprises.get(row.creditCode) ?? 0,
        visitId: null,
        source: row.source as ProblemSource,
        assignedOn: row.assignedOn,
        context,
      });
    await recordAudit(tx, context, {
      event: 'service-problem.import',
      objectType: 'service_problems',
      after: { problems: rows.length, fileName: source.fileName },
    });
    return { created: rows.length, updated: 0 };
  },
};
