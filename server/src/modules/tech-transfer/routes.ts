import {
  idParamSchema,
  storedFileInfoSchema,
  TECH_CONTRACT_FIELD_LABELS,
  techContractActionBodySchema,
  techContractActionParamsSchema,
  techContractInputSchema,
  techContractListQuerySchema,
  techContractPageSchema,
  techContractSaveSchema,
  techContractSchema,
  techContractWorkflow,
  techExemptionClaimSchema,
  techExemptionConfirmSchema,
  techTransferSettingsSaveSchema,
  techTransferSettingsViewSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { attachmentHeader, sendXlsx } from '../../core/excel';
import { readUploadedFile, sendStoredFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { readDistrictSettings } from '../../core/settings';
import { renderRegistrationCertificate } from './certificate-word';
import { type TechContractRow, toSummary } from './contract-view';
import {
  createContract,
  iterateContracts,
  listContracts,
  readContract,
  saveContract,
} from './contracts-service';
import { registerMatchingRoutes } from './needs-results/routes';
import {
  actOnContract,
  confirmExemption,
  findSignedContract,
  markExemptionClaimed,
  uploadSignedContract,
} from './registration-service';
import { readTechTransferSettings, updateTechTransferSettings } from './settings';

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

/** 技术合同认定登记: the seller's filing, the 登记员's steps, 免税, the 台账 and the 登记证明. */
export function registerTechTransferRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['tech-transfer'];
  const fieldLabels = TECH_CONTRACT_FIELD_LABELS;
  const readers = rolesAccess('staff', 'leader', 'observer', 'enterprise');

  app.get(
    '/api/tech-transfer/settings',
    {
      schema: { tags, response: { 200: techTransferSettingsViewSchema } },
      config: { access: rolesAccess('sysadmin', 'staff') },
    },
    async () => readTechTransferSettings(db),
  );

  app.put(
    '/api/tech-transfer/settings',
    {
      schema: {
        tags,
        body: techTransferSettingsSaveSchema,
        response: { 200: techTransferSettingsViewSchema },
      },
      config: { access: rolesAccess('sysadmin'), fieldLabels },
    },
    async (request) => updateTechTransferSettings(db, { input: request.body, context: request.context }),
  );

  app.get(
    '/api/tech-transfer/contracts',
    {
      schema: { tags, querystring: techContractListQuerySchema, response: { 200: techContractPageSchema } },
      config: { access: readers, fieldLabels },
    },
    async (request) => listContracts(db, { actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/tech-transfer/contracts/export',
    {
      schema: {
        tags,
        querystring: techContractListQuerySchema.omit({
          page: true,
          pageSize: true,
          sort: true,
          order: true,
        }),
      },
      config: { access: rolesAccess('staff', 'leader', 'observer'), fieldLabels },
    },
    async (request, reply) => {
      await recordAudit(db, request.context, { event: 'tech-contract.export', objectType: 'tech_contracts' });
      let serial = 0;
      return sendXlsx<TechContractRow>(reply, {
        fileName: '技术合同登记台账.xlsx',
        sheetName: '技术合同登记台账',
        pages: iterateContracts(db, requireActor(request), request.query),
        columns: [
          { header: '序号', value: () => ++serial, width: 8 },
          { header: '合同登记编号', value: (row) => row.registrationNo ?? '' },
          { header: '项目名称', value: (row) => row.title, width: 36 },
          { header: '卖方名称', value: (row) => row.sellerName, width: 30 },
          { header: '卖方统一社会信用代码', value: (row) => row.sellerCreditCode, width: 22 },
          { header: '买方名称', value: (row) => row.buyerName, width: 30 },
          { header: '合同类别', value: (row) => toSummary(row).categoryLabel, width: 24 },
          { header: '合同成交额（万元）', value: (row) => wan(row.contractFen) },
          { header: '技术交易额（万元）', value: (row) => wan(row.techFen) },
          { header: '登记日期', value: (row) => row.registeredOn ?? '' },
          { header: '状态', value: (row) => techContractWorkflow.states[toSummary(row).status].zh },
          {
            header: '免税',
            value: (row) =>
              row.exemptionEligible === null
                ? ''
                : row.exemptionEligible
                  ? row.exemptionClaimed
                    ? '已申报免税'
                    : '符合条件未申报'
                  : '不符合',
          },
        ],
      });
    },
  );

  app.post(
    '/api/tech-transfer/contracts',
    {
      schema: { tags, body: techContractInputSchema, response: { 201: techContractSchema } },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createContract(db, { input: request.body, context: request.context }),
      })),
  );

  app.get(
    '/api/tech-transfer/contracts/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: techContractSchema } },
      config: { access: readers },
    },
    async (request) => readContract(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.put(
    '/api/tech-transfer/contracts/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: techContractSaveSchema,
        response: { 200: techContractSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return saveContract(db, { id: request.params.id, version, input, context: request.context });
    },
  );

  app.post(
    '/api/tech-transfer/contracts/:id/actions/:action',
    {
      schema: {
        tags,
        params: techContractActionParamsSchema,
        body: techContractActionBodySchema,
        response: { 200: techContractSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise'), fieldLabels },
    },
    async (request) =>
      actOnContract(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        registeredOn: request.body.registeredOn,
        changes: request.body.changes,
        context: request.context,
      }),
  );

  app.post(
    '/api/tech-transfer/contracts/:id/signed-file',
    {
      schema: {
        tags,
        params: idParamSchema,
        consumes: ['multipart/form-data'],
        response: { 201: storedFileInfoSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) => {
      const upload = await readUploadedFile(request);
      const file = await uploadSignedContract(db, {
        id: request.params.id,
        buffer: upload.buffer,
        fileName: upload.fileName,
        context: request.context,
      });
      return reply.code(201).send(file);
    },
  );

  app.get(
    '/api/tech-transfer/contracts/:id/signed-file',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const file = await findSignedContract(db, { context: request.context, id: request.params.id });
      return sendStoredFile(reply, db, request.context, file);
    },
  );

  app.get(
    '/api/tech-transfer/contracts/:id/certificate',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const contract = await readContract(db, { actor: requireActor(request), id: request.params.id });
      if (contract.status !== 'registered' || !contract.registrationNo)
        throw new AppError(409, 'transitionNotAllowed');
      const district = await readDistrictSettings(db);
      await recordAudit(db, request.context, {
        event: 'tech-contract.certificate',
        objectType: 'tech_contracts',
        objectId: contract.id,
      });
      const buffer = await renderRegistrationCertificate(contract, `${district.name}技术合同登记处`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`技术合同登记证明-${contract.registrationNo}.docx`))
        .header('x-content-type-options', 'nosniff')
        .header('x-tech-fen', String(contract.techFen))
        .send(buffer);
    },
  );

  app.post(
    '/api/tech-transfer/contracts/:id/exemption-claim',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: techExemptionClaimSchema,
        response: { 200: techContractSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request) =>
      markExemptionClaimed(db, {
        id: request.params.id,
        version: request.body.version,
        claimed: request.body.claimed,
        context: request.context,
      }),
  );

  app.post(
    '/api/tech-transfer/contracts/:id/exemption-confirmation',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: techExemptionConfirmSchema,
        response: { 200: techContractSchema },
      },
      config: { access: rolesAccess('observer'), fieldLabels },
    },
    async (request) =>
      confirmExemption(db, {
        id: request.params.id,
        version: request.body.version,
        context: request.context,
      }),
  );

  registerMatchingRoutes(app, deps);
}
