import {
  creditCodeSchema,
  findTypeLevelProblem,
  PLATFORM_ISSUE_MESSAGES,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_LEVELS,
  type PlatformLevel,
  parseWanYuanToFen,
  phoneSchema,
  recognitionDateSchema,
} from '@kechuang/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Executor } from '../../db/connection';
import { enterprises, platforms, platformTypes } from '../../db/schema';
import { insertPlatform } from './platforms-service';

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
const optionalCount = z.preprocess(
  (value) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value),
  z.number().int().min(0).max(10_000_000).optional(),
);

/** 国家级 / 国家 / 省级 / 省 / 市级 / 市 / 区级 / 区 (县级 as 区) to the level's code. */
function parseLevel(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(/级$/, '');
  const found = PLATFORM_LEVELS.find((level) => PLATFORM_LEVEL_LABELS[level].zh.replace(/级$/, '') === text);
  return found ?? (text === '县' ? 'district' : value);
}

const ledgerRowSchema = z.object({
  serial: z.union([z.number(), z.string()]).optional(),
  name: textCell(100),
  typeName: textCell(40),
  level: z.preprocess(parseLevel, z.enum(PLATFORM_LEVELS)),
  approvingBody: textCell(100),
  documentNo: textCell(100),
  recognizedOn: recognitionDateSchema,
  /** One code, or several (创新创业共同体) separated by 、 ， ； or spaces. */
  hostCreditCodes: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/[、,，;；\s]+/).filter(Boolean) : value),
    z.array(creditCodeSchema).min(1).max(20),
  ),
  field: optionalText(100),
  street: optionalText(50),
  areaSquareMeters: optionalCount,
  staffCount: optionalCount,
  equipmentWan: z.preprocess(
    (value) => (typeof value === 'number' ? value.toFixed(6).replace(/\.?0+$/, '') : value),
    z
      .string()
      .trim()
      .regex(/^\d{1,9}(\.\d{1,6})?$/)
      .optional(),
  ),
  contactName: optionalText(50),
  contactPhone: z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    phoneSchema.optional(),
  ),
});
type LedgerRow = z.infer<typeof ledgerRowSchema>;

async function hostIdsByCode(executor: Executor, codes: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < codes.length; start += 1000) {
    const rows = await executor
      .select({ id: enterprises.id, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, codes.slice(start, start + 1000)));
    for (const row of rows) found.set(row.creditCode, row.id);
  }
  return found;
}

const issue = (key: string) => PLATFORM_ISSUE_MESSAGES[key].zh;

/**
 * A 科创平台台账 as the bureau keeps it in Excel: one platform per row at its current level, hosts
 * by 统一社会信用代码 (they must be in the enterprise registry), types by name. All or nothing: a
 * type or level that does not go together, a future date, an unknown host or a platform already
 * on the register refuses the whole file, each named by row and column.
 */
export const platformLedgerImport: ImportDefinition<LedgerRow> = {
  kind: 'platform-ledger',
  title: '科创平台台账',
  columns: [
    { key: 'serial', header: '序号', headerEn: 'No.' },
    { key: 'name', header: '平台名称', headerEn: 'Platform name', isRequired: true },
    {
      key: 'typeName',
      header: '平台类型',
      headerEn: 'Type',
      isRequired: true,
      note: '如 重点实验室、众创空间',
    },
    { key: 'level', header: '级别', headerEn: 'Level', isRequired: true, note: '国家级、省级、市级或区级' },
    { key: 'approvingBody', header: '认定（备案）部门', headerEn: 'Approving body', isRequired: true },
    { key: 'documentNo', header: '认定（备案）文号', headerEn: 'Document no.', isRequired: true },
    { key: 'recognizedOn', header: '认定（备案）日期', headerEn: 'Recognised on', isRequired: true },
    {
      key: 'hostCreditCodes',
      header: '依托单位统一社会信用代码',
      headerEn: 'Host credit codes',
      isRequired: true,
      note: '多个依托单位用顿号分隔',
    },
    { key: 'field', header: '技术领域', headerEn: 'Field' },
    { key: 'street', header: '所属街道/镇', headerEn: 'Street / town' },
    { key: 'areaSquareMeters', header: '面积（平方米）', headerEn: 'Area (m²)' },
    { key: 'staffCount', header: '人员数', headerEn: 'Staff' },
    { key: 'equipmentWan', header: '仪器设备原值（万元）', headerEn: 'Equipment (10k yuan)' },
    { key: 'contactName', header: '联系人', headerEn: 'Contact person' },
    { key: 'contactPhone', header: '联系电话', headerEn: 'Contact phone' },
  ],
  rowSchema: ledgerRowSchema,
  checkRows: async (db, rows) => {
    const errors: ImportError[] = [];
    const types = new Map((await db.select().from(platformTypes)).map((type) => [type.name, type]));
    const hosts = await hostIdsByCode(db, [...new Set(rows.flatMap(({ value }) => value.hostCreditCodes))]);
    const seen = new Map<string, number>();
    for (const { row, value } of rows) {
      const type = types.get(value.typeName);
      if (!type) {
        errors.push({ row, column: '平台类型', message: `平台类型：${value.typeName} 不在平台类型中` });
      } else {
        const problem = findTypeLevelProblem(type, value.level, value.hostCreditCodes.length);
        if (problem === 'platforms.levelNotOfType') {
          errors.push({ row, column: '级别', message: `级别${issue(problem)}` });
        } else if (problem) {
          const column = problem === 'platforms.oneHostOnly' ? '依托单位统一社会信用代码' : '平台类型';
          errors.push({ row, column, message: `${column}${issue(problem)}` });
        } else {
          const [existing] = await db
            .select({ id: platforms.id })
            .from(platforms)
            .where(and(eq(platforms.typeId, type.id), eq(platforms.name, value.name)));
          if (existing) {
            errors.push({ row, column: '平台名称', message: '平台名称：该类型下已有同名平台，不能重复导入' });
          }
        }
      }
      for (const code of value.hostCreditCodes) {
        if (!hosts.has(code)) {
          errors.push({
            row,
            column: '依托单位统一社会信用代码',
            message: `依托单位统一社会信用代码：${code}${issue('platforms.hostNotInRegistry')}`,
          });
        }
      }
      const key = `${value.typeName}|${value.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ row, column: '平台名称', message: `平台名称：与第 ${first} 行重复` });
      } else seen.set(key, row);
    }
    return errors;
  },
  apply: async (tx, rows, context, source) => {
    const types = new Map((await tx.select().from(platformTypes)).map((type) => [type.name, type.id]));
    const hosts = await hostIdsByCode(tx, [...new Set(rows.flatMap((row) => row.hostCreditCodes))]);
    for (const row of rows) {
      await insertPlatform(
        tx,
        {
          name: row.name,
          typeId: types.get(row.typeName) ?? 0,
          level: row.level as PlatformLevel,
          approvingBody: row.approvingBody,
          documentNo: row.documentNo,
          recognizedOn: row.recognizedOn,
          hostEnterpriseIds: row.hostCreditCodes.map((code) => hosts.get(code) ?? 0),
          field: row.field ?? null,
          street: row.street ?? null,
          areaSquareMeters: row.areaSquareMeters ?? null,
          staffCount: row.staffCount ?? null,
          equipmentFen: row.equipmentWan ? parseWanYuanToFen(row.equipmentWan) : null,
          contactName: row.contactName ?? null,
          contactPhone: row.contactPhone ?? null,
        },
        context,
      );
    }
    await recordAudit(tx, context, {
      event: 'platform.import',
      objectType: 'platforms',
      after: { platforms: rows.length, fileName: source.fileName },
    });
    return { created: rows.length, updated: 0 };
  },
};
