import { describe, expect, it } from 'vitest';
import { type ApplicationContent, applicationContentSchema } from './application-content';
import { callRulesSchema } from './plan';
import { checkApplicationSubmission } from './submission-check';

const WAN = 1_000_000;
export function buildCompleteContent(): ApplicationContent {
  return applicationContentSchema.parse({
    basics: {
      title: '高端液压件智能制造关键技术研究',
      summary:
        '针对工程机械高端液压件的精密加工与装配难题，研究数字化工艺与在线检测技术，形成示范生产线。'.repeat(
          2,
        ),
      startOn: '2021-07-01',
      endOn: '2023-06-30',
    },
    team: [
      { name: '张立', role: 'principal', idNumber: '11010519491231002X', workloadMonths: 8 },
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
    milestones: [{ dueOn: '2022-06-30', description: '完成工艺验证' }],
    targets: [{ name: '加工精度', kind: 'technical', unit: 'μm', value: '≤5' }],
    attachments: [{ fileId: 1, kind: 'businessLicence' }],
  });
}

const rules = callRulesSchema.parse({ maxRequestFen: 100 * WAN });
const facts = { standings: [], principalApplicationsThisYear: 0, principalRunningProjects: 0 } as const;
const check = (
  content: ApplicationContent,
  overrides: Partial<Parameters<typeof checkApplicationSubmission>[1]> = {},
) => checkApplicationSubmission(content, { rules, year: 2021, facts, ...overrides });

describe('申报书 submission check', () => {
  it('passes a complete application without warnings', () => {
    expect(check(buildCompleteContent())).toEqual({ errors: [], warnings: [] });
  });

  it('refuses budget totals that differ from the column sums, naming the cells', () => {
    const content = buildCompleteContent();
    content.budget.totals = { fiscalFen: 50 * WAN, selfRaisedFen: 100 * WAN + 1, otherFen: 4 * WAN };
    const { errors } = check(content);
    expect(errors.map((issue) => issue.path)).toEqual([
      'budget.totals.selfRaisedFen',
      'budget.totals.otherFen',
    ]);
    expect(errors[0].message.zh).toContain('自筹资金');
    expect(errors[0].message.zh).toContain('1,000,000.01 元');
  });

  it('refuses more than the call allows, naming the total and the row', () => {
    const content = buildCompleteContent();
    content.budget.rows[0].fiscalFen = 130 * WAN;
    content.budget.totals = { fiscalFen: 150 * WAN, selfRaisedFen: 100 * WAN, otherFen: 5 * WAN };
    const paths = check(content).errors.map((issue) => issue.path);
    expect(paths).toEqual(['budget.totals.fiscalFen', 'budget.rows.0.fiscalFen']);
  });

  it('requires a principal with a valid ID number, and applies the 限项 rules', () => {
    const content = buildCompleteContent();
    content.team[0].idNumber = '110105194912310021';
    expect(check(content).errors).toEqual([
      {
        path: 'team.0.idNumber',
        message: { zh: '项目负责人身份证号：校验位不正确，请核对', en: expect.any(String) },
      },
    ]);
    content.team[0].role = 'core';
    expect(check(content).errors.map((issue) => issue.path)).toEqual(['team']);
    const limited = check(buildCompleteContent(), {
      facts: { standings: [], principalApplicationsThisYear: 1, principalRunningProjects: 2 },
    });
    expect(limited.errors.map((issue) => issue.message.zh)).toEqual([
      '限项：项目负责人本年度已牵头申报 1 项，每年最多 1 项',
      '限项：项目负责人在研项目 2 项，连同本项不得超过 2 项',
    ]);
  });

  it('checks dates, milestones and targets', () => {
    const content = buildCompleteContent();
    content.basics.endOn = '2021-06-30';
    content.milestones.push({ dueOn: '2021-02-30', description: '无效日期' });
    content.targets = [];
    expect(check(content).errors.map((issue) => issue.path)).toEqual([
      'basics.endOn',
      'milestones.1.dueOn',
      'targets',
    ]);
  });

  it('requires the standing the call names', () => {
    const strict = callRulesSchema.parse({ requiredStandings: ['techSme', 'cultivationPool'] });
    expect(check(buildCompleteContent(), { rules: strict }).errors[0].message.zh).toBe(
      '申报条件：申报单位须为科技型中小企业或高企培育库入库企业',
    );
    expect(
      check(buildCompleteContent(), { rules: strict, facts: { ...facts, standings: ['cultivationPool'] } })
        .errors,
    ).toEqual([]);
  });

  it('warns without blocking', () => {
    const content = buildCompleteContent();
    content.attachments = [];
    content.budget.rows[2].selfRaisedFen = 0;
    content.budget.totals = { fiscalFen: 50 * WAN, selfRaisedFen: 90 * WAN, otherFen: 5 * WAN };
    const result = check(content);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => issue.path)).toEqual(['attachments']);
  });
});
