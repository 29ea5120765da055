import {
  EMPLOYMENT_MODE_LABELS,
  helpRecordInputSchema,
  idParamSchema,
  PERMIT_CLASS_LABELS,
  programmeRecordActionParamsSchema,
  programmeRecordInputSchema,
  programmeRecordListQuerySchema,
  programmeRecordPageSchema,
  programmeRecordSchema,
  TALENT_DEGREE_LABELS,
  TALENT_FIELD_LABELS,
  TALENT_GENDER_LABELS,
  TALENT_ID_TYPE_LABELS,
  TALENT_ORIGIN_LABELS,
  type TalentDetail,
  talentChannelInputSchema,
  talentChannelSchema,
  talentDetailSchema,
  talentErasureSchema,
  talentInputSchema,
  talentLinkInputSchema,
  talentListQuerySchema,
  talentPageSchema,
  talentProgrammeSchema,
  talentProgrammeWorkflow,
  talentRevealSchema,
  talentUpdateSchema,
  wageBaseInputSchema,
  wageBaseSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { attachmentHeader } from '../../core/excel';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  actionRoute,
  commandRoute,
  createRoute,
  defineRoute,
  exportRoute,
  listRoute,
  readAllPages,
  readRoute,
} from '../../core/routes';
import { eraseTalent, exportPersonalData, introduceTalent } from './personal-data-service';
import {
  actOnProgrammeRecord,
  addHelpRecord,
  addLink,
  createChannel,
  listChannels,
  listProgrammeRecords,
  listProgrammes,
  listWageBases,
  nominate,
  saveWageBase,
} from './records-service';
import { createTalent, listTalents, readTalent, revealTalent, updateTalent } from './talent-service';

const wan = (fen: number | null) => (fen === null ? '' : (fen / 1_000_000).toFixed(2));

/** 人才: the ledger (masked), its reveal, help records, programme records, links, channels and wage bases. */
export function registerTalentRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['talent'];
  const fieldLabels = TALENT_FIELD_LABELS;
  const staffOnly = rolesAccess('staff');
  const bureau = rolesAccess('staff', 'leader');
  const readers = rolesAccess('staff', 'leader', 'enterprise');

  defineRoute(app, {
    method: 'GET',
    url: '/api/talent/channels',
    access: readers,
    schema: { tags, response: { 200: z.object({ items: z.array(talentChannelSchema) }) } },
    handler: async () => ({ items: await listChannels(db) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/talent/channels',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: talentChannelInputSchema, response: { 201: talentChannelSchema } },
    handler: async (request, reply) =>
      reply.code(201).send(await createChannel(db, { input: request.body, context: request.context })),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/talent/programmes',
    access: readers,
    schema: { tags, response: { 200: z.object({ items: z.array(talentProgrammeSchema) }) } },
    handler: async () => ({ items: await listProgrammes(db) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/talent/wage-bases',
    access: bureau,
    schema: { tags, response: { 200: z.object({ items: z.array(wageBaseSchema) }) } },
    handler: async () => ({ items: await listWageBases(db) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/talent/wage-bases',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: wageBaseInputSchema, response: { 200: wageBaseSchema } },
    handler: async (request) => saveWageBase(db, { input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/talent',
    tags,
    access: readers,
    fieldLabels,
    querystring: talentListQuerySchema,
    response: talentPageSchema,
    list: (input) => listTalents(db, input),
  });

  exportRoute(app, db, {
    url: '/api/talent/export',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: talentListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({ event: 'talent.export', objectType: 'talents', after: { query: request.query } }),
    fileName: () => '人才台账',
    sheetName: '人才台账',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listTalents(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '姓名', width: 12, value: (row) => row.name },
      { header: '性别', width: 6, value: (row) => TALENT_GENDER_LABELS[row.gender].zh },
      { header: '出生年份', width: 10, value: (row) => row.birthYear },
      { header: '国内/外籍', width: 10, value: (row) => TALENT_ORIGIN_LABELS[row.origin].zh },
      { header: '国籍', width: 12, value: (row) => row.nationality },
      { header: '证件类型', width: 12, value: (row) => TALENT_ID_TYPE_LABELS[row.idType].zh },
      { header: '证件号码（脱敏）', width: 22, value: (row) => row.idNumberMasked },
      { header: '学历学位', width: 8, value: (row) => TALENT_DEGREE_LABELS[row.degree].zh },
      { header: '职称', width: 14, value: (row) => row.title ?? '' },
      { header: '专业领域', width: 16, value: (row) => row.field },
      { header: '工作单位', width: 36, value: (row) => row.employerName },
      { header: '职务/岗位', width: 14, value: (row) => row.position ?? '' },
      { header: '来区工作日期', width: 14, value: (row) => row.arrivalDate },
      { header: '引进渠道', width: 18, value: (row) => row.channelName },
      { header: '引进方式', width: 10, value: (row) => EMPLOYMENT_MODE_LABELS[row.employmentMode].zh },
      {
        header: '工作许可类别',
        width: 20,
        value: (row) => (row.permitClass ? PERMIT_CLASS_LABELS[row.permitClass].zh : ''),
      },
      { header: '联系方式（脱敏）', width: 18, value: (row) => row.contactMasked ?? '' },
    ],
  });

  listRoute(app, {
    url: '/api/talent/programme-records',
    tags,
    access: readers,
    fieldLabels,
    querystring: programmeRecordListQuerySchema,
    response: programmeRecordPageSchema,
    list: (input) => listProgrammeRecords(db, input),
  });

  exportRoute(app, db, {
    url: '/api/talent/programme-records/export',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: programmeRecordListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'talent.programme.export',
      objectType: 'talent_programme_records',
      after: { query: request.query },
    }),
    fileName: () => '人才计划推荐及入选',
    sheetName: '人才计划',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listProgrammeRecords(db, {
            actor: requireActor(request),
            query: { ...request.query, page, pageSize },
          }),
        200,
      ),
    columns: [
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '人才计划', width: 24, value: (row) => row.programmeName },
      { header: '姓名', width: 12, value: (row) => row.talentName },
      { header: '工作单位', width: 36, value: (row) => row.employerName },
      { header: '依托平台', width: 30, value: (row) => row.platformName ?? '' },
      { header: '依托项目', width: 30, value: (row) => row.projectTitle ?? '' },
      { header: '推荐日期', width: 12, value: (row) => row.nominatedOn },
      { header: '结果', width: 8, value: (row) => talentProgrammeWorkflow.states[row.status].zh },
      { header: '资助金额（万元）', width: 14, value: (row) => wan(row.fundingFen) },
    ],
  });

  actionRoute(app, {
    url: '/api/talent/programme-records/:id/actions/:action',
    tags,
    access: staffOnly,
    params: programmeRecordActionParamsSchema,
    response: programmeRecordSchema,
    act: (input) => actOnProgrammeRecord(db, input),
  });

  createRoute(app, db, {
    url: '/api/talent',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: talentInputSchema, response: { 201: talentDetailSchema } },
    create: (request) => createTalent(db, { input: request.body, context: request.context }),
  });

  createRoute(app, db, {
    url: '/api/talent/introduced',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: talentInputSchema, response: { 201: talentDetailSchema } },
    create: (request) => introduceTalent(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/talent/:id',
    tags,
    access: readers,
    response: talentDetailSchema,
    read: (input) => readTalent(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/talent/:id',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: talentUpdateSchema, response: { 200: talentDetailSchema } },
    handler: async (request) =>
      updateTalent(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  commandRoute(app, {
    method: 'POST',
    url: '/api/talent/:id/reveal',
    tags,
    access: staffOnly,
    response: talentRevealSchema,
    run: (input) => revealTalent(db, input),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/talent/:id/personal-data',
    access: staffOnly,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) => {
      const file = await exportPersonalData(db, { id: request.params.id, context: request.context });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/talent/:id/erase',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: talentErasureSchema, response: { 200: talentDetailSchema } },
    handler: async (request) =>
      eraseTalent(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  const recordRoute = <B extends z.ZodType>(
    url: string,
    body: B,
    run: (
      database: typeof db,
      options: { id: number; input: z.output<B>; context: RequestContext },
    ) => Promise<TalentDetail>,
  ) =>
    defineRoute(app, {
      method: 'POST',
      url,
      access: staffOnly,
      fieldLabels,
      schema: { tags, params: idParamSchema, body, response: { 200: talentDetailSchema } },
      handler: async (request) =>
        run(db, { id: request.params.id, input: request.body as z.output<B>, context: request.context }),
    });
  recordRoute('/api/talent/:id/help-records', helpRecordInputSchema, addHelpRecord);
  recordRoute('/api/talent/:id/programme-records', programmeRecordInputSchema, nominate);
  recordRoute('/api/talent/:id/links', talentLinkInputSchema, addLink);
}
