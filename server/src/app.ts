import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { describeIssue, pickLanguage } from '@kechuang/domain';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit, sealAuditChain } from './core/audit';
import { AppError, findSqlState, isDatabaseUnavailable } from './core/errors';
import { DEFAULT_LOAD_SHEDDING, type LoadSheddingOptions, registerLoadShedding } from './core/load-shedding';
import {
  type App,
  createRouteOwners,
  type ModuleDeps,
  type ModuleManifest,
  type RegisteredRoute,
  validateModules,
} from './core/module';
import { loadSession, SESSION_COOKIE } from './core/sessions';
import { readRequestSettings } from './core/settings';
import { RequestValidationError, zodValidatorCompiler } from './core/validation';
import type { Database } from './db/connection';
import { MODULES } from './modules';

export type { App, ModuleDeps, RegisteredRoute, TypedApp } from './core/module';

export interface BuildAppOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  webDistDir?: string;
  secureCookies?: boolean;
  /** The modules to build from, in order; all of them unless a test builds a subset. */
  modules?: readonly ModuleManifest[];
  /** When to answer 503 instead of queueing (`core/load-shedding.ts`); the defaults unless given. */
  loadShedding?: LoadSheddingOptions;
}

export async function buildApp(options: BuildAppOptions): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const modules = options.modules ?? MODULES;
  validateModules(modules);
  const routeOwners = createRouteOwners();
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.KECHUANG_TRUST_PROXY === 'true',
    routerOptions: { maxParamLength: 200 },
  });
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeOwners.claim(method, route.url);
      const schema = (route.schema ?? {}) as RegisteredRoute['schema'];
      routes.push({
        method,
        url: route.url,
        access: route.config?.access ?? { kind: 'roles', roles: [] },
        hasBody: Boolean(schema.body),
        hasQuery: Boolean(schema.querystring),
        hasParams: Boolean(schema.params),
        schema,
      });
    }
  });

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '科创 Kechuang API', version: '0.1.0', description: '区科技创新管理平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await registerLoadShedding(app, options.loadShedding ?? DEFAULT_LOAD_SHEDDING);

  app.decorateRequest('context');
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.context = {
      actor: null,
      ip: request.ip ?? null,
      requestId: request.id,
      language: pickLanguage(request.headers['accept-language']),
    };
    const token = request.cookies[SESSION_COOKIE];
    let isExpired = false;
    let mustChangePassword = false;
    let mustEnrolSecondFactor = false;
    if (token) {
      const requestSettings = await readRequestSettings(options.db);
      const session = await loadSession(options.db, token, requestSettings.idleTimeoutMinutes);
      if (session.status === 'active') {
        request.context.actor = session.actor;
        request.sessionToken = token;
        mustChangePassword = session.mustChangePassword;
        mustEnrolSecondFactor =
          !session.secondFactorEnabled && requestSettings.secondFactorRoles.includes(session.actor.role);
      } else {
        isExpired = session.status === 'expired';
      }
    }
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === 'public') return;
    if (!request.context.actor) throw new AppError(401, isExpired ? 'sessionExpired' : 'unauthenticated');
    const isSetupRoute = access.kind === 'authenticated' && access.allowDuringAccountSetup;
    if (mustChangePassword && !isSetupRoute) throw new AppError(403, 'passwordChangeRequired');
    if (mustEnrolSecondFactor && !isSetupRoute) throw new AppError(403, 'secondFactorEnrolmentRequired');
    if (access.kind === 'roles' && !access.roles.includes(request.context.actor.role)) {
      throw new AppError(403, 'forbidden');
    }
  });

  // Audit rows are chained right after the response; a failure here is retried by the next seal.
  const pendingSeals = new Set<Promise<unknown>>();
  app.addHook('onResponse', async (request) => {
    if (request.context?.hasAuditRows) {
      const seal = sealAuditChain(options.db)
        .catch((error) => request.log.warn({ err: error }, 'audit seal deferred'))
        .finally(() => pendingSeals.delete(seal));
      pendingSeals.add(seal);
    }
  });
  app.addHook('onClose', async () => {
    await Promise.all(pendingSeals);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const language = request.context?.language ?? pickLanguage(request.headers['accept-language']);
    const send = (
      statusCode: number,
      code: string,
      message: string,
      details: { path: string; message: string }[] = [],
    ) => reply.code(statusCode).send({ error: { code, message, details, requestId: request.id } });
    if (error instanceof RequestValidationError) {
      const details = error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: describeIssue(issue, language, request.routeOptions.config?.fieldLabels),
      }));
      const summary = details.map((detail) => detail.message).join('；');
      return send(400, 'validation', summary || new AppError(400, 'validation').messageIn(language), details);
    }
    if (error instanceof AppError) {
      if (error.statusCode === 403 && request.context) {
        // Denials are security events; recorded here, after the refused transaction rolled back.
        await recordAudit(options.db, request.context, {
          event: error.audit?.event ?? 'access.denied',
          objectType: error.audit?.objectType ?? 'route',
          objectId: error.audit?.objectId ?? `${request.method} ${request.routeOptions.url ?? request.url}`,
          result: 'denied',
        }).catch((auditError) => request.log.error({ err: auditError }, 'denial not audited'));
      }
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      const message = error.messageIn(language);
      return send(
        error.statusCode,
        error.errorCode,
        message,
        error.details.map((detail) => ({ path: detail.path, message: detail.message || message })),
      );
    }
    const sqlState = findSqlState(error);
    if (sqlState === '40001' || sqlState === '40P01' || sqlState === '55P03') {
      reply.header('retry-after', '1');
      return send(503, 'overloaded', new AppError(503, 'overloaded').messageIn(language));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, 'databaseUnavailable', new AppError(503, 'databaseUnavailable').messageIn(language));
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      const code = statusCode === 413 ? 'payloadTooLarge' : statusCode === 429 ? 'rateLimited' : 'badRequest';
      return send(statusCode, code, new AppError(statusCode, code).messageIn(language));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal', new AppError(500, 'internal').messageIn(language));
  });

  const deps: ModuleDeps = { db: options.db, secureCookies: options.secureCookies ?? false, modules };
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    for (const module of modules) routeOwners.registerFor(module, () => module.routes(api, deps));
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { kind: 'public' } } }, async () =>
    app.swagger(),
  );

  const webDist = options.webDistDir;
  const hasWeb = webDist && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      const language = request.context?.language ?? 'zh-CN';
      return reply.code(404).send({
        error: {
          code: 'notFound',
          message: new AppError(404, 'notFound').messageIn(language),
          details: [],
          requestId: request.id,
        },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return { app, routes };
}
