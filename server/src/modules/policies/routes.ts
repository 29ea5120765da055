import {
  candidatePageSchema,
  candidateQuerySchema,
  chinaToday,
  enterpriseMatchesSchema,
  idParamSchema,
  itemOptionListSchema,
  itemOptionQuerySchema,
  itemParamsSchema,
  matchQuerySchema,
  POLICY_FIELD_LABELS,
  payoutActionBodySchema,
  payoutActionParamsSchema,
  payoutConfirmSchema,
  payoutDetailSchema,
  payoutPageSchema,
  payoutPushSchema,
  payoutQuerySchema,
  policyActionParamsSchema,
  policyInputSchema,
  policyListQuerySchema,
  policyPageSchema,
  policySchema,
  policyUpdateSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../core/access';
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
import { registerPolicyApplicationRoutes } from './application-routes';
import { registerPolicyGuideRoutes } from './guide-routes';
import {
  confirmPayouts,
  listCandidates,
  listItemOptions,
  listPayouts,
  matchEnterprise,
} from './matching-service';
import { registerPolicyNoticeRoutes } from './notice-routes';
import { actOnPayout, pushPayouts, readPayout } from './payouts-service';
import { actOnPolicy, createPolicy, listPolicies, readPolicy, updatePolicy } from './policies-service';

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
const yearNow = () => Number(chinaToday().slice(0, 4));

/** 政策服务: the library, matching for an enterprise and for an item, 免申即享 payouts, the 《政策指引》. */
export function registerPolicyRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['policies'];
  const fieldLabels = POLICY_FIELD_LABELS;
  const staffOnly = rolesAccess('staff');
  const bureau = rolesAccess('staff', 'leader');

  listRoute(app, {
    url: '/api/policies',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    fieldLabels,
    querystring: policyListQuerySchema,
    response: policyPageSchema,
    list: (input) => listPolicies(db, input),
  });

  createRoute(app, db, {
    url: '/api/policies',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: policyInputSchema, response: { 201: policySchema } },
    create: (request) => createPolicy(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/policies/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    response: policySchema,
    read: (input) => readPolicy(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/policies/:id',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: policyUpdateSchema, response: { 200: policySchema } },
    handler: async (request) =>
      updatePolicy(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: '/api/policies/:id/actions/:action',
    tags,
    access: staffOnly,
    params: policyActionParamsSchema,
    response: policySchema,
    act: (input) =>
      actOnPolicy(db, { id: input.id, action: input.action, body: input, context: input.context }),
  });

  // The public portal: published documents and their items, no login.
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/policies',
    access: publicAccess,
    fieldLabels,
    schema: {
      tags,
      querystring: policyListQuerySchema.omit({ status: true }),
      response: { 200: policyPageSchema },
    },
    handler: async (request) => listPolicies(db, { actor: null, query: request.query }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/public/policies/:id',
    access: publicAccess,
    schema: { tags, params: idParamSchema, response: { 200: policySchema } },
    handler: async (request) => readPolicy(db, { actor: null, id: request.params.id }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/matches/:id',
    access: rolesAccess('staff', 'leader', 'enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      querystring: matchQuerySchema,
      response: { 200: enterpriseMatchesSchema },
    },
    handler: async (request) =>
      matchEnterprise(db, {
        actor: requireActor(request),
        enterpriseId: request.params.id,
        year: request.query.year ?? yearNow(),
        language: request.context.language,
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/items',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: itemOptionQuerySchema, response: { 200: itemOptionListSchema } },
    handler: async (request) => listItemOptions(db, request.query.fulfilMode),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/items/:itemId/candidates',
    access: bureau,
    fieldLabels,
    schema: {
      tags,
      params: itemParamsSchema,
      querystring: candidateQuerySchema,
      response: { 200: candidatePageSchema },
    },
    handler: async (request) =>
      listCandidates(db, {
        itemId: request.params.itemId,
        query: request.query,
        language: request.context.language,
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/items/:itemId/payouts',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: itemParamsSchema,
      body: payoutConfirmSchema,
      response: { 200: z.object({ confirmed: z.number().int(), totalFen: z.number().int() }) },
    },
    handler: async (request) =>
      confirmPayouts(db, { itemId: request.params.itemId, input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/policies/payouts',
    tags,
    access: rolesAccess('staff', 'leader', 'observer', 'enterprise'),
    fieldLabels,
    querystring: payoutQuerySchema,
    response: payoutPageSchema,
    list: (input) => listPayouts(db, input),
  });

  // 兑现 after the list is confirmed: push, the enterprise's confirmation, payment, archive.
  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/items/:itemId/payouts/push',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: itemParamsSchema,
      body: payoutPushSchema,
      response: { 200: z.object({ pushed: z.number().int() }) },
    },
    handler: async (request) =>
      pushPayouts(db, { itemId: request.params.itemId, year: request.body.year, context: request.context }),
  });

  readRoute(app, {
    url: '/api/policies/payouts/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'observer', 'enterprise'),
    response: payoutDetailSchema,
    read: (input) => readPayout(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/payouts/:id/actions/:action',
    access: rolesAccess('staff', 'enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: payoutActionParamsSchema,
      body: payoutActionBodySchema,
      response: { 200: payoutDetailSchema },
    },
    handler: async (request) =>
      actOnPayout(db, {
        id: request.params.id,
        action: request.params.action,
        body: request.body,
        context: request.context,
      }),
  });

  exportRoute(app, db, {
    url: '/api/policies/payouts/export',
    access: rolesAccess('staff', 'leader', 'observer'),
    fieldLabels,
    schema: { tags, querystring: payoutQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'policy.payout.export',
      objectType: 'policy_payouts',
      after: { query: request.query },
    }),
    fileName: (request) => `${request.query.year ?? ''}免申即享兑现名单`,
    sheetName: '免申即享兑现名单',
    rows: (request) =>
      readAllPages(
        async (page, pageSize) =>
          listPayouts(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '政策事项', width: 30, value: (row) => row.itemTitle },
      { header: '政策依据', width: 40, value: (row) => `《${row.policyTitle}》（${row.documentNo}）` },
      { header: '兑现金额（万元）', width: 16, value: (row) => wan(row.amountFen) },
      { header: '确认日期', width: 12, value: (row) => row.confirmedOn },
      { header: '符合条件', width: 60, value: (row) => row.reasons.join('；') },
    ],
  });

  registerPolicyApplicationRoutes(app, deps);
  registerPolicyGuideRoutes(app, deps);
  registerPolicyNoticeRoutes(app, deps);
}
