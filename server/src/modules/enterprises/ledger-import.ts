import {
  creditCodeSchema,
  dateSchema,
  ENTERPRISE_SIZES,
  enterpriseVerificationWorkflow,
  INDUSTRIES,
  phoneSchema,
  textSchema,
  translate,
} from '@kechuang/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import { readDistrictSettings } from '../../core/settings';
import { enterprises, workflowHistory } from '../../db/schema';
import { ENTERPRISE_MESSAGES } from './messages';

/** A dictionary column: the ledger holds the Chinese label (or the code); the row holds the code. */
function labelled(list: readonly { code: string; zh: string; en: string }[]) {
  const codes = list.map((item) => item.code) as [string, ...string[]];
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    return list.find((item) => item.zh === value || item.en === value || item.code === value)?.code ?? value;
  }, z.enum(codes));
}

const ledgerRowSchema = z.object({
  creditCode: creditCodeSchema,
  name: textSchema(100),
  contactName: textSchema(40),
  contactPhone: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), phoneSchema),
  industry: labelled(INDUSTRIES).optional(),
  street: z.string().trim().max(40).optional(),
  foundedOn: dateSchema.optional(),
  size: labelled(ENTERPRISE_SIZES).optional(),
  address: z.string().trim().max(200).optional(),
});
type LedgerRow = z.infer<typeof ledgerRowSchema>;

/**
 * The bureau's enterprise ledger (企业台账) as it keeps it in Excel: new enterprises are entered as
 * verified (the bureau vouches for its own ledger); known ones, by credit code, get their profile updated.
 */
export const enterpriseLedgerImport: ImportDefinition<LedgerRow> = {
  kind: 'enterprise-ledger',
  title: '企业台账',
  columns: [
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      headerEn: 'Credit code',
      isRequired: true,
      note: '18 位，如 91370811MA3C4D5E6X',
    },
    { key: 'name', header: '企业名称', headerEn: 'Name', isRequired: true },
    { key: 'contactName', header: '联系人', headerEn: 'Contact', isRequired: true },
    {
      key: 'contactPhone',
      header: '联系电话',
      headerEn: 'Phone',
      isRequired: true,
      note: '手机号或带区号的固定电话',
    },
    {
      key: 'industry',
      header: '所属行业',
      headerEn: 'Industry',
      note: INDUSTRIES.map((item) => item.zh).join('、'),
    },
    { key: 'street', header: '所属街道/镇', headerEn: 'Street' },
    { key: 'foundedOn', header: '成立日期', headerEn: 'Founded', note: '格式 2021-06-30' },
    { key: 'size', header: '企业规模', headerEn: 'Size', note: '大型、中型、小型、微型' },
    { key: 'address', header: '地址', headerEn: 'Address' },
  ],
  rowSchema: ledgerRowSchema,
  async checkRows(db, rows, context) {
    const errors: ImportError[] = [];
    const firstRowByCode = new Map<string, number>();
    const { streets } = await readDistrictSettings(db);
    for (const { row, value } of rows) {
      const earlier = firstRowByCode.get(value.creditCode);
      if (earlier !== undefined) {
        errors.push({
          row,
          column: '统一社会信用代码',
          message: translate(ENTERPRISE_MESSAGES.sameCreditCodeAsRow({ earlier }), context.language),
        });
      } else firstRowByCode.set(value.creditCode, row);
      if (value.street && !streets.includes(value.street)) {
        errors.push({
          row,
          column: '所属街道/镇',
          message: translate(ENTERPRISE_MESSAGES.unknownStreet({ street: value.street }), context.language),
        });
      }
    }
    return errors;
  },
  async apply(tx, rows, context) {
    const existing = await tx
      .select({ id: enterprises.id, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(
        inArray(
          enterprises.creditCode,
          rows.map((row) => row.creditCode),
        ),
      );
    const idByCode = new Map(existing.map((row) => [row.creditCode, row.id]));
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const profile = {
        name: row.name,
        contactName: row.contactName,
        contactPhone: row.contactPhone,
        industry: row.industry ?? null,
        street: row.street ?? null,
        foundedOn: row.foundedOn ?? null,
        size: row.size ?? null,
        address: row.address ?? null,
      };
      const id = idByCode.get(row.creditCode);
      if (id !== undefined) {
        await tx
          .update(enterprises)
          .set({ ...profile, updatedAt: new Date(), version: sql`${enterprises.version} + 1` })
          .where(eq(enterprises.id, id));
        updated += 1;
        continue;
      }
      const [inserted] = await tx
        .insert(enterprises)
        .values({ creditCode: row.creditCode, status: 'verified', verifiedAt: new Date(), ...profile })
        .returning({ id: enterprises.id });
      await tx.insert(workflowHistory).values({
        workflow: enterpriseVerificationWorkflow.name,
        objectId: inserted.id,
        action: 'import',
        fromStatus: null,
        toStatus: 'verified',
        actorId: context.actor?.userId ?? null,
        actorName: context.actor?.displayName ?? '',
        actorRole: context.actor?.role ?? 'staff',
        comment: '由科技局企业台账导入',
      });
      created += 1;
    }
    await recordAudit(tx, context, {
      event: 'enterprise.ledger.import',
      objectType: 'enterprises',
      after: { created, updated },
    });
    return { created, updated };
  },
};
