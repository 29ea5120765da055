import {
  type ApplicationContent,
  applicationContentSchema,
  computeIdNumberCheckCharacter,
} from '@kechuang/domain';
import { expect } from 'vitest';
import type { App } from '../../core/module';
import { buildEnterprise, type Session } from '../../test/factories';

export const WAN = 1_000_000;

let sequence = 0;

/** A valid 身份证号, different on each call (the 限项 rules count by principal). */
export function nextIdNumber(): string {
  sequence += 1;
  const day = String((sequence % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(sequence / 28) % 12) + 1).padStart(2, '0');
  const first17 = `370811${1970 + (process.pid % 30)}${month}${day}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckCharacter(first17);
}

export const inject = (
  app: App,
  session: Session | undefined,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    headers: { ...(session ? { cookie: session.cookie } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });

export function multipart(fileName: string, content: Buffer, mediaType = 'application/pdf') {
  const boundary = '----kechuang-plan-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function upload(app: App, session: Session, url: string, fileName: string, content = PDF) {
  const body = multipart(fileName, content);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** A category of the given level, created through the API. */
export async function createCategory(
  app: App,
  staff: Session,
  level: 'district' | 'city' | 'province' = 'district',
) {
  sequence += 1;
  const response = await inject(app, staff, 'POST', '/api/plan/categories', {
    code: `test-${process.pid}-${sequence}`,
    name: `测试计划${sequence}`,
    fundingMode: 'preFunding',
    level,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number };
}

/** A published call open from an hour ago, closing in `closesInMs`. */
export async function createOpenCall(
  app: App,
  staff: Session,
  options: { level?: 'district' | 'city' | 'province'; closesInMs?: number; body?: object } = {},
) {
  const category = await createCategory(app, staff, options.level);
  const now = Date.now();
  const created = await inject(app, staff, 'POST', '/api/plan/calls', {
    categoryId: category.id,
    year: new Date().getUTCFullYear(),
    title: `测试申报通知${category.id}`,
    guideline: '申报条件与要求',
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + (options.closesInMs ?? 7 * 86400_000)).toISOString(),
    rules: { maxRequestFen: 100 * WAN },
    checklist: ['申报单位资格', '申报书完整', '附件齐全'],
    ...options.body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await inject(app, staff, 'POST', `/api/plan/calls/${created.json().id}/actions/publish`, {
    version: created.json().version,
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as { id: number; version: number; year: number; title: string };
}

export function buildCompleteContent(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return applicationContentSchema.parse({
    basics: {
      title: '高端液压件智能制造关键技术研究',
      summary:
        '针对工程机械高端液压件的精密加工与装配难题，研究数字化工艺与在线检测技术，形成示范生产线，提升产品一致性与可靠性。',
      startOn: `${new Date().getUTCFullYear()}-07-01`,
      endOn: `${new Date().getUTCFullYear() + 2}-06-30`,
    },
    team: [
      { name: '张立', role: 'principal', idNumber: nextIdNumber(), workloadMonths: 8 },
      { name: '李敏', role: 'core', workloadMonths: 6 },
    ],
    budget: {
      rows: [
        { category: 'equipment', fiscalFen: 30 * WAN, selfRaisedFen: 60 * WAN, otherFen: 0 },
        { category: 'business', fiscalFen: 15 * WAN, selfRaisedFen: 30 * WAN, otherFen: 5 * WAN },
        { category: 'labour', fiscalFen: 5 * WAN, selfRaisedFen: 10 * WAN, otherFen: 0 },
      ],
      totals: { fiscalFen: 50 * WAN, selfRaisedFen: 100 * WAN, otherFen: 5 * WAN },
    },
    milestones: [{ dueOn: `${new Date().getUTCFullYear() + 1}-06-30`, description: '完成工艺验证' }],
    targets: [{ name: '加工精度', kind: 'technical', unit: 'μm', value: '≤5' }],
    ...overrides,
  });
}

/**
 * The application calls tests make through the API. The app is read when a call is made, so a test
 * file can hand over the variable its `beforeAll` fills in.
 */
export function applicationRequests(context: () => App) {
  const call = (
    session: Session,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers = {},
  ) => inject(context(), session, method, url, payload, headers);

  /** Starts an application on the call, by the given enterprise or a newly registered one. */
  async function startApplication(callId: number, company?: Session) {
    const enterprise = company ?? (await buildEnterprise(context()));
    const created = await call(enterprise, 'POST', '/api/plan/applications', { callId });
    expect(created.statusCode, created.body).toBe(201);
    return { enterprise, detail: created.json() };
  }

  /** Starts an application, fills it in completely and submits it. */
  async function fillAndSubmit(callId: number) {
    const { enterprise, detail } = await startApplication(callId);
    const saved = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: detail.application.version,
      content: buildCompleteContent(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(
      enterprise,
      'POST',
      `/api/plan/applications/${detail.application.id}/submit`,
      {
        version: saved.json().application.version,
      },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    return { enterprise, id: detail.application.id as number, receipt: submitted.json() };
  }

  return { call, startApplication, fillAndSubmit };
}
