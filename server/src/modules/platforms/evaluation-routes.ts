import {
  EVALUATION_CONSEQUENCE_LABELS,
  evaluationActionParamsSchema,
  evaluationConsequenceSchema,
  evaluationGradeSchema,
  evaluationListQuerySchema,
  evaluationPageSchema,
  evaluationReportSchema,
  evaluationRoundActionParamsSchema,
  evaluationRoundInputSchema,
  evaluationRoundListQuerySchema,
  evaluationRoundPageSchema,
  evaluationRoundSchema,
  idParamSchema,
  PLATFORM_FIELD_LABELS,
  PLATFORM_LEVEL_LABELS,
  platformEvaluationSchema,
  platformEvaluationWorkflow,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  actionRoute,
  createRoute,
  defineRoute,
  exportRoute,
  listRoute,
  readAllPages,
  readRoute,
} from '../../core/routes';
import {
  actOnEvaluation,
  actOnRound,
  applyConsequence,
  createRound,
  gradeEvaluation,
  listEvaluations,
  listRounds,
  readEvaluation,
  reportEvaluation,
} from './evaluation-service';

/** 年度绩效评价: rounds per type and year, the hosts' reports, grades and their consequences. */
export function registerEvaluationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['platforms'];
  const fieldLabels = PLATFORM_FIELD_LABELS;
  const bureau = rolesAccess('staff', 'leader');
  const staffOnly = rolesAccess('staff');
  const rounds = '/api/platforms/evaluation-rounds';
  const url = '/api/platforms/evaluations';

  listRoute(app, {
    url: rounds,
    tags,
    access: bureau,
    fieldLabels,
    querystring: evaluationRoundListQuerySchema,
    response: evaluationRoundPageSchema,
    list: (input) => listRounds(db, input),
  });

  createRoute(app, db, {
    url: rounds,
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: evaluationRoundInputSchema, response: { 201: evaluationRoundSchema } },
    create: (request) => createRound(db, { input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: `${rounds}/:id/actions/:action`,
    tags,
    access: staffOnly,
    params: evaluationRoundActionParamsSchema,
    response: evaluationRoundSchema,
    act: (input) => actOnRound(db, input),
  });

  listRoute(app, {
    url,
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    fieldLabels,
    querystring: evaluationListQuerySchema,
    response: evaluationPageSchema,
    list: (input) => listEvaluations(db, input),
  });

  exportRoute(app, db, {
    url: `${url}/export`,
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: evaluationListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'platform-evaluation.export',
      objectType: 'platform_evaluations',
      after: { query: request.query },
    }),
    fileName: () => '科创平台绩效评价结果',
    sheetName: '绩效评价结果',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listEvaluations(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '评价年度', width: 10, value: (row) => row.year },
      { header: '平台名称', width: 36, value: (row) => row.platformName },
      { header: '平台类型', width: 20, value: (row) => row.typeName },
      { header: '级别', width: 8, value: (row) => PLATFORM_LEVEL_LABELS[row.level].zh },
      { header: '依托单位', width: 36, value: (row) => row.hostNames },
      { header: '填报状态', width: 10, value: (row) => platformEvaluationWorkflow.states[row.status].zh },
      { header: '研发投入（万元）', width: 14, value: (row) => row.figures?.rdSpendWan ?? '' },
      { header: '得分', width: 8, value: (row) => row.score ?? '' },
      { header: '评价等次', width: 10, value: (row) => row.gradeLabel ?? '' },
      { header: '连续不合格年数', width: 14, value: (row) => row.consecutiveFailing },
      { header: '处理', width: 10, value: (row) => EVALUATION_CONSEQUENCE_LABELS[row.consequence].zh },
      { header: '处理执行日期', width: 14, value: (row) => row.consequenceAppliedOn ?? '' },
    ],
  });

  readRoute(app, {
    url: `${url}/:id`,
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    response: platformEvaluationSchema,
    read: (input) => readEvaluation(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${url}/:id/report`,
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: evaluationReportSchema,
      response: { 200: platformEvaluationSchema },
    },
    handler: async (request) =>
      reportEvaluation(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${url}/:id/grade`,
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: evaluationGradeSchema,
      response: { 200: platformEvaluationSchema },
    },
    handler: async (request) =>
      gradeEvaluation(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${url}/:id/consequence`,
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: evaluationConsequenceSchema,
      response: { 200: platformEvaluationSchema },
    },
    handler: async (request) =>
      applyConsequence(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: `${url}/:id/actions/:action`,
    tags,
    access: staffOnly,
    params: evaluationActionParamsSchema,
    response: platformEvaluationSchema,
    act: (input) => actOnEvaluation(db, input),
  });
}
