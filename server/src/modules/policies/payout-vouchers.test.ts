import type { ItemNotices, PayoutDetail, PayoutPage, Policy } from '@kechuang/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { policyItemNotices } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput, giveEnterpriseData, WAN } from './policy-test-helpers';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader', observer: 'observer' });
afterEach(() => {
  delete process.env.KECHUANG_TODAY;
});

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(session: Session, payoutId: number, fileName: string, bytes: Buffer) {
  const boundary = '----kechuang-voucher';
  return suite.test.app.inject({
    method: 'POST',
    url: `/api/policies/payouts/${payoutId}/voucher-files`,
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

/** A 免申即享 payout of a new enterprise, pushed and confirmed with its account, ready to be paid. */
async function acceptedPayout(documentNo: string): Promise<{ enterprise: Session; payout: PayoutDetail }> {
  const created = (
    await call(suite.staff, 'POST', '/api/policies', buildPolicyInput({ documentNo }))
  ).json() as Policy;
  await call(suite.staff, 'POST', `/api/policies/${created.id}/actions/submit`, { version: created.version });
  const published = await call(suite.reviewer, 'POST', `/api/policies/${created.id}/actions/publish`, {
    version: created.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
  const award = (published.json() as Policy).items[0];
  const enterprise = await buildEnterprise(suite.test.app);
  await giveEnterpriseData(suite.test.db, enterprise.enterpriseId, {
    rd2019Wan: 300,
    rd2020Wan: 420,
    techSme: true,
  });
  await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts`, {
    year: 2020,
    enterpriseIds: [enterprise.enterpriseId],
    confirmedOn: '2020-12-15',
  });
  const [listed] = (
    (await call(suite.staff, 'GET', `/api/policies/payouts?itemId=${award.id}`)).json() as PayoutPage
  ).items;
  process.env.KECHUANG_TODAY = '2021-01-04';
  await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts/push`, { year: 2020 });
  process.env.KECHUANG_TODAY = '2021-01-11';
  const detail = (await call(enterprise, 'GET', `/api/policies/payouts/${listed.id}`)).json() as PayoutDetail;
  const accepted = await call(enterprise, 'POST', `/api/policies/payouts/${listed.id}/actions/accept`, {
    version: detail.version,
    bankName: '中国建设银行济宁任城支行',
    bankAccountName: detail.enterpriseName,
    bankAccount: '3700 1616 8010 5001 2345',
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { enterprise, payout: accepted.json() as PayoutDetail };
}

describe('the payment voucher’s scan', () => {
  it('is attached with the payment and read by the bureau, the finance observer and the enterprise', async () => {
    const { enterprise, payout } = await acceptedPayout('任政办发〔2020〕301号');
    const other = await acceptedPayout('任政办发〔2020〕302号');

    // Refused: not PDF or an image (by content), a name that lies about it, too large, not staff.
    const notAScan = await upload(suite.staff, payout.id, '凭证.pdf', Buffer.from('not a pdf at all'));
    expect(notAScan.statusCode).toBe(400);
    expect(notAScan.json().error.details[0].path).toBe('file');
    expect((await upload(suite.staff, payout.id, '凭证.png', PDF)).statusCode).toBe(400);
    const huge = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]);
    expect([413, 400]).toContain((await upload(suite.staff, payout.id, '凭证.pdf', huge)).statusCode);
    expect((await upload(enterprise, payout.id, '凭证.pdf', PDF)).statusCode).toBe(403);
    expect((await call(suite.staff, 'GET', `/api/policies/payouts/${payout.id}/voucher`)).statusCode).toBe(
      404,
    );

    const stored = await upload(suite.staff, payout.id, '记-2021-0107 拨付凭证.pdf', PDF);
    expect(stored.statusCode, stored.body).toBe(201);
    const fileId = stored.json().id as number;
    const otherFile = (await upload(suite.staff, other.payout.id, '另一凭证.pdf', PDF)).json().id as number;

    process.env.KECHUANG_TODAY = '2021-01-20';
    const payment = {
      version: payout.version,
      paidFen: 2 * WAN,
      paidOn: '2021-01-19',
      voucherNo: '记-2021-0107',
    };
    // A file uploaded for another enterprise's payout is refused, naming the field.
    const wrong = await call(suite.staff, 'POST', `/api/policies/payouts/${payout.id}/actions/pay`, {
      ...payment,
      voucherFileId: otherFile,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('voucherFileId');
    const paid = await call(suite.staff, 'POST', `/api/policies/payouts/${payout.id}/actions/pay`, {
      ...payment,
      voucherFileId: fileId,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      voucherFile: { id: fileId, fileName: '记-2021-0107 拨付凭证.pdf' },
    });
    // Once paid, no more uploads for it.
    expect((await upload(suite.staff, payout.id, '凭证.pdf', PDF)).statusCode).toBe(409);

    for (const reader of [suite.staff, suite.leader, suite.observer, enterprise]) {
      const download = await call(reader, 'GET', `/api/policies/payouts/${payout.id}/voucher`);
      expect(download.statusCode, reader.username).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(PDF)).toBe(true);
    }
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: other.enterprise,
      requests: [
        { method: 'GET', url: `/api/policies/payouts/${payout.id}/voucher` },
        { method: 'POST', url: `/api/policies/payouts/${payout.id}/voucher-files` },
      ],
      secrets: [payout.enterpriseName, '记-2021-0107'],
    });

    // 通知与响应: the enterprise told of the item's window and confirmed its payout counts as acted.
    await suite.test.db.insert(policyItemNotices).values({
      itemId: payout.itemId,
      enterpriseId: enterprise.enterpriseId as number,
      event: 'window-open',
      windowOn: '2020-01-01',
    });
    const notices = (
      await call(suite.staff, 'GET', `/api/policies/items/${payout.itemId}/notices`)
    ).json() as ItemNotices;
    expect(notices.counts).toMatchObject({ notified: 1, windowOpen: 1, acted: 1 });
    expect(notices.items[0]).toMatchObject({
      enterpriseId: enterprise.enterpriseId,
      response: 'payout-confirmed',
      respondedOn: '2021-01-11',
    });
  });
});
