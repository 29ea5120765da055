import { changePasswordSchema, currentUserSchema, loginSchema, okSchema } from '@kechuang/domain';
import type { FastifyReply } from 'fastify';
import { publicAccess, requireActor } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { SESSION_COOKIE } from '../../core/sessions';
import { changePassword, logIn, logOut, readCurrentUser } from './service';

const duringPasswordChange = { kind: 'authenticated', allowDuringPasswordChange: true } as const;

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
      config: { access: publicAccess },
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
    { schema: { tags: ['auth'], response: { 200: okSchema } }, config: { access: duringPasswordChange } },
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
      config: { access: duringPasswordChange },
    },
    async (request) => readCurrentUser(deps.db, requireActor(request).userId),
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: changePasswordSchema, response: { 200: okSchema } },
      config: { access: duringPasswordChange },
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
}
