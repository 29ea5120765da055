import {
  backupStatusSchema,
  calendarWarningListSchema,
  DISTRICT_FIELD_LABELS,
  districtSettingsResponseSchema,
  districtSettingsUpdateSchema,
  idParamSchema,
  SECOND_FACTOR_FIELD_LABELS,
  securitySettingsResponseSchema,
  securitySettingsUpdateSchema,
  userCreatedSchema,
  userCreateSchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
  userStatusBodySchema,
  workCalendarResponseSchema,
  workCalendarRestoreSchema,
  workCalendarUpdateSchema,
  yearParamSchema,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import { listCalendarWarnings } from '../../core/calendar/open-deadlines';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { readDistrictSettings, readSecuritySettings } from '../../core/settings';
import { readBackupStatus } from './backups';
import {
  changeUserAccount,
  createUser,
  listUsers,
  readWorkCalendar,
  restoreOfficialCalendar,
  saveWorkCalendar,
  updateDistrictSettings,
  updateSecuritySettings,
} from './service';

export function registerAdminRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['admin'];
  const sysadmin = rolesAccess('sysadmin');
  const secadmin = rolesAccess('secadmin');

  app.get(
    '/api/admin/backups',
    {
      schema: { tags, response: { 200: backupStatusSchema } },
      config: { access: rolesAccess('secadmin', 'sysadmin') },
    },
    async () => readBackupStatus(db),
  );

  app.get(
    '/api/admin/settings',
    { schema: { tags, response: { 200: districtSettingsResponseSchema } }, config: { access: sysadmin } },
    async () => readDistrictSettings(db),
  );
  app.put(
    '/api/admin/settings',
    {
      schema: { tags, body: districtSettingsUpdateSchema, response: { 200: districtSettingsResponseSchema } },
      config: { access: sysadmin, fieldLabels: DISTRICT_FIELD_LABELS },
    },
    async (request) => updateDistrictSettings(db, { input: request.body, context: request.context }),
  );

  app.get(
    '/api/admin/calendar/:year',
    {
      schema: { tags, params: yearParamSchema, response: { 200: workCalendarResponseSchema } },
      config: { access: sysadmin },
    },
    async (request) => readWorkCalendar(db, request.params.year),
  );
  app.put(
    '/api/admin/calendar/:year',
    {
      schema: {
        tags,
        params: yearParamSchema,
        body: workCalendarUpdateSchema,
        response: { 200: workCalendarResponseSchema },
      },
      config: { access: sysadmin },
    },
    async (request) =>
      saveWorkCalendar(db, { year: request.params.year, ...request.body, context: request.context }),
  );
  app.post(
    '/api/admin/calendar/:year/restore-official',
    {
      schema: {
        tags,
        params: yearParamSchema,
        body: workCalendarRestoreSchema,
        response: { 200: workCalendarResponseSchema },
      },
      config: { access: sysadmin },
    },
    async (request) =>
      restoreOfficialCalendar(db, {
        year: request.params.year,
        version: request.body.version,
        context: request.context,
      }),
  );
  // Years without a calendar that the bureau's deadlines need, for the administrator's home page.
  app.get(
    '/api/admin/calendar-warnings',
    { schema: { tags, response: { 200: calendarWarningListSchema } }, config: { access: sysadmin } },
    async () => ({ items: await listCalendarWarnings(db) }),
  );

  app.get(
    '/api/admin/users',
    {
      schema: { tags, querystring: userListQuerySchema, response: { 200: userPageSchema } },
      config: { access: rolesAccess('sysadmin', 'secadmin') },
    },
    async (request) => listUsers(db, request.query),
  );
  app.post(
    '/api/admin/users',
    {
      schema: { tags, body: userCreateSchema, response: { 201: userCreatedSchema } },
      config: { access: sysadmin },
    },
    async (request, reply) => {
      const created = await createUser(db, { input: request.body, context: request.context });
      reply.code(201);
      return created;
    },
  );
  app.get(
    '/api/admin/security-settings',
    { schema: { tags, response: { 200: securitySettingsResponseSchema } }, config: { access: secadmin } },
    async () => readSecuritySettings(db),
  );
  app.put(
    '/api/admin/security-settings',
    {
      schema: { tags, body: securitySettingsUpdateSchema, response: { 200: securitySettingsResponseSchema } },
      config: { access: secadmin, fieldLabels: SECOND_FACTOR_FIELD_LABELS },
    },
    async (request) => updateSecuritySettings(db, { input: request.body, context: request.context }),
  );

  for (const action of ['disable', 'enable', 'unlock', 'reset-second-factor'] as const) {
    app.post(
      `/api/admin/users/:id/${action}`,
      {
        schema: { tags, params: idParamSchema, body: userStatusBodySchema, response: { 200: userSchema } },
        config: { access: secadmin },
      },
      async (request) =>
        (
          await changeUserAccount(db, {
            id: request.params.id,
            action,
            version: request.body.version,
            context: request.context,
          })
        ).user,
    );
  }
  app.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: userStatusBodySchema,
        response: { 200: userCreatedSchema },
      },
      config: { access: secadmin },
    },
    async (request) => {
      const result = await changeUserAccount(db, {
        id: request.params.id,
        action: 'reset-password',
        version: request.body.version,
        context: request.context,
      });
      return { user: result.user, initialPassword: result.initialPassword ?? '' };
    },
  );
}
