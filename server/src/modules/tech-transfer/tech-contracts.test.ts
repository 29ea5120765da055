import type { TechContractInput } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, workCalendars } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { readDocumentXml } from '../../test/docx';
import { buildEnterprise, buildSession, nextCreditCode, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sendRegistrationDeadlineWarnings } from './sla-warnings';

let test: TestApp;
let staff: Session;
let otherStaff: Session;
let observer: Session;

/** 2021 国庆 as the State Council set it: 10-01..10-07 off, 09-26 and 10-09 worked. */
const NATIONAL_DAY_2021 = {
  holidays: [
    '2021-10-01',
    '2021-10-02',
    '2021-10-03',
    '2021-10-04',
    '2021-10-05',
    '2021-10-06',
    '2021-10-07',
  ],
  workdays: ['2021-09-26', '2021-10-09'],
};

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  otherStaff = await buildSession(test.app, test.db, 'staff');
  observer = await buildSession(test.app, test.db, 'observer');
  // The 2021 calendar comes from the State Council's notice at migration; the deadlines below rely on it.
  const [official] = await test.db.select().from(workCalendars).where(eq(workCalendars.year, 2021));
  expect(official.holidays).toEqual(expect.arrayContaining(NATIONAL_DAY_2021.holidays));
  expect(official.workdays).toEqual(expect.arrayContaining(NATIONAL_DAY_2021.workdays));
});
afterAll(() => test.close());
afterEach(() => {
  delete process.env.KECHUANG_TODAY;
});

function contract(overrides: Partial<TechContractInput> = {}): TechContractInput {
  return {
    title: '高效加氢催化剂制备技术开发',
    category: 'DEV_COMMISSIONED',
    buyerName: '济宁某精细化工有限公司',
    buyerCreditCode: nextCreditCode(),
    buyerRegionCode: '3708',
    signedOn: '2021-09-01',
    termStartOn: '2021-09-01',
    termEndOn: '2022-08-31',
    contractFen: 120_000_000,
    nonTechnicalCosts: [{ kind: 'equipment', description: '小试反应釜', amountFen: 20_000_000 }],
    carrierFen: 3_000_000,
    payments: [{ dueOn: '2021-10-31', amountFen: 60_000_000 }],
    linkedContractId: null,
    sameInvoice: false,
    disputed: false,
    exemptionClaimed: true,
    ...overrides,
  };
}

function call(
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers = {},
) {
  return test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The error's message and every field's message, as the form shows them. */
function errorText(response: {
  json(): { error: { message: string; details: { message: string }[] } };
}): string {
  const { error } = response.json();
  return [error.message, ...error.details.map((detail) => detail.message)].join('；');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function uploadPdf(session: Session, id: number, content: Buffer, fileName = '技术开发合同.pdf') {
  const boundary = '----kechuang-tech-contract';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return test.app.inject({
    method: 'POST',
    url: `/api/tech-transfer/contracts/${id}/signed-file`,
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

async function act(session: Session, id: number, action: string, body: Record<string, unknown>) {
  return call(session, 'POST', `/api/tech-transfer/contracts/${id}/actions/${action}`, body);
}

/** A filed contract with its signed PDF, submitted on `today`. */
async function fileAndSubmit(seller: Session, input: TechContractInput, today = '2021-09-24') {
  process.env.KECHUANG_TODAY = today;
  const created = await call(seller, 'POST', '/api/tech-transfer/contracts', input);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  expect((await uploadPdf(seller, id, PDF)).statusCode).toBe(201);
  const submitted = await act(seller, id, 'submit', { version: 2 });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json();
}

describe('技术合同认定登记', () => {
  it('file → return for 补正 → correct → register → 登记证明, with the clock restarting on the work calendar', async () => {
    const seller = await buildEnterprise(test.app);
    process.env.KECHUANG_TODAY = '2021-09-24';
    const key = { 'idempotency-key': `tc-${seller.enterpriseId}` };
    const input = contract();
    const created = await call(seller, 'POST', '/api/tech-transfer/contracts', input, key);
    expect(created.statusCode, created.body).toBe(201);
    const replay = await call(seller, 'POST', '/api/tech-transfer/contracts', input, key);
    expect(replay.json().id).toBe(created.json().id);
    const draft = created.json();
    expect(draft).toMatchObject({
      status: 'draft',
      techFen: 100_000_000,
      categoryLabel: '技术开发（委托开发）',
    });
    expect(draft.checklist.length).toBe(3);

    expect((await uploadPdf(seller, draft.id, PDF)).statusCode).toBe(201);
    const submitted = await act(seller, draft.id, 'submit', { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Fri 09-24 + 15 working days across 国庆 with its two 调休 days.
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      acceptedOn: '2021-09-24',
      timeLimitDays: 15,
      dueOn: '2021-10-20',
    });

    const returned = await act(staff, draft.id, 'return', { version: 3, comment: '请补充付款计划第二期' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');

    process.env.KECHUANG_TODAY = '2021-10-08';
    const corrected = await call(seller, 'PUT', `/api/tech-transfer/contracts/${draft.id}`, {
      ...contract({
        payments: [
          { dueOn: '2021-10-31', amountFen: 60_000_000 },
          { dueOn: '2022-06-30', amountFen: 60_000_000 },
        ],
      }),
      version: 4,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const resubmitted = await act(seller, draft.id, 'resubmit', { version: 5 });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({
      status: 'resubmitted',
      acceptedOn: '2021-10-08',
      dueOn: '2021-10-28',
    });

    process.env.KECHUANG_TODAY = '2021-10-12';
    const registered = await act(staff, draft.id, 'register', { version: 6 });
    expect(registered.statusCode, registered.body).toBe(200);
    const body = registered.json();
    expect(body).toMatchObject({
      status: 'registered',
      registeredOn: '2021-10-12',
      exemptionEligible: true,
      exemptionClaimed: true,
    });
    expect(body.registrationNo).toMatch(/^21\d{6}000001$/);
    expect(body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'submit',
      'return',
      'resubmit',
      'register',
    ]);

    const certificate = await call(seller, 'GET', `/api/tech-transfer/contracts/${draft.id}/certificate`);
    expect(certificate.statusCode).toBe(200);
    const xml = await readDocumentXml(certificate.rawPayload);
    expect(xml).toContain(body.registrationNo);
    expect(xml).toContain('技术交易额');
    expect(xml).toContain('技术交易额：</w:t></w:r><w:r><w:t xml:space="preserve">100.00万元');
    expect(xml).toContain('120.00万元');

    const confirmed = await call(
      observer,
      'POST',
      `/api/tech-transfer/contracts/${draft.id}/exemption-confirmation`,
      {
        version: body.version,
      },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().exemptionConfirmedAt).not.toBeNull();
    const audited = await test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(draft.id)));
    expect(audited.map((row) => row.event)).toEqual(
      expect.arrayContaining([
        'tech-contract.create',
        'tech-contract.update',
        'tech-contract.register',
        'tech-contract.exemption',
      ]),
    );
  });

  it('names the field in Chinese for each kind of bad input, and keeps what was saved', async () => {
    const seller = await buildEnterprise(test.app);
    const post = (input: unknown) => call(seller, 'POST', '/api/tech-transfer/contracts', input);

    const above = await post(
      contract({
        nonTechnicalCosts: [{ kind: 'equipment', description: '整套生产线', amountFen: 130_000_000 }],
      }),
    );
    expect(above.statusCode).toBe(400);
    expect(errorText(above)).toContain('技术交易额');

    const wrongBuyer = nextCreditCode();
    const badCheck = wrongBuyer.slice(0, 17) + (wrongBuyer[17] === '1' ? '2' : '1');
    const buyer = await post(contract({ buyerCreditCode: badCheck }));
    expect(buyer.statusCode).toBe(400);
    expect(errorText(buyer)).toContain('买方统一社会信用代码校验位不正确');

    const consulting = await post(contract({ category: 'CONSULTING', nonTechnicalCosts: [] }));
    expect(consulting.statusCode).toBe(400);
    expect(errorText(consulting)).toContain('关联的技术开发/转让合同');

    // Linked to a contract that is not the seller's 开发/转让: refused by the data check too.
    const other = await buildEnterprise(test.app);
    const foreign = (await call(other, 'POST', '/api/tech-transfer/contracts', contract())).json();
    const linkedAway = await post(
      contract({
        category: 'CONSULTING',
        nonTechnicalCosts: [],
        linkedContractId: foreign.id,
        sameInvoice: true,
      }),
    );
    expect(linkedAway.statusCode).toBe(400);
    expect(linkedAway.json().error.details[0]).toMatchObject({ path: 'linkedContractId' });

    const saved = await fileAndSubmit(seller, contract({ signedOn: '2021-09-20' }));
    const early = await act(staff, saved.id, 'register', {
      version: saved.version,
      registeredOn: '2021-09-10',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('登记日期：不能早于合同签订日期');
    expect(early.json().error.details[0]).toMatchObject({ path: 'registeredOn' });
    const unchanged = (await call(staff, 'GET', `/api/tech-transfer/contracts/${saved.id}`)).json();
    expect(unchanged).toMatchObject({ status: 'submitted', version: saved.version, registrationNo: null });

    const draft = (await post(contract())).json();
    const notPdf = await uploadPdf(seller, draft.id, Buffer.from('这不是 PDF，只是改了扩展名的文本'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().error.message).toContain('合同文本（PDF）：文件内容不是 PDF');
    const noFile = await act(seller, draft.id, 'submit', { version: 1 });
    expect(noFile.statusCode).toBe(400);
    expect(errorText(noFile)).toContain('合同文本（PDF）');
  });

  it('another enterprise finds nothing; the observer reads but cannot file or register', async () => {
    const seller = await buildEnterprise(test.app);
    const intruder = await buildEnterprise(test.app);
    const filed = await fileAndSubmit(seller, contract({ title: '秘密的催化剂合同' }));
    await expectNoCrossTenantAccess(test.app, {
      intruder,
      secrets: ['秘密的催化剂合同'],
      requests: [
        { method: 'GET', url: `/api/tech-transfer/contracts/${filed.id}` },
        {
          method: 'PUT',
          url: `/api/tech-transfer/contracts/${filed.id}`,
          payload: { ...contract(), version: filed.version },
        },
        {
          method: 'POST',
          url: `/api/tech-transfer/contracts/${filed.id}/actions/submit`,
          payload: { version: filed.version },
        },
        { method: 'GET', url: `/api/tech-transfer/contracts/${filed.id}/signed-file` },
        { method: 'GET', url: `/api/tech-transfer/contracts/${filed.id}/certificate` },
        {
          method: 'POST',
          url: `/api/tech-transfer/contracts/${filed.id}/exemption-claim`,
          payload: { version: 1, claimed: true },
        },
      ],
    });
    const list = (await call(intruder, 'GET', '/api/tech-transfer/contracts')).json();
    expect(list.items.map((item: { id: number }) => item.id)).not.toContain(filed.id);

    expect((await call(observer, 'GET', `/api/tech-transfer/contracts/${filed.id}`)).statusCode).toBe(200);
    expect((await act(observer, filed.id, 'register', { version: filed.version })).statusCode).toBe(403);
  });

  it('two staff registering at once: one registers, the other gets 409', async () => {
    const seller = await buildEnterprise(test.app);
    const filed = await fileAndSubmit(seller, contract());
    process.env.KECHUANG_TODAY = '2021-10-12';
    const results = await Promise.all([
      act(staff, filed.id, 'register', { version: filed.version }),
      act(otherStaff, filed.id, 'register', { version: filed.version }),
    ]);
    expect(results.map((response) => response.statusCode).sort()).toEqual([200, 409]);
  });

  it('免税: standalone 咨询 is not eligible; tied to a registered 开发 on the same invoice it is; the ledger totals the claimed amount', async () => {
    const seller = await buildEnterprise(test.app);
    const development = await fileAndSubmit(seller, contract({ title: '加氢工艺开发' }));
    process.env.KECHUANG_TODAY = '2021-10-12';
    expect((await act(staff, development.id, 'register', { version: development.version })).statusCode).toBe(
      200,
    );

    const related = await fileAndSubmit(
      seller,
      contract({
        title: '加氢工艺配套技术服务',
        category: 'SERVICE',
        nonTechnicalCosts: [],
        contractFen: 10_000_000,
        payments: [],
        linkedContractId: development.id,
        sameInvoice: true,
      }),
    );
    const standalone = await fileAndSubmit(
      seller,
      contract({
        title: '市场调研咨询',
        category: 'CONSULTING',
        nonTechnicalCosts: [],
        contractFen: 5_000_000,
        payments: [],
        exemptionClaimed: false,
      }),
    );
    process.env.KECHUANG_TODAY = '2021-10-12';
    const relatedRegistered = (await act(staff, related.id, 'register', { version: related.version })).json();
    expect(relatedRegistered).toMatchObject({ exemptionEligible: true, exemptionClaimed: true });
    const standaloneRegistered = (
      await act(staff, standalone.id, 'register', { version: standalone.version })
    ).json();
    expect(standaloneRegistered.exemptionEligible).toBe(false);
    expect(standaloneRegistered.exemptionReason).toContain('单独的技术咨询合同不免税');
    const claim = await call(
      seller,
      'POST',
      `/api/tech-transfer/contracts/${standalone.id}/exemption-claim`,
      {
        version: standaloneRegistered.version,
        claimed: true,
      },
    );
    expect(claim.statusCode).toBe(400);
    expect(errorText(claim)).toContain('申报免税');

    const ledger = (await call(seller, 'GET', '/api/tech-transfer/contracts?exemption=claimed')).json();
    expect(ledger.total).toBe(2);
    expect(ledger.totals.claimedTechFen).toBe(100_000_000 + 10_000_000);

    const exported = await call(staff, 'GET', '/api/tech-transfer/contracts/export?keyword=加氢');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('warns the 登记员 before the time limit lapses, once per due date', async () => {
    const seller = await buildEnterprise(test.app);
    const filed = await fileAndSubmit(seller, contract({ title: '时限预警测试合同' }), '2021-09-24');
    expect(filed.dueOn).toBe('2021-10-20');
    const warningsFor = async () =>
      (await test.db.select().from(notifications).where(eq(notifications.userId, staff.userId))).filter(
        (row) => row.title === '技术合同登记即将到期：时限预警测试合同',
      ).length;
    await sendRegistrationDeadlineWarnings(test.db, '2021-10-14');
    expect(await warningsFor()).toBe(0);
    expect(await sendRegistrationDeadlineWarnings(test.db, '2021-10-15')).toBeGreaterThanOrEqual(1);
    expect(await warningsFor()).toBe(1);
    expect(await sendRegistrationDeadlineWarnings(test.db, '2021-10-18')).toBe(0);
    expect(await warningsFor()).toBe(1);
  });

  it('the desk filters the waiting queue and one seller, and shows the working days left or overdue', async () => {
    const seller = await buildEnterprise(test.app);
    const other = await buildEnterprise(test.app);
    const waiting = await fileAndSubmit(seller, contract({ title: '时限列测试合同' }), '2021-09-24');
    const returned = await fileAndSubmit(seller, contract({ title: '时限列退回合同' }), '2021-09-24');
    expect(
      (await act(staff, returned.id, 'return', { version: returned.version, comment: '补正' })).statusCode,
    ).toBe(200);
    await fileAndSubmit(other, contract({ title: '时限列他人合同' }), '2021-09-24');
    const draft = await call(
      seller,
      'POST',
      '/api/tech-transfer/contracts',
      contract({ title: '时限列草稿' }),
    );
    expect(draft.statusCode).toBe(201);

    // Due 2021-10-20; on 09-30 ten working days are left (国庆 skipped, 10-09 worked).
    process.env.KECHUANG_TODAY = '2021-09-30';
    const list = await call(
      staff,
      'GET',
      `/api/tech-transfer/contracts?status=pending&enterpriseId=${seller.enterpriseId}&sort=dueOn&order=asc`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((item: { id: number }) => item.id)).toEqual([waiting.id]);
    expect(list.json().items[0]).toMatchObject({ dueOn: '2021-10-20', workingDaysLeft: 10 });

    process.env.KECHUANG_TODAY = '2021-10-22';
    const late = await call(staff, 'GET', `/api/tech-transfer/contracts/${waiting.id}`);
    expect(late.json().workingDaysLeft).toBe(-2);
    const all = await call(staff, 'GET', `/api/tech-transfer/contracts?enterpriseId=${seller.enterpriseId}`);
    const byTitle = Object.fromEntries(
      all
        .json()
        .items.map((item: { title: string; workingDaysLeft: number | null }) => [
          item.title,
          item.workingDaysLeft,
        ]),
    );
    expect(byTitle).toEqual({ 时限列测试合同: -2, 时限列退回合同: null, 时限列草稿: null });
    // A seller's own list ignores another seller's id: the scope still applies.
    const foreign = await call(
      seller,
      'GET',
      `/api/tech-transfer/contracts?enterpriseId=${other.enterpriseId}`,
    );
    expect(foreign.json().total).toBe(0);
  });

  it('变更登记 recomputes 技术交易额 and keeps the number; 注销登记 cancels; both need a reason', async () => {
    const seller = await buildEnterprise(test.app);
    const filed = await fileAndSubmit(seller, contract());
    process.env.KECHUANG_TODAY = '2021-10-12';
    const registered = (await act(staff, filed.id, 'register', { version: filed.version })).json();
    const changes = contract({
      contractFen: 150_000_000,
      nonTechnicalCosts: [{ kind: 'materials', description: '试验原料', amountFen: 30_000_000 }],
    });
    const noReason = await act(staff, filed.id, 'amend', { version: registered.version, changes });
    expect(noReason.statusCode).toBe(400);
    const lateSigning = await act(staff, filed.id, 'amend', {
      version: registered.version,
      comment: '签订日期更正',
      changes: { ...changes, signedOn: '2021-11-01', termStartOn: '2021-11-01' },
    });
    expect(lateSigning.statusCode).toBe(400);
    expect(errorText(lateSigning)).toContain('签订日期：不能晚于登记日期');
    const amended = await act(staff, filed.id, 'amend', {
      version: registered.version,
      comment: '合同金额增加',
      changes,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({
      status: 'registered',
      registrationNo: registered.registrationNo,
      contractFen: 150_000_000,
      techFen: 120_000_000,
      version: registered.version + 1,
    });
    const cancelled = await act(staff, filed.id, 'cancel', {
      version: registered.version + 1,
      comment: '双方解除合同',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(
      cancelled
        .json()
        .history.map((entry: { action: string }) => entry.action)
        .slice(-2),
    ).toEqual(['amend', 'cancel']);
  });

  it('the system administrator sets the registry codes and number pattern; registration follows them', async () => {
    const sysadmin = await buildSession(test.app, test.db, 'sysadmin');
    const current = (await call(sysadmin, 'GET', '/api/tech-transfer/settings')).json();
    expect(current).toMatchObject({ version: 0, timeLimits: { normalDays: 15, largeOrDisputedDays: 30 } });
    const settings = {
      numberFormat: {
        provinceCode: '37',
        cityCode: '08',
        registryCode: '11',
        pattern: '^\\d{2}370811\\d{6}$',
      },
      timeLimits: { normalDays: 15, largeOrDisputedDays: 30, warnBeforeDays: 3 },
    };
    const badPattern = await call(sysadmin, 'PUT', '/api/tech-transfer/settings', {
      ...settings,
      numberFormat: { ...settings.numberFormat, pattern: '(' },
      version: 1,
    });
    expect(badPattern.statusCode).toBe(400);
    expect(errorText(badPattern)).toContain('编号格式（正则表达式）');
    const saved = await call(sysadmin, 'PUT', '/api/tech-transfer/settings', { ...settings, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (await call(staff, 'PUT', '/api/tech-transfer/settings', { ...settings, version: 1 })).statusCode,
    ).toBe(403);

    const seller = await buildEnterprise(test.app);
    const filed = await fileAndSubmit(seller, contract());
    process.env.KECHUANG_TODAY = '2021-10-12';
    const registered = (await act(staff, filed.id, 'register', { version: filed.version })).json();
    expect(registered.registrationNo).toBe('21370811000001');
  });
});
