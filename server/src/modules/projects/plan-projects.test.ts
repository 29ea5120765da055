import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planProjects, publicityNotices } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildApprovalCall, buildReviewedApplication } from './plan-approval-fixtures';

const suite = useTestApp({ staff: 'staff', otherStaff: 'staff', leader: 'leader' });

const WAN = 1_000_000;
const call = (session: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

/** One application established through the API: proposed at 80 of the 100 万元 requested. */
async function establishProject() {
  const callId = await buildApprovalCall(suite.test.db, {
    budgetFen: 500 * WAN,
    title: `任务书测试通知${Math.random()}`,
  });
  const owner = await buildEnterprise(suite.test.app);
  const applicationId = await buildReviewedApplication(suite.test.db, {
    callId,
    enterpriseId: owner.enterpriseId,
    title: '高端轴承智能检测装备研发',
    requestedFen: 100 * WAN,
    score: 88,
    rank: 1,
  });
  const steps: [Session, string, object][] = [
    [suite.staff, 'actions/propose', { items: [{ applicationId, version: 1, approvedFen: 80 * WAN }] }],
    [suite.leader, 'actions/approve', { items: [{ applicationId, version: 2 }] }],
    [suite.staff, 'publicity', { items: [{ applicationId, version: 3 }] }],
  ];
  let noticeId = 0;
  for (const [session, path, body] of steps) {
    const response = await call(session, 'POST', `/api/plan-approval/calls/${callId}/${path}`, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    if (path === 'publicity') noticeId = response.json().id;
  }
  await suite.test.db
    .update(publicityNotices)
    .set({ startOn: '2021-06-01', endOn: '2021-06-07' })
    .where(eq(publicityNotices.id, noticeId));
  const established = await call(suite.staff, 'POST', `/api/publicity-notices/${noticeId}/establish`, {
    version: 1,
  });
  expect(established.statusCode, established.body).toBe(200);
  const [project] = await suite.test.db
    .select()
    .from(planProjects)
    .where(eq(planProjects.applicationId, applicationId));
  return { owner, projectId: project.id, projectNo: project.projectNo };
}

function multipart(fields: Record<string, string>, fileName: string, content: Buffer) {
  const boundary = '----kechuang-contract-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(
  session: Session,
  projectId: number,
  version: number,
  fileName = '任务书签字盖章.pdf',
  content = PDF,
) {
  const body = multipart({ version: String(version) }, fileName, content);
  return suite.test.app.inject({
    method: 'POST',
    url: `/api/plan-projects/${projectId}/contract/signed`,
    headers: { cookie: session.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

describe('任务书: generated, revised, signed and in force', () => {
  it('scales the fiscal column to the approved amount and checks an edited budget', async () => {
    const { projectId, projectNo } = await establishProject();
    expect(projectNo).toMatch(/^JN-KJ-2021-\d{3}$/);
    const detail = (await call(suite.staff, 'GET', `/api/plan-projects/${projectId}`)).json();
    expect(detail.project).toMatchObject({
      status: 'contracting',
      approvedFen: 80 * WAN,
      contractStatus: 'drafted',
    });
    const contract = detail.contract;
    expect(contract.content.requestedFen).toBe(100 * WAN);
    expect(contract.content.budgetRows.map((row: { fiscalFen: number }) => row.fiscalFen)).toEqual([
      40 * WAN,
      24 * WAN,
      16 * WAN,
    ]);
    expect(contract.content.targets).toHaveLength(2);
    expect(contract.allowedActions).toEqual(['issue']);

    const wrong = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/contract`, {
      version: contract.version,
      rows: [{ category: 'equipment', fiscalFen: 70 * WAN, selfRaisedFen: 0, otherFen: 0 }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('预算表财政资金合计 70 万元，应等于批准资助金额 80 万元');
    const badCell = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/contract`, {
      version: contract.version,
      rows: [{ category: 'equipment', fiscalFen: -1, selfRaisedFen: 0, otherFen: 0 }],
    });
    expect(badCell.statusCode).toBe(400);
    expect(badCell.json().error.message).toContain('财政资金');
    const edited = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/contract`, {
      version: contract.version,
      rows: [
        { category: 'equipment', fiscalFen: 50 * WAN, selfRaisedFen: 100 * WAN, otherFen: 0 },
        { category: 'business', fiscalFen: 30 * WAN, selfRaisedFen: 0, otherFen: 0 },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().contract).toMatchObject({ revision: 2, version: contract.version + 1 });
  });

  it('is issued, downloaded as Word, signed, uploaded and confirmed; the project starts', async () => {
    const { owner, projectId } = await establishProject();
    let contract = (await call(suite.staff, 'GET', `/api/plan-projects/${projectId}`)).json().contract;
    // Two staff issue at once: one wins, the other is told the record changed.
    const issued = await Promise.all([
      call(suite.staff, 'POST', `/api/plan-projects/${projectId}/contract/actions/issue`, {
        version: contract.version,
      }),
      call(suite.otherStaff, 'POST', `/api/plan-projects/${projectId}/contract/actions/issue`, {
        version: contract.version,
      }),
    ]);
    expect(issued.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    contract = issued.find((response) => response.statusCode === 200)!.json().contract;
    expect(contract.status).toBe('issued');
    const editLocked = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/contract`, {
      version: contract.version,
      rows: contract.content.budgetRows,
    });
    expect(editLocked.statusCode).toBe(409);

    const word = await call(owner, 'GET', `/api/plan-projects/${projectId}/contract/word`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(word.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(word.headers['content-disposition']).toContain('attachment');

    const ownView = (await call(owner, 'GET', `/api/plan-projects/${projectId}`)).json();
    expect(ownView.contract.allowedActions).toEqual(['uploadSigned']);
    const renamed = await upload(
      owner,
      projectId,
      contract.version,
      '任务书.pdf',
      Buffer.from('<html>hi</html>'),
    );
    expect(renamed.statusCode).toBe(400);
    const asWord = await upload(
      owner,
      projectId,
      contract.version,
      '任务书.docx',
      Buffer.from(word.rawPayload),
    );
    expect(asWord.statusCode).toBe(400);
    expect(asWord.json().error.details[0].message).toContain('PDF、JPG 或 PNG');
    const stale = await upload(owner, projectId, contract.version + 5);
    expect(stale.statusCode).toBe(409);
    const uploaded = await upload(owner, projectId, contract.version);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    contract = uploaded.json().contract;
    expect(contract).toMatchObject({ status: 'signedUploaded', signedFileName: '任务书签字盖章.pdf' });

    const scan = await call(suite.staff, 'GET', `/api/plan-projects/${projectId}/contract/signed`);
    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(PDF)).toBe(true);

    const confirmed = await call(
      suite.staff,
      'POST',
      `/api/plan-projects/${projectId}/contract/actions/confirm`,
      {
        version: contract.version,
      },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().contract.status).toBe('inForce');
    expect(confirmed.json().project.status).toBe('inProgress');
    expect(confirmed.json().history.map((entry: { action: string }) => entry.action)).toEqual([
      'establish',
      'startExecution',
    ]);
    const messages = (await call(owner, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(messages)).toContain('确认生效');
  });

  it('lets staff take an issued contract back for revision with an opinion', async () => {
    const { projectId } = await establishProject();
    const contract = (await call(suite.staff, 'GET', `/api/plan-projects/${projectId}`)).json().contract;
    await call(suite.staff, 'POST', `/api/plan-projects/${projectId}/contract/actions/issue`, {
      version: contract.version,
    });
    const noOpinion = await call(
      suite.staff,
      'POST',
      `/api/plan-projects/${projectId}/contract/actions/revise`,
      {
        version: contract.version + 1,
      },
    );
    expect(noOpinion.statusCode).toBe(400);
    const revised = await call(
      suite.staff,
      'POST',
      `/api/plan-projects/${projectId}/contract/actions/revise`,
      {
        version: contract.version + 1,
        comment: '考核指标需细化',
      },
    );
    expect(revised.json().contract.status).toBe('drafted');
  });
});

describe('经费: disbursement plan and payments', () => {
  it('keeps the plan and the payments within the approved amount, version-checked', async () => {
    const { owner, projectId } = await establishProject();
    const over = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/disbursement-plan`, {
      version: 0,
      installments: [
        { plannedOn: '2021-08-01', amountFen: 50 * WAN },
        { plannedOn: '2022-08-01', amountFen: 40 * WAN },
      ],
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toBe('拨付计划合计 90 万元，超过项目批准资助金额 80 万元 10 万元');
    const badDate = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/disbursement-plan`, {
      version: 0,
      installments: [{ plannedOn: '2021-13-01', amountFen: 50 * WAN }],
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('计划拨付日期');
    const plan = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/disbursement-plan`, {
      version: 0,
      installments: [
        { plannedOn: '2021-08-01', amountFen: 50 * WAN, note: '首期' },
        { plannedOn: '2022-08-01', amountFen: 30 * WAN, note: '中期检查后' },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().disbursementPlan.version).toBe(1);
    const stalePlan = await call(suite.staff, 'PUT', `/api/plan-projects/${projectId}/disbursement-plan`, {
      version: 0,
      installments: [{ plannedOn: '2021-08-01', amountFen: 80 * WAN }],
    });
    expect(stalePlan.statusCode).toBe(409);

    const paid = await call(suite.staff, 'POST', `/api/plan-projects/${projectId}/payments`, {
      paidOn: '2021-08-03',
      amountFen: 50 * WAN,
      voucherNo: '任科拨〔2021〕12号',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().project.paidFen).toBe(50 * WAN);
    const tooMuch = await call(suite.staff, 'POST', `/api/plan-projects/${projectId}/payments`, {
      paidOn: '2022-08-03',
      amountFen: 31 * WAN,
      voucherNo: '任科拨〔2022〕3号',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.message).toContain('超过项目批准资助金额 80 万元 1 万元');
    const missingVoucher = await call(suite.staff, 'POST', `/api/plan-projects/${projectId}/payments`, {
      paidOn: '2022-08-03',
      amountFen: 1 * WAN,
    });
    expect(missingVoucher.json().error.message).toContain('凭证号：必填');

    const payment = paid.json().payments[0];
    const edits = await Promise.all([
      call(suite.staff, 'PUT', `/api/plan-payments/${payment.id}`, {
        ...payment,
        id: undefined,
        planProjectId: undefined,
        amountFen: 45 * WAN,
      }),
      call(suite.otherStaff, 'PUT', `/api/plan-payments/${payment.id}`, {
        ...payment,
        id: undefined,
        planProjectId: undefined,
        amountFen: 48 * WAN,
      }),
    ]);
    expect(edits.map((response) => response.statusCode).sort()).toEqual([200, 409]);

    const own = (await call(owner, 'GET', `/api/plan-projects/${projectId}`)).json();
    expect(own.payments).toHaveLength(1);
    expect(
      (await call(owner, 'GET', '/api/plan-projects')).json().items.map((item: { id: number }) => item.id),
    ).toEqual([projectId]);
    expect(
      (
        await call(owner, 'POST', `/api/plan-projects/${projectId}/payments`, {
          paidOn: '2022-08-03',
          amountFen: 1,
          voucherNo: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('cross-tenant: projects, contracts, payments and files', () => {
  it('gives another enterprise 404 and none of the data', async () => {
    const { projectId, projectNo } = await establishProject();
    const contract = (await call(suite.staff, 'GET', `/api/plan-projects/${projectId}`)).json().contract;
    await call(suite.staff, 'POST', `/api/plan-projects/${projectId}/contract/actions/issue`, {
      version: contract.version,
    });
    const intruder = await buildEnterprise(suite.test.app);
    expect((await call(intruder, 'GET', '/api/plan-projects')).json().items).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: [projectNo, '高端轴承智能检测装备研发'],
      requests: [
        { method: 'GET', url: `/api/plan-projects/${projectId}` },
        { method: 'GET', url: `/api/plan-projects/${projectId}/contract/word` },
        { method: 'GET', url: `/api/plan-projects/${projectId}/contract/signed` },
      ],
    });
    const upload403 = await upload(intruder, projectId, contract.version + 1);
    expect(upload403.statusCode).toBe(404);
  });
});
