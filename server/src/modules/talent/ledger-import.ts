import {
  creditCodeSchema,
  describeIssue,
  EMPLOYMENT_MODE_LABELS,
  EMPLOYMENT_MODES,
  normalizeIdNumber,
  parseWanYuanToFen,
  TALENT_DEGREE_LABELS,
  TALENT_DEGREES,
  TALENT_FIELD_LABELS,
  TALENT_GENDER_LABELS,
  TALENT_GENDERS,
  TALENT_ID_TYPE_LABELS,
  TALENT_ID_TYPES,
  TALENT_ORIGINS,
  type TalentInput,
  talentInputSchema,
} from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Executor } from '../../db/connection';
import { enterprises, talentChannels, talents } from '../../db/schema';
import { digestPii } from './pii';
import { insertTalent } from './talent-service';

const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);
const textCell = (max: number) => z.preprocess(asText, z.string().trim().min(1).max(max));
const optionalText = (max: number) => z.preprocess(asText, z.string().trim().max(max).optional());
const optionalInt = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value),
    z.number().int().min(0).max(max).optional(),
  );
/** A Chinese label (男, 外籍人才, 护照 …) to its code; the code itself is accepted too. */
function labelled<const T extends readonly [string, ...string[]]>(
  codes: T,
  labels: Record<T[number], { zh: string }>,
) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return (
      codes.find(
        (code) => labels[code as T[number]].zh === text || labels[code as T[number]].zh.startsWith(text),
      ) ?? text
    );
  }, z.enum(codes));
}

const ledgerRowSchema = z.object({
  serial: z.union([z.number(), z.string()]).optional(),
  name: textCell(50),
  gender: labelled(TALENT_GENDERS, TALENT_GENDER_LABELS),
  birthYear: z.preprocess(
    (value) => (typeof value === 'string' ? Number(value.trim()) : value),
    z.number().int().min(1900).max(2100),
  ),
  origin: labelled(TALENT_ORIGINS, { domestic: { zh: '国内' }, foreign: { zh: '外籍' } }),
  nationality: textCell(50),
  idType: labelled(TALENT_ID_TYPES, TALENT_ID_TYPE_LABELS),
  idNumber: textCell(40),
  degree: labelled(TALENT_DEGREES, TALENT_DEGREE_LABELS),
  title: optionalText(50),
  field: textCell(50),
  employerCreditCode: creditCodeSchema,
  position: optionalText(50),
  arrivalDate: z.preprocess(asText, z.string().trim()),
  contact: optionalText(100),
  channelName: textCell(50),
  discovery: optionalText(200),
  employmentMode: labelled(EMPLOYMENT_MODES, EMPLOYMENT_MODE_LABELS),
  salaryWan: z.preprocess(
    (value) => (typeof value === 'number' ? value.toFixed(6).replace(/\.?0+$/, '') : value),
    z
      .string()
      .trim()
      .regex(/^\d{1,9}(\.\d{1,6})?$/)
      .optional(),
  ),
  relevantYears: optionalInt(70),
  workMonths: optionalInt(12),
  permitNo: optionalText(40),
  permitValidUntil: optionalText(10),
});
type LedgerRow = z.infer<typeof ledgerRowSchema>;

const HEADERS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthYear: '出生年份',
  origin: '国内/外籍',
  nationality: '国籍',
  idType: '证件类型',
  idNumber: '证件号码',
  degree: '学历学位',
  title: '职称',
  field: '专业领域',
  employerEnterpriseId: '工作单位统一社会信用代码',
  position: '职务/岗位',
  arrivalDate: '来区工作日期',
  contact: '联系方式',
  channelId: '引进渠道',
  discovery: '摸排来源',
  employmentMode: '引进方式',
  annualSalaryFen: '年薪（万元）',
  relevantYears: '相关工作年限',
  workMonths: '年在华工作月数',
  permitNo: '工作许可证号',
  permitValidUntil: '许可有效期至',
  foreign: '年薪（万元）',
};

/** The form a row stands for, once its employer and channel are found. */
function toInput(value: LedgerRow, employerId: number, channelId: number): TalentInput {
  return {
    name: value.name,
    gender: value.gender,
    birthYear: value.birthYear,
    origin: value.origin,
    nationality: value.nationality,
    idType: value.idType,
    idNumber: value.idNumber,
    degree: value.degree,
    title: value.title || null,
    field: value.field,
    employerEnterpriseId: employerId,
    employerPlatformId: null,
    position: value.position || null,
    arrivalDate: value.arrivalDate,
    contact: value.contact || null,
    channelId,
    discovery: value.discovery || null,
    employmentMode: value.employmentMode,
    foreign:
      value.origin === 'foreign'
        ? {
            annualSalaryFen: value.salaryWan ? parseWanYuanToFen(value.salaryWan) : null,
            relevantYears: value.relevantYears ?? 0,
            workMonths: value.workMonths ?? 12,
            chineseLevel: 0,
            aQualifications: [],
            bonusItems: [],
            skillCertificate: false,
            languageTeacher: false,
            shortTermOrQuota: false,
            localBonus: 0,
            permitNo: value.permitNo || null,
            permitValidUntil: value.permitValidUntil || null,
          }
        : null,
  };
}

async function lookups(executor: Executor, rows: LedgerRow[]) {
  const codes = [...new Set(rows.map((row) => row.employerCreditCode))];
  const employers = new Map<string, number>();
  for (let start = 0; start < codes.length; start += 1000) {
    const found = await executor
      .select({ id: enterprises.id, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, codes.slice(start, start + 1000)));
    for (const row of found) employers.set(row.creditCode, row.id);
  }
  const channels = new Map(
    (await executor.select().from(talentChannels))
      .filter((row) => row.isActive)
      .map((row) => [row.name, row.id]),
  );
  return { employers, channels };
}

/**
 * A 人才台账 as the bureau keeps it in Excel: one person per row, the employer by 统一社会信用代码, the
 * channel by name; a foreign talent's salary, experience and months give the work-permit class.
 * All or nothing: every row is checked as the form checks it (ID check digit, age, arrival), and a
 * document number already on the ledger or twice in the file refuses the whole file.
 */
export const talentLedgerImport: ImportDefinition<LedgerRow> = {
  kind: 'talent-ledger',
  title: '人才台账',
  columns: [
    { key: 'serial', header: '序号', headerEn: 'No.' },
    { key: 'name', header: '姓名', headerEn: 'Name', isRequired: true },
    { key: 'gender', header: '性别', headerEn: 'Gender', isRequired: true, note: '男或女' },
    { key: 'birthYear', header: '出生年份', headerEn: 'Birth year', isRequired: true },
    {
      key: 'origin',
      header: '国内/外籍',
      headerEn: 'Domestic / foreign',
      isRequired: true,
      note: '国内或外籍',
    },
    { key: 'nationality', header: '国籍', headerEn: 'Nationality', isRequired: true },
    {
      key: 'idType',
      header: '证件类型',
      headerEn: 'Document type',
      isRequired: true,
      note: '居民身份证或护照',
    },
    { key: 'idNumber', header: '证件号码', headerEn: 'Document no.', isRequired: true },
    {
      key: 'degree',
      header: '学历学位',
      headerEn: 'Degree',
      isRequired: true,
      note: '博士、硕士、学士或其他',
    },
    { key: 'title', header: '职称', headerEn: 'Title' },
    { key: 'field', header: '专业领域', headerEn: 'Field', isRequired: true },
    {
      key: 'employerCreditCode',
      header: '工作单位统一社会信用代码',
      headerEn: 'Employer credit code',
      isRequired: true,
    },
    { key: 'position', header: '职务/岗位', headerEn: 'Position' },
    { key: 'arrivalDate', header: '来区工作日期', headerEn: 'Arrival date', isRequired: true },
    { key: 'contact', header: '联系方式', headerEn: 'Contact' },
    {
      key: 'channelName',
      header: '引进渠道',
      headerEn: 'Channel',
      isRequired: true,
      note: '如 海外人才联络站、猎头、自主引进',
    },
    { key: 'discovery', header: '摸排来源', headerEn: 'How found' },
    { key: 'employmentMode', header: '引进方式', headerEn: 'Mode', isRequired: true, note: '全职或柔性' },
    { key: 'salaryWan', header: '年薪（万元）', headerEn: 'Salary (10k yuan)', note: '外籍人才填写' },
    { key: 'relevantYears', header: '相关工作年限', headerEn: 'Years of experience', note: '外籍人才填写' },
    { key: 'workMonths', header: '年在华工作月数', headerEn: 'Months a year in China', note: '外籍人才填写' },
    { key: 'permitNo', header: '工作许可证号', headerEn: 'Permit no.' },
    { key: 'permitValidUntil', header: '许可有效期至', headerEn: 'Permit valid until' },
  ],
  rowSchema: ledgerRowSchema,
  checkRows: async (db, rows, context) => {
    const errors: ImportError[] = [];
    const { employers, channels } = await lookups(
      db,
      rows.map(({ value }) => value),
    );
    const digests = new Map<string, number>();
    for (const { row, value } of rows) {
      const employerId = employers.get(value.employerCreditCode);
      const channelId = channels.get(value.channelName);
      if (employerId === undefined)
        errors.push({
          row,
          column: HEADERS.employerEnterpriseId,
          message: `${HEADERS.employerEnterpriseId}：${value.employerCreditCode} 不在企业库中`,
        });
      if (channelId === undefined)
        errors.push({
          row,
          column: HEADERS.channelId,
          message: `${HEADERS.channelId}：${value.channelName} 不是在用的引进渠道`,
        });
      const parsed = talentInputSchema.safeParse(toInput(value, employerId ?? 1, channelId ?? 1));
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const key = issue.path.filter((part): part is string => typeof part === 'string').at(-1) ?? '';
          errors.push({
            row,
            column: HEADERS[key] ?? null,
            message: describeIssue(issue, context.language, TALENT_FIELD_LABELS),
          });
        }
      const digest = digestPii(normalizeIdNumber(value.idNumber));
      const first = digests.get(digest);
      if (first !== undefined)
        errors.push({ row, column: '证件号码', message: `证件号码：与第 ${first} 行重复` });
      else digests.set(digest, row);
    }
    const known = digests.size
      ? await db
          .select({ digest: talents.idNumberDigest })
          .from(talents)
          .where(inArray(talents.idNumberDigest, [...digests.keys()]))
      : [];
    for (const { digest } of known)
      errors.push({
        row: digests.get(digest) ?? 0,
        column: '证件号码',
        message: '证件号码：该证件号码已在人才台账中登记',
      });
    return errors;
  },
  apply: async (tx, rows, context, source) => {
    const { employers, channels } = await lookups(tx, rows);
    for (const row of rows) {
      const input = talentInputSchema.parse(
        toInput(row, employers.get(row.employerCreditCode) ?? 0, channels.get(row.channelName) ?? 0),
      );
      await insertTalent(tx, input, context);
    }
    await recordAudit(tx, context, {
      event: 'talent.import',
      objectType: 'talents',
      after: { talents: rows.length, fileName: source.fileName },
    });
    return { created: rows.length, updated: 0 };
  },
};
