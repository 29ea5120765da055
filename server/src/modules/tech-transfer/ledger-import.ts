import { createHash } from 'node:crypto';
import {
  creditCodeSchema,
  dateSchema,
  formatFenAsWanYuan,
  parseRegistrationNumber,
  parseTechCategoryLabel,
  parseWanYuanToFen,
  TECH_CONTRACT_CATEGORIES,
  techContractWorkflow,
} from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Transaction } from '../../db/connection';
import { enterprises, fileBlobs, storedFiles, techContracts, workflowHistory } from '../../db/schema';
import { readTechTransferSettings } from './settings';

export const LEDGER_IMPORT_PURPOSE = 'tech-contract-ledger-import';

/** An amount in 万元 as the ledger writes it (a number cell or text), to 分. */
const wanSchema = z
  .preprocess(
    (value) => (typeof value === 'number' ? value.toFixed(6).replace(/\.?0+$/, '') : value),
    z.string().trim(),
  )
  .superRefine((text, context) => {
    if (/^-/.test(text))
      context.addIssue({ code: 'custom', params: { key: 'techTransfer.amountNegative' }, input: text });
    else if (!/^\d{1,9}(\.\d{1,6})?$/.test(text))
      context.addIssue({ code: 'custom', params: { key: 'techTransfer.amountFormat' }, input: text });
  })
  .transform((text) => parseWanYuanToFen(text));

const textCell = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().trim().min(1).max(max),
  );

const ledgerRowSchema = z
  .object({
    serial: z.union([z.number(), z.string()]).optional(),
    registrationNo: textCell(20),
    title: textCell(200),
    sellerName: textCell(200),
    sellerCreditCode: creditCodeSchema,
    buyerName: textCell(200),
    category: z.preprocess(
      (value) => (typeof value === 'string' ? (parseTechCategoryLabel(value) ?? value) : value),
      z.enum(TECH_CONTRACT_CATEGORIES),
    ),
    contractWan: wanSchema,
    techWan: wanSchema,
    registeredOn: dateSchema,
  })
  .superRefine((row, context) => {
    if (row.techWan > row.contractWan)
      context.addIssue({
        code: 'custom',
        path: ['techWan'],
        params: { key: 'techTransfer.techAboveContractAmount' },
        input: row,
      });
  });
type LedgerRow = z.infer<typeof ledgerRowSchema>;

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/** The 合计 row's amount in a column, or null when it is missing or not an amount. */
function summaryAmount(record: Record<string, string | number>, key: string): number | null {
  const parsed = wanSchema.safeParse(record[key]);
  return parsed.success ? parsed.data : null;
}

/** The uploaded ledger kept as it was, so every imported contract can be traced to its file. */
async function keepLedgerFile(
  tx: Transaction,
  context: RequestContext,
  source: { buffer: Buffer; fileName: string },
) {
  const sha256 = createHash('sha256').update(source.buffer).digest('hex');
  await tx
    .insert(fileBlobs)
    .values({ sha256, bytes: source.buffer, size: source.buffer.length })
    .onConflictDoNothing();
  const [file] = await tx
    .insert(storedFiles)
    .values({
      sha256,
      fileName: source.fileName,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: source.buffer.length,
      purpose: LEDGER_IMPORT_PURPOSE,
      ownerEnterpriseId: null,
      uploadedBy: context.actor?.userId ?? null,
    })
    .returning();
  return file;
}

/**
 * A registry's year can pass the platform's 50,000-row default: a city or provincial registry
 * registers tens of thousands of contracts a year, and the ledger is imported in one piece because
 * the 合计 row checks the whole year. 120,000 rows leave a fifth of room above a 100,000-row year.
 * Such a ledger (10 columns, shared strings) is about 7 MiB zipped and 46 MiB unzipped, so the
 * file and unzipped limits are raised with it; `bench/ledger-import.ts` measures the memory a
 * 100,000-row import takes.
 */
export const TECH_LEDGER_IMPORT_LIMITS = {
  maxRows: 120_000,
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 150 * 1024 * 1024,
};

/**
 * A year's 技术合同登记台账 as bureaus keep it in Excel: a title row above the header, amounts in 万元,
 * a 合计 row checked against the rows. All or nothing; each imported contract is registered,
 * marked as imported and linked to the kept file. Sellers must already be known by credit code.
 */
export const techContractLedgerImport: ImportDefinition<LedgerRow> = {
  kind: 'tech-contract-ledger',
  title: '技术合同登记台账',
  limits: TECH_LEDGER_IMPORT_LIMITS,
  columns: [
    { key: 'serial', header: '序号', headerEn: 'No.' },
    {
      key: 'registrationNo',
      header: '合同登记编号',
      headerEn: 'Registration no.',
      isRequired: true,
      note: '14 位数字',
    },
    { key: 'title', header: '项目名称', headerEn: 'Title', isRequired: true },
    { key: 'sellerName', header: '卖方名称', headerEn: 'Seller', isRequired: true },
    {
      key: 'sellerCreditCode',
      header: '卖方统一社会信用代码',
      headerEn: 'Seller credit code',
      isRequired: true,
    },
    { key: 'buyerName', header: '买方名称', headerEn: 'Buyer', isRequired: true },
    {
      key: 'category',
      header: '合同类别',
      headerEn: 'Category',
      isRequired: true,
      note: '如 技术开发（委托开发）、技术服务（技术培训）',
    },
    {
      key: 'contractWan',
      header: '合同成交额（万元）',
      headerEn: 'Contract amount (10k yuan)',
      isRequired: true,
    },
    {
      key: 'techWan',
      header: '技术交易额（万元）',
      headerEn: 'Technology amount (10k yuan)',
      isRequired: true,
    },
    { key: 'registeredOn', header: '登记日期', headerEn: 'Registered on', isRequired: true },
  ],
  rowSchema: ledgerRowSchema,
  summaryRow: {
    isSummary: (record) =>
      [record.serial, record.registrationNo].some(
        (value) => typeof value === 'string' && /^合\s*计$/.test(value.trim()),
      ),
    check: (rows, summary) => {
      const errors: ImportError[] = [];
      const columns = [
        {
          key: 'contractWan',
          header: '合同成交额（万元）',
          total: sumOf(rows.map((row) => row.value.contractWan)),
        },
        { key: 'techWan', header: '技术交易额（万元）', total: sumOf(rows.map((row) => row.value.techWan)) },
      ];
      for (const column of columns) {
        const stated = summaryAmount(summary.record, column.key);
        if (stated !== column.total) {
          errors.push({
            row: summary.row,
            column: column.header,
            message: `合计行：${column.header} ${stated === null ? '缺失或不是金额' : formatFenAsWanYuan(stated)} 与各行之和 ${formatFenAsWanYuan(column.total)} 不一致`,
          });
        }
      }
      return errors;
    },
  },
  checkRows: async (db, rows) => {
    const errors: ImportError[] = [];
    const { numberFormat } = await readTechTransferSettings(db);
    const seen = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!parseRegistrationNumber(value.registrationNo, numberFormat)) {
        errors.push({
          row,
          column: '合同登记编号',
          message: '合同登记编号：格式不正确（14 位数字：年份、省、市、登记点、序号）',
        });
      }
      const first = seen.get(value.registrationNo);
      if (first !== undefined) {
        errors.push({ row, column: '合同登记编号', message: `合同登记编号：与第 ${first} 行重复` });
      } else seen.set(value.registrationNo, row);
    }
    const numbers = [...seen.keys()];
    for (let start = 0; start < numbers.length; start += 1000) {
      const existing = await db
        .select({ registrationNo: techContracts.registrationNo })
        .from(techContracts)
        .where(inArray(techContracts.registrationNo, numbers.slice(start, start + 1000)));
      for (const { registrationNo } of existing) {
        errors.push({
          row: seen.get(registrationNo ?? '') ?? 0,
          column: '合同登记编号',
          message: `合同登记编号：${registrationNo} 已登记，不能重复导入`,
        });
      }
    }
    const codes = [...new Set(rows.map(({ value }) => value.sellerCreditCode))];
    const known = new Set<string>();
    for (let start = 0; start < codes.length; start += 1000) {
      const found = await db
        .select({ creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes.slice(start, start + 1000)));
      for (const { creditCode } of found) known.add(creditCode);
    }
    for (const { row, value } of rows) {
      if (!known.has(value.sellerCreditCode)) {
        errors.push({
          row,
          column: '卖方统一社会信用代码',
          message: '卖方统一社会信用代码：平台中没有该企业，请先导入企业台账',
        });
      }
    }
    return errors;
  },
  apply: async (tx, rows, context, source) => {
    const file = await keepLedgerFile(tx, context, source);
    const codes = [...new Set(rows.map((row) => row.sellerCreditCode))];
    const sellers = new Map<string, number>();
    for (let start = 0; start < codes.length; start += 1000) {
      const found = await tx
        .select({ id: enterprises.id, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes.slice(start, start + 1000)));
      for (const { id, creditCode } of found) sellers.set(creditCode, id);
    }
    let created = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const inserted = await tx
        .insert(techContracts)
        .values(
          batch.map((row) => ({
            enterpriseId: sellers.get(row.sellerCreditCode) ?? 0,
            status: 'registered',
            title: row.title,
            category: row.category,
            sellerName: row.sellerName,
            sellerCreditCode: row.sellerCreditCode,
            buyerName: row.buyerName,
            buyerRegionCode: '',
            // The ledger has no signing date or term: the registration date stands in for them.
            signedOn: row.registeredOn,
            termStartOn: row.registeredOn,
            termEndOn: row.registeredOn,
            contractFen: row.contractWan,
            techFen: row.techWan,
            registrationNo: row.registrationNo,
            registeredOn: row.registeredOn,
            importFileId: file.id,
          })),
        )
        .returning({ id: techContracts.id });
      await tx.insert(workflowHistory).values(
        inserted.map((row) => ({
          workflow: techContractWorkflow.name,
          objectId: row.id,
          action: 'import',
          fromStatus: null,
          toStatus: 'registered',
          actorId: context.actor?.userId ?? null,
          actorName: context.actor?.displayName ?? '系统',
          actorRole: context.actor?.role ?? 'staff',
          comment: `导入自 ${source.fileName}`,
        })),
      );
      created += inserted.length;
    }
    await recordAudit(tx, context, {
      event: 'tech-contract.import',
      objectType: 'stored_files',
      objectId: file.id,
      after: { contracts: created, fileName: source.fileName },
    });
    return { created, updated: 0 };
  },
};
