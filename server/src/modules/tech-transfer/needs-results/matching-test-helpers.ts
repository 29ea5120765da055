import type { InstitutionInput, TechNeedInput, TechResultInput } from '@kechuang/domain';
import type { App } from '../../../core/module';
import type { Session } from '../../../test/factories';
import { requestAs } from '../../../test/test-app';

export { buildExpert } from '../../reviews/review-fixtures';

let sequence = 0;

export function needInput(overrides: Partial<TechNeedInput> = {}): TechNeedInput {
  return {
    title: '加氢催化剂国产化替代',
    field: 'new-materials',
    industry: 'fine-chemicals',
    problem: '现有进口加氢催化剂价格高、寿命短，需要开发高活性、长寿命的镍基加氢催化剂，活性不低于进口产品。',
    budgetFen: 50_000_000,
    deadline: '2030-12-31',
    contactName: '张工',
    contactPhone: '13800138001',
    keywords: ['催化剂', '加氢'],
    visibility: 'public',
    ...overrides,
  };
}

export function resultInput(overrides: Partial<TechResultInput> = {}): TechResultInput {
  return {
    title: '高活性镍基加氢催化剂及其连续化制备技术',
    institutionId: null,
    field: 'new-materials',
    industry: 'fine-chemicals',
    description: '开发出高活性镍基加氢催化剂，寿命较进口产品提高一倍，已完成中试，可用于精细化工加氢工艺。',
    trl: 6,
    ipKind: 'invention-patent',
    ipNumber: 'ZL202010000001.1',
    modes: ['transfer', 'license'],
    priceMinFen: 30_000_000,
    priceMaxFen: 80_000_000,
    keywords: ['催化剂', '加氢', '镍基'],
    contactName: '李教授',
    contactPhone: '13900139001',
    ...overrides,
  };
}

export function institutionInput(overrides: Partial<InstitutionInput> = {}): InstitutionInput {
  sequence += 1;
  return {
    name: `山东省测试科学院${process.pid}-${sequence}`,
    kind: 'institute',
    creditCode: null,
    regionCode: '370102',
    contactName: '王老师',
    contactPhone: '0531-82605000',
    ...overrides,
  };
}

async function expectStatus(response: { statusCode: number; body: string }, status: number, what: string) {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
}

export async function postInstitution(app: App, staff: Session, overrides: Partial<InstitutionInput> = {}) {
  const response = await requestAs(
    app,
    staff,
    'POST',
    '/api/tech-transfer/institutions',
    institutionInput(overrides),
  );
  await expectStatus(response, 201, 'institution');
  return response.json() as { id: number; version: number; name: string };
}

/** Posts a need as the enterprise and, unless told not to, publishes it as staff. */
export async function postNeed(
  app: App,
  options: { enterprise: Session; staff?: Session; input?: Partial<TechNeedInput> },
) {
  const created = await requestAs(
    app,
    options.enterprise,
    'POST',
    '/api/tech-transfer/needs',
    needInput(options.input),
  );
  await expectStatus(created, 201, 'need');
  const need = created.json();
  if (!options.staff) return need as { id: number; version: number; status: string };
  const published = await requestAs(
    app,
    options.staff,
    'POST',
    `/api/tech-transfer/needs/${need.id}/actions/publish`,
    {
      version: need.version,
    },
  );
  await expectStatus(published, 200, 'publish need');
  return published.json() as { id: number; version: number; status: string };
}

/** Posts a result (staff for an institution, or an expert its own) and publishes it as staff. */
export async function postResult(
  app: App,
  options: { author: Session; staff: Session; input?: Partial<TechResultInput>; publish?: boolean },
) {
  const created = await requestAs(
    app,
    options.author,
    'POST',
    '/api/tech-transfer/results',
    resultInput(options.input),
  );
  await expectStatus(created, 201, 'result');
  const result = created.json();
  if (options.publish === false) return result as { id: number; version: number; status: string };
  const published = await requestAs(
    app,
    options.staff,
    'POST',
    `/api/tech-transfer/results/${result.id}/actions/publish`,
    {
      version: result.version,
    },
  );
  await expectStatus(published, 200, 'publish result');
  return published.json() as { id: number; version: number; status: string };
}
