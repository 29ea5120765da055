import {
  changePasswordSchema,
  currentUserSchema,
  loginSchema,
  okSchema,
  recoveryCodesSchema,
  SECOND_FACTOR_FIELD_LABELS,
  secondFactorCodeSchema,
  secondFactorSetupSchema,
} from '@kechuang/domain';
import type { FastifyReply } from 'fastify';
import { anyUser, publicAccess, requireActor } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { SESSION_COOKIE } from '../../core/sessions';
import { disableSecondFactor, enableSecondFactor, renewRecoveryCodes, startEnrolment } from './second-factor';
import { changePassword, logIn, logOut, readCurrentUser } from './service';

const duringAccountSetup = { kind: 'authenticated', allowDuringAccountSetup: true } as const;

export function registerAuthRoutes(app: TypedApp, deps: ModuleDeps): void {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
    });

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: loginSchema, response: { 200: currentUserSchema } },
      config: { access: publicAccess, fieldLabels: SECOND_FACTOR_FIELD_LABELS },
    },
    async (request, reply) => {
      const { user, token } = await logIn(deps.db, {
        credentials: request.body,
        context: request.context,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      setSessionCookie(reply, token);
      return user;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: okSchema } }, config: { access: duringAccountSetup } },
    async (request, reply) => {
      if (request.sessionToken)
        await logOut(deps.db, { token: request.sessionToken, context: request.context });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], response: { 200: currentUserSchema } },
      config: { access: duringAccountSetup },
    },
    async (request) => readCurrentUser(deps.db, requireActor(request).userId),
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: changePasswordSchema, response: { 200: okSchema } },
      config: { access: duringAccountSetup },
    },
    async (request, reply) => {
      const token = await changePassword(deps.db, {
        input: request.body,
        context: request.context,
        userAgent: request.headers['user-agent'] ?? null,
        currentToken: request.sessionToken ?? '',
      });
      setSessionCookie(reply, token);
      return { ok: true as const };
    },
  );

  // The second factor: set-up and confirmation stay open while a role's required enrolment is pending.
  app.post(
    '/api/auth/second-factor/setup',
    {
      schema: { tags: ['auth'], response: { 200: secondFactorSetupSchema } },
      config: { access: duringAccountSetup },
    },
    async (request) => startEnrolment(deps.db, request.context),
  );
  app.post(
    '/api/auth/second-factor/enable',
    {
      schema: { tags: ['auth'], body: secondFactorCodeSchema, response: { 200: recoveryCodesSchema } },
      config: { access: duringAccountSetup, fieldLabels: SECOND_FACTOR_FIELD_LABELS },
    },
    async (request) => enableSecondFactor(deps.db, { code: request.body.code, context: request.context }),
  );
  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      schema: { tags: ['auth'], body: secondFactorCodeSchema, response: { 200: recoveryCodesSchema } },
      config: { access: anyUser, fieldLabels: SECOND_FACTOR_FIELD_LABELS },
    },
    async (request) => renewRecoveryCodes(deps.db, { code: request.body.code, context: request.context }),
  );
  app.post(
    '/api/auth/second-factor/disable',
    {
      schema: { tags: ['auth'], body: secondFactorCodeSchema, response: { 200: okSchema } },
      config: { access: anyUser, fieldLabels: SECOND_FACTOR_FIELD_LABELS },
    },
    async (request) => {
      await disableSecondFactor(deps.db, { code: request.body.code, context: request.context });
      return { ok: true as const };
    },
  );
}
