import { addMonths } from '@kechuang/domain';
import { buildEnterprise, type Session } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { insertPlanProject } from './supervision-fixtures';

/** Today's date in the form the supervision schedule speaks. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** A half-yearly progress report that names two targets, spent funds, issues and the next plan. */
export const progressReportBody = (version: number) => ({
  version,
  progress: [
    { item: '新产品', progress: '完成样机设计，进入试制', note: '' },
    { item: '发明专利申请', progress: '已提交 1 件' },
  ],
  spentFen: 120_000_00,
  issues: '核心部件供货周期长',
  nextPlan: '完成样机试制',
});

/**
 * The supervision calls tests make and the running project they start from. The app is read when
 * a call is made, so a test file can hand over the variable its `beforeAll` fills in.
 */
export function supervisionRequests(context: () => TestApp) {
  const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    context().app.inject({
      method,
      url,
      headers: { cookie: session.cookie },
      ...(payload ? { payload } : {}),
    });

  /** A running project that started 13 months ago: two half-yearly reports overdue, two to come. */
  async function runningProject(name: string, overrides: { startOn?: string; status?: string } = {}) {
    const test = context();
    const company = await buildEnterprise(test.app, { name });
    const { projectId } = await insertPlanProject(test.db, {
      enterpriseId: company.enterpriseId,
      startOn: overrides.startOn ?? addMonths(todayIso(), -13),
      status: overrides.status,
      title: `${name.slice(0, 6)}关键技术研发`,
    });
    const detail = (await call(company, 'GET', `/api/supervision/projects/${projectId}`)).json();
    return { company, projectId, detail };
  }

  return { call, runningProject };
}
