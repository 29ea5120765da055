import {
  idParamSchema,
  itemNoticesSchema,
  itemParamsSchema,
  POLICY_FIELD_LABELS,
  policySettingsSaveSchema,
  policySettingsViewSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import { readUploadedFile, sendStoredFile } from '../../core/files';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { defineRoute } from '../../core/routes';
import { readItemNotices } from './item-notices-service';
import { loadScopedPayout, readPayout } from './payouts-service';
import { readPolicySettingsView, updatePolicySettings } from './settings';
import { findPayoutVoucher, uploadVoucherFile } from './voucher-files';

/** The reminder settings; who was told of an item and who acted; the payment voucher's scan of a payout. */
export function registerPolicyNoticeRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['policies'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/settings',
    access: rolesAccess('sysadmin', 'staff'),
    schema: { tags, response: { 200: policySettingsViewSchema } },
    handler: async () => readPolicySettingsView(db),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/policies/settings',
    access: rolesAccess('sysadmin'),
    fieldLabels: POLICY_FIELD_LABELS,
    schema: { tags, body: policySettingsSaveSchema, response: { 200: policySettingsViewSchema } },
    handler: async (request) => updatePolicySettings(db, { input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/items/:itemId/notices',
    access: rolesAccess('staff', 'leader'),
    fieldLabels: POLICY_FIELD_LABELS,
    schema: { tags, params: itemParamsSchema, response: { 200: itemNoticesSchema } },
    handler: async (request) => readItemNotices(db, request.params.itemId),
  });

  // The voucher scan is uploaded first, then named by the payment step (`voucherFileId`).
  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/payouts/:id/voucher-files',
    access: rolesAccess('staff'),
    schema: {
      tags,
      params: idParamSchema,
      response: { 201: z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int() }) },
    },
    handler: async (request, reply) => {
      const payout = await readPayout(db, { actor: requireActor(request), id: request.params.id });
      const upload = await readUploadedFile(request);
      const file = await uploadVoucherFile(db, {
        payout,
        buffer: upload.buffer,
        fileName: upload.fileName,
        context: request.context,
      });
      return reply.code(201).send(file);
    },
  });

  // The bureau and the finance observer read any payout's voucher; an enterprise only its own.
  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/payouts/:id/voucher',
    access: rolesAccess('staff', 'leader', 'observer', 'enterprise'),
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) => {
      const payout = await loadScopedPayout(db, requireActor(request), request.params.id);
      return sendStoredFile(reply, db, request.context, await findPayoutVoucher(db, payout));
    },
  });
}
