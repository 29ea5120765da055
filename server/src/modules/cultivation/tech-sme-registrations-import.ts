import { creditCodeSchema, techSmeRegistrationInputSchema, translate } from '@kechuang/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Database } from '../../db/connection';
import { techSmeRegistrations } from '../../db/schema';
import { findEnterpriseIds, unknownEnterprise } from './figures-import';
import { CULTIVATION_MESSAGES } from './messages';

const registrationRowSchema = z.object({
  creditCode: creditCodeSchema,
  year: techSmeRegistrationInputSchema.shape.year,
  registrationNumber: z.preprocess(
    (value) => (value === undefined ? value : String(value)),
    techSmeRegistrationInputSchema.shape.registrationNumber,
  ),
  registeredOn: techSmeRegistrationInputSchema.shape.registeredOn,
});
type RegistrationRow = z.infer<typeof registrationRowSchema>;

/** 科技型中小企业 入库 register from the ledger: one row per enterprise and year. */
export const techSmeRegistrationsImport: ImportDefinition<RegistrationRow> = {
  kind: 'tech-sme-registrations',
  title: '科技型中小企业入库登记',
  columns: [
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', isRequired: true },
    { key: 'year', header: '入库年度', headerEn: 'Year', isRequired: true },
    {
      key: 'registrationNumber',
      header: '入库登记编号',
      headerEn: 'Registration number',
      isRequired: true,
      note: '如 2021370811A0000123',
    },
    {
      key: 'registeredOn',
      header: '入库日期',
      headerEn: 'Registration date',
      isRequired: true,
      note: '格式 2021-06-30',
    },
  ],
  rowSchema: registrationRowSchema,
  async checkRows(db, rows, context) {
    const ids = await findEnterpriseIds(db, [...new Set(rows.map((item) => item.value.creditCode))]);
    const errors: ImportError[] = [];
    const numbers = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!ids.has(value.creditCode)) errors.push(unknownEnterprise(row, value.creditCode, context.language));
      if (!value.registrationNumber.startsWith(String(value.year))) {
        errors.push({
          row,
          column: '入库登记编号',
          message: translate(CULTIVATION_MESSAGES.registrationNumberYear(value), context.language),
        });
      }
      const earlier = numbers.get(value.registrationNumber);
      if (earlier !== undefined)
        errors.push({
          row,
          column: '入库登记编号',
          message: translate(CULTIVATION_MESSAGES.sameRegistrationNumberAsRow({ earlier }), context.language),
        });
      else numbers.set(value.registrationNumber, row);
    }
    const taken = rows.length
      ? await db
          .select({ number: techSmeRegistrations.registrationNumber })
          .from(techSmeRegistrations)
          .where(inArray(techSmeRegistrations.registrationNumber, [...numbers.keys()]))
      : [];
    for (const { number } of taken) {
      errors.push({
        row: numbers.get(number)!,
        column: '入库登记编号',
        message: translate(CULTIVATION_MESSAGES.registrationNumberRegistered, context.language),
      });
    }
    return errors;
  },
  async apply(tx, rows, context) {
    const ids = await findEnterpriseIds(tx as unknown as Database, [
      ...new Set(rows.map((row) => row.creditCode)),
    ]);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const enterpriseId = ids.get(row.creditCode)!;
      const [existing] = await tx
        .select()
        .from(techSmeRegistrations)
        .where(
          and(eq(techSmeRegistrations.enterpriseId, enterpriseId), eq(techSmeRegistrations.year, row.year)),
        );
      if (existing) {
        await tx
          .update(techSmeRegistrations)
          .set({
            registrationNumber: row.registrationNumber,
            registeredOn: row.registeredOn,
            updatedAt: new Date(),
            version: sql`${techSmeRegistrations.version} + 1`,
          })
          .where(eq(techSmeRegistrations.id, existing.id));
        updated += 1;
      } else {
        await tx.insert(techSmeRegistrations).values({
          enterpriseId,
          year: row.year,
          registrationNumber: row.registrationNumber,
          registeredOn: row.registeredOn,
        });
        created += 1;
      }
    }
    await recordAudit(tx, context, {
      event: 'tech-sme.registrations.import',
      objectType: 'tech_sme_registrations',
      after: { created, updated },
    });
    return { created, updated };
  },
};
