import {
  computeCertificateExpiry,
  computeReminderDate,
  creditCodeSchema,
  findCertificateNumberProblem,
  highTechCertificateInputSchema,
  translate,
} from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportDefinition, ImportError } from '../../core/excel-import';
import type { Database } from '../../db/connection';
import { highTechCertificates } from '../../db/schema';
import { findEnterpriseIds, unknownEnterprise } from './figures-import';
import { CULTIVATION_MESSAGES } from './messages';

const certificateRowSchema = z.object({
  creditCode: creditCodeSchema,
  certificateNumber: highTechCertificateInputSchema.shape.certificateNumber,
  issuedOn: highTechCertificateInputSchema.shape.issuedOn,
});
type CertificateRow = z.infer<typeof certificateRowSchema>;

/** 国家高新技术企业 certificates from the ledger; a number already on file gets its issue date corrected. */
export const highTechCertificatesImport: ImportDefinition<CertificateRow> = {
  kind: 'high-tech-certificates',
  title: '高新技术企业证书',
  columns: [
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', isRequired: true },
    {
      key: 'certificateNumber',
      header: '证书编号',
      headerEn: 'Certificate number',
      isRequired: true,
      note: '如 GR202037001234',
    },
    {
      key: 'issuedOn',
      header: '发证日期',
      headerEn: 'Issue date',
      isRequired: true,
      note: '格式 2021-06-30',
    },
  ],
  rowSchema: certificateRowSchema,
  async checkRows(db, rows, context) {
    const ids = await findEnterpriseIds(db, [...new Set(rows.map((item) => item.value.creditCode))]);
    const errors: ImportError[] = [];
    const numbers = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!ids.has(value.creditCode)) errors.push(unknownEnterprise(row, value.creditCode, context.language));
      const problem = findCertificateNumberProblem(value.certificateNumber, value.issuedOn);
      if (problem)
        errors.push({
          row,
          column: '证书编号',
          message: context.language === 'en' ? problem.en : problem.zh,
        });
      const earlier = numbers.get(value.certificateNumber);
      if (earlier !== undefined) {
        errors.push({
          row,
          column: '证书编号',
          message: translate(CULTIVATION_MESSAGES.sameCertificateNumberAsRow({ earlier }), context.language),
        });
      } else numbers.set(value.certificateNumber, row);
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
      const expiresOn = computeCertificateExpiry(row.issuedOn);
      const dates = { issuedOn: row.issuedOn, expiresOn, remindOn: computeReminderDate(expiresOn) };
      const [existing] = await tx
        .select()
        .from(highTechCertificates)
        .where(eq(highTechCertificates.certificateNumber, row.certificateNumber));
      if (existing) {
        await tx
          .update(highTechCertificates)
          .set({
            ...dates,
            enterpriseId: ids.get(row.creditCode)!,
            updatedAt: new Date(),
            version: sql`${highTechCertificates.version} + 1`,
          })
          .where(eq(highTechCertificates.id, existing.id));
        updated += 1;
      } else {
        await tx.insert(highTechCertificates).values({
          ...dates,
          enterpriseId: ids.get(row.creditCode)!,
          certificateNumber: row.certificateNumber,
        });
        created += 1;
      }
    }
    await recordAudit(tx, context, {
      event: 'high-tech.certificates.import',
      objectType: 'high_tech_certificates',
      after: { created, updated },
    });
    return { created, updated };
  },
};
