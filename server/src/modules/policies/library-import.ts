import {
  DOCUMENT_NUMBER_PATTERN,
  dateSchema,
  INDEX_NUMBER_PATTERN,
  POLICY_LEVEL_LABELS,
  POLICY_LEVELS,
  POLICY_THEME_LABELS,
  POLICY_THEMES,
} from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import { policies } from '../../db/schema';
import { insertPolicy } from './policies-service';

const textCell = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().trim().min(1).max(max),
  );
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value === '' ? undefined : value),
    z.string().trim().max(max).optional(),
  );
const byLabel =
  <T extends string>(codes: readonly T[], labels: Record<T, { zh: string }>) =>
  (value: unknown) => {
    if (typeof value !== 'string') return value;
    const text = value.trim().replace(/级$/, '');
    return codes.find((code) => labels[code].zh.replace(/级$/, '') === text) ?? value;
  };
const optionalDate = z.preprocess((value) => (value === '' ? undefined : value), dateSchema.optional());

const libraryRowSchema = z
  .object({
    serial: z.union([z.number(), z.string()]).optional(),
    title: textCell(200),
    level: z.preprocess(byLabel(POLICY_LEVELS, POLICY_LEVEL_LABELS), z.enum(POLICY_LEVELS)),
    theme: z.preprocess(byLabel(POLICY_THEMES, POLICY_THEME_LABELS), z.enum(POLICY_THEMES)),
    indexNo: optionalText(40).refine((value) => value === undefined || INDEX_NUMBER_PATTERN.test(value), {
      params: { key: 'policies.indexNumber' },
    }),
    documentNo: textCell(60).refine((value) => DOCUMENT_NUMBER_PATTERN.test(value as string), {
      params: { key: 'policies.documentNumber' },
    }),
    issuer: textCell(200),
    writtenOn: dateSchema,
    publishedOn: dateSchema,
    effectiveFrom: dateSchema,
    effectiveTo: optionalDate,
    fullText: textCell(100_000),
  })
  .superRefine((row, context) => {
    if (row.publishedOn < row.writtenOn) {
      context.addIssue({
        code: 'custom',
        path: ['publishedOn'],
        params: { key: 'policies.publishedBeforeWritten' },
      });
    }
    if (row.effectiveTo && row.effectiveTo < row.effectiveFrom) {
      context.addIssue({ code: 'custom', path: ['effectiveTo'], params: { key: 'policies.endBeforeStart' } });
    }
  });
type LibraryRow = z.infer<typeof libraryRowSchema>;

/**
 * 政策文件台账: the documents a bureau has collected, one per row with the official header fields and
 * the text, entered as drafts (their items are broken out and published in the library). All or
 * nothing: a 发文字号 twice in the file or already in the library refuses the whole file.
 */
export const policyLibraryImport: ImportDefinition<LibraryRow> = {
  kind: 'policy-library',
  title: '政策文件台账',
  columns: [
    { key: 'serial', header: '序号', headerEn: 'No.' },
    { key: 'title', header: '政策名称', headerEn: 'Title', isRequired: true },
    { key: 'level', header: '层级', headerEn: 'Level', isRequired: true, note: '国家、省级、市级或区级' },
    {
      key: 'theme',
      header: '主题分类',
      headerEn: 'Theme',
      isRequired: true,
      note: '企业培育、研发投入、平台载体、人才、成果转化、科技金融',
    },
    { key: 'indexNo', header: '索引号', headerEn: 'Index no.' },
    {
      key: 'documentNo',
      header: '发文字号',
      headerEn: 'Document no.',
      isRequired: true,
      note: '如 任政发〔2020〕7号',
    },
    { key: 'issuer', header: '发布机关', headerEn: 'Issuing body', isRequired: true },
    { key: 'writtenOn', header: '成文日期', headerEn: 'Date signed', isRequired: true },
    { key: 'publishedOn', header: '发布日期', headerEn: 'Date published', isRequired: true },
    { key: 'effectiveFrom', header: '施行日期', headerEn: 'In force from', isRequired: true },
    { key: 'effectiveTo', header: '有效期至', headerEn: 'In force until' },
    { key: 'fullText', header: '全文', headerEn: 'Full text', isRequired: true },
  ],
  rowSchema: libraryRowSchema,
  checkRows: async (db, rows) => {
    const errors: ImportError[] = [];
    const numbers = rows.map(({ value }) => value.documentNo);
    const existing = new Set(
      numbers.length === 0
        ? []
        : (
            await db
              .select({ documentNo: policies.documentNo })
              .from(policies)
              .where(inArray(policies.documentNo, numbers))
          ).map((row) => row.documentNo),
    );
    const seen = new Map<string, number>();
    for (const { row, value } of rows) {
      const first = seen.get(value.documentNo);
      if (first !== undefined) {
        errors.push({ row, column: '发文字号', message: `发文字号：与第 ${first} 行重复` });
      } else if (existing.has(value.documentNo)) {
        errors.push({ row, column: '发文字号', message: `发文字号：${value.documentNo} 已在政策库中` });
      }
      seen.set(value.documentNo, row);
    }
    return errors;
  },
  apply: async (tx, rows, context) => {
    for (const row of rows) {
      await insertPolicy(
        tx,
        {
          title: row.title,
          level: row.level,
          theme: row.theme,
          indexNo: row.indexNo ?? null,
          documentNo: row.documentNo,
          issuer: row.issuer,
          writtenOn: row.writtenOn,
          publishedOn: row.publishedOn,
          effectiveFrom: row.effectiveFrom,
          effectiveTo: row.effectiveTo ?? null,
          fullText: row.fullText,
          interpretation: null,
          attachments: [],
          supersedesId: null,
          items: [],
        },
        context,
      );
    }
    return { created: rows.length, updated: 0 };
  },
};
