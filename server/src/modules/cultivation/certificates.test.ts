import { addMonthsToDate, computeCertificateExpiry, computeCertificateValidity } from '@kechuang/domain';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { sendExpiryReminders } from './certificate-reminders';

const suite = useTestApp({ staff: 'staff' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

const today = () => new Date().toISOString().slice(0, 10);
let serial = 100;
/** A Shandong certificate number of the issue date's year. */
function nextNumber(issuedOn: string): string {
  serial += 1;
  return `GR${issuedOn.slice(0, 4)}37${String(serial).padStart(6, '0')}`;
}

async function recordCertificate(
  enterpriseId: number,
  issuedOn: string,
  certificateNumber = nextNumber(issuedOn),
) {
  const response = await call(suite.staff, 'POST', '/api/cultivation/certificates', {
    enterpriseId,
    certificateNumber,
    issuedOn,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('高企 certificate dates', () => {
  it('expires three years after issue and is expiring in the last six months', () => {
    expect(computeCertificateExpiry('2023-11-30')).toBe('2026-11-30');
    expect(computeCertificateExpiry('2024-02-29')).toBe('2027-02-28');
    expect(computeCertificateValidity('2026-11-30', '2026-05-29')).toBe('valid');
    expect(computeCertificateValidity('2026-11-30', '2026-05-30')).toBe('expiring');
    expect(computeCertificateValidity('2026-11-30', '2026-11-29')).toBe('expiring');
    expect(computeCertificateValidity('2026-11-30', '2026-11-30')).toBe('expired');
  });
});

describe('国家高新技术企业 certificates', () => {
  it('checks the number at its edges and names the field', async () => {
    const company = await buildEnterprise(suite.test.app);
    const post = (certificateNumber: string, issuedOn = '2023-11-30') =>
      call(suite.staff, 'POST', '/api/cultivation/certificates', {
        enterpriseId: company.enterpriseId,
        certificateNumber,
        issuedOn,
      });
    for (const bad of [
      'GR20231100404',
      'GR2023110040431',
      'GX202311004043',
      'GR2023110040A3',
      'GR182311004043',
    ]) {
      const response = await post(bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.details[0]).toEqual({
        path: 'certificateNumber',
        message: '高新技术企业证书编号：格式不正确',
      });
    }
    const unknownProvince = await post('GR202399004043');
    expect(unknownProvince.json().error.details[0].message).toBe(
      '高新技术企业证书编号：第 7–8 位省份代码（99）不是有效的省级行政区划代码',
    );
    const otherYear = await post('GR202211004043');
    expect(otherYear.json().error.details[0].message).toContain('应与发证日期的年度（2023）一致');
    const future = await post(nextNumber(addMonthsToDate(today(), 12)), addMonthsToDate(today(), 12));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('issuedOn');

    const accepted = await post('gr202311004043');
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      certificateNumber: 'GR202311004043',
      issuedOn: '2023-11-30',
      expiresOn: '2026-11-30',
    });
    const historical = await post('GF201537000123', '2015-10-12');
    expect(historical.statusCode).toBe(201);
    const again = await post('GR202311004043');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe('certificateNumber');
  });

  it('computes validity, filters by it, refuses stale corrections and exports', async () => {
    const company = await buildEnterprise(suite.test.app, { name: '济宁证书导出科技有限公司' });
    const valid = await recordCertificate(company.enterpriseId, addMonthsToDate(today(), -12));
    const expiring = await recordCertificate(company.enterpriseId, addMonthsToDate(today(), -33));
    const expired = await recordCertificate(company.enterpriseId, addMonthsToDate(today(), -40));
    expect([valid.validity, expiring.validity, expired.validity]).toEqual(['valid', 'expiring', 'expired']);

    const list = (
      await call(
        suite.staff,
        'GET',
        `/api/cultivation/certificates?validity=expiring&keyword=${encodeURIComponent('证书导出')}`,
      )
    ).json();
    expect(list.items.map((item: { id: number }) => item.id)).toEqual([expiring.id]);

    const corrected = await call(suite.staff, 'PUT', `/api/cultivation/certificates/${valid.id}`, {
      certificateNumber: valid.certificateNumber,
      issuedOn: addMonthsToDate(valid.issuedOn, -1),
      version: 1,
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().expiresOn).toBe(computeCertificateExpiry(addMonthsToDate(valid.issuedOn, -1)));
    const stale = await call(suite.staff, 'PUT', `/api/cultivation/certificates/${valid.id}`, {
      certificateNumber: valid.certificateNumber,
      issuedOn: valid.issuedOn,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const exported = await call(
      suite.staff,
      'GET',
      `/api/cultivation/certificates/export?keyword=${encodeURIComponent('证书导出')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const statuses = (sheet.getSheetValues().slice(2) as unknown[][]).map((row) => row[6]).sort();
    expect(statuses).toEqual(['已过期', '即将到期', '有效'].sort());
  });

  it('keeps one enterprise out of another’s certificates', async () => {
    const owner = await buildEnterprise(suite.test.app, { name: '济宁证书保密科技有限公司' });
    const intruder = await buildEnterprise(suite.test.app);
    const certificate = await recordCertificate(owner.enterpriseId, addMonthsToDate(today(), -2));
    const own = (await call(owner, 'GET', '/api/cultivation/certificates')).json();
    expect(own.items.map((item: { id: number }) => item.id)).toEqual([certificate.id]);
    expect((await call(intruder, 'GET', '/api/cultivation/certificates')).json().items).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: [certificate.certificateNumber, '济宁证书保密科技有限公司'],
      requests: [
        { method: 'GET', url: `/api/enterprises/${owner.enterpriseId}/certificates` },
        {
          method: 'PUT',
          url: `/api/cultivation/certificates/${certificate.id}`,
          payload: {
            certificateNumber: certificate.certificateNumber,
            issuedOn: certificate.issuedOn,
            version: 1,
          },
        },
      ],
    });
  });

  it('reminds the enterprise and staff once when a certificate enters its last six months', async () => {
    const company = await buildEnterprise(suite.test.app);
    const certificate = await recordCertificate(company.enterpriseId, '2021-03-15');
    const recipients = [company.userId, suite.staff.userId];
    const countFor = async () =>
      (
        await suite.test.db.select().from(notifications).where(inArray(notifications.userId, recipients))
      ).filter((row) => row.body.includes(certificate.certificateNumber));

    expect(certificate.expiresOn).toBe('2024-03-15');
    await sendExpiryReminders(suite.test.db, '2023-09-14');
    expect(await countFor()).toHaveLength(0);
    await sendExpiryReminders(suite.test.db, '2023-09-15');
    const first = await countFor();
    expect(first.map((row) => row.userId).sort()).toEqual([...recipients].sort());
    expect(first[0].title).toContain('高新技术企业证书即将到期');
    expect(first[0].body).toContain('2024-03-15');
    await Promise.all([
      sendExpiryReminders(suite.test.db, '2023-10-01'),
      sendExpiryReminders(suite.test.db, '2023-10-01'),
    ]);
    await sendExpiryReminders(suite.test.db, '2024-01-01');
    expect(await countFor()).toHaveLength(2);
    const own = await suite.test.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, company.userId));
    expect(own.filter((row) => row.body.includes(certificate.certificateNumber))).toHaveLength(1);
  });
});
