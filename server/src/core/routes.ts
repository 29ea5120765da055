import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FieldLabels, idParamSchema, transitionBodySchema } from '@kechuang/domain';
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from '../db/types';
import { type RouteAccess, requireActor } from './access';
import { type AuditEvent, recordAudit } from './audit';
import type { Actor, RequestContext } from './context';
import { type ExportColumn, sendXlsx } from './excel';
import { readUploadedFile } from './files';
import { runIdempotent } from './idempotency';
import type { TypedApp } from './module';

/**
 * One way to register a route: URL, access, schema and the one service call it makes. The schema
 * object is handed to Fastify as written, so validation and the OpenAPI document come from it alone.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteSchema = FastifySchema & { tags?: string[] };

export type RouteRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  S,
  ZodTypeProvider
>;

type RouteHandler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;

interface RouteDeclaration<S extends RouteSchema> {
  url: string;
  access: RouteAccess;
  /** Field labels of this route's form where they differ from the defaults (see domain i18n). */
  fieldLabels?: FieldLabels;
  schema: S;
}

function routeConfig(declaration: { access: RouteAccess; fieldLabels?: FieldLabels }): FastifyContextConfig {
  return declaration.fieldLabels
    ? { access: declaration.access, fieldLabels: declaration.fieldLabels }
    : { access: declaration.access };
}

/** A plain route: the handler gets the typed request and reply, as with `app.get`. */
export function defineRoute<S extends RouteSchema>(
  app: TypedApp,
  route: RouteDeclaration<S> & { method: Method; handler: RouteHandler<S> },
): void {
  app.route({
    method: route.method,
    url: route.url,
    schema: route.schema,
    config: routeConfig(route),
    handler: route.handler,
  });
}

/** Registers a handler whose result the helper shapes (status, idempotency, file download). */
function registerShaped<S extends RouteSchema>(
  app: TypedApp,
  method: Method,
  route: RouteDeclaration<S>,
  handler: (request: RouteRequest<S>, reply: FastifyReply) => Promise<unknown>,
): void {
  const schema: FastifySchema = route.schema;
  app.route({
    method,
    url: route.url,
    schema,
    config: routeConfig(route),
    // Fastify has validated params, query and body against `route.schema` before this runs.
    handler: (request, reply) => handler(request as RouteRequest<S>, reply),
  });
}

interface ShapedRoute<R extends z.ZodType> {
  url: string;
  tags: string[];
  access: RouteAccess;
  fieldLabels?: FieldLabels;
  /** The 200 body; a route without one is documented without a response schema, as before. */
  response?: R;
}

function okResponse(response: z.ZodType | undefined) {
  return response ? { response: { 200: response } } : {};
}

/** A page of a list the caller may see, filtered by the query (page, pageSize, filters). */
export function listRoute<Q extends z.ZodType, R extends z.ZodType>(
  app: TypedApp,
  route: ShapedRoute<R> & {
    querystring: Q;
    list: (input: { actor: Actor; query: z.output<Q> }) => Promise<z.input<R>>;
  },
): void {
  const schema = { tags: route.tags, querystring: route.querystring, ...okResponse(route.response) };
  registerShaped(app, 'GET', { ...route, schema }, async (request) =>
    route.list({ actor: requireActor(request), query: request.query as z.output<Q> }),
  );
}

/** One record by `:id`, read in the caller's scope (a record out of scope is a 404). */
export function readRoute<R extends z.ZodType>(
  app: TypedApp,
  route: ShapedRoute<R> & { read: (input: { actor: Actor; id: number }) => Promise<z.input<R>> },
): void {
  const schema = { tags: route.tags, params: idParamSchema, ...okResponse(route.response) };
  registerShaped(app, 'GET', { ...route, schema }, async (request) =>
    route.read({ actor: requireActor(request), id: request.params.id }),
  );
}

/** A command on one record by `:id` with no body (remind, cancel, apply, remove …). */
export function commandRoute<R extends z.ZodType>(
  app: TypedApp,
  route: ShapedRoute<R> & {
    method: 'POST' | 'DELETE';
    run: (input: { id: number; context: RequestContext }) => Promise<z.input<R>>;
  },
): void {
  const schema = { tags: route.tags, params: idParamSchema, ...okResponse(route.response) };
  registerShaped(app, route.method, { ...route, schema }, async (request) =>
    route.run({ id: request.params.id, context: request.context }),
  );
}

/** The one file of a multipart upload to record `:id`, with the form's other fields as text. */
export interface UploadInput {
  id: number;
  actor: Actor;
  buffer: Buffer;
  fileName: string;
  fields: Record<string, string>;
  context: RequestContext;
}

/**
 * A multipart upload to one record: `scope` (if given) runs before the body is read, so a caller
 * without access to the record gets its 404 without the upload being read; then `upload` stores it.
 */
export function uploadRoute<R extends z.ZodType>(
  app: TypedApp,
  route: Omit<ShapedRoute<R>, 'response'> & {
    response: R;
    status?: 200 | 201;
    scope?: (input: { actor: Actor; id: number }) => Promise<unknown>;
    upload: (input: UploadInput) => Promise<z.input<R>>;
  },
): void {
  const status = route.status ?? 200;
  const schema = {
    tags: route.tags,
    params: idParamSchema,
    consumes: ['multipart/form-data'],
    response: { [status]: route.response },
  };
  registerShaped(app, 'POST', { ...route, schema }, async (request, reply) => {
    const actor = requireActor(request);
    const id = request.params.id;
    await route.scope?.({ actor, id });
    const file = await readUploadedFile(request);
    const body = await route.upload({ id, actor, ...file, context: request.context });
    return reply.code(status).send(body);
  });
}

/**
 * A create that honours `Idempotency-Key` and answers with `status` (201 unless said otherwise);
 * `create` is the one service call.
 */
export function createRoute<S extends RouteSchema, T>(
  app: TypedApp,
  db: Database,
  route: RouteDeclaration<S> & {
    method?: 'POST' | 'PUT';
    status?: 200 | 201;
    create: (request: RouteRequest<S>) => Promise<T>;
  },
): void {
  registerShaped(app, route.method ?? 'POST', route, async (request, reply) =>
    runIdempotent(db, request, reply, async () => ({
      statusCode: route.status ?? 201,
      body: await route.create(request),
    })),
  );
}

interface ActionParams {
  id: number;
  action: string;
}

/** What a versioned workflow action hands its service function. */
export interface ActionInput<A extends string> {
  id: number;
  action: A;
  version: number;
  comment: string | undefined;
  context: RequestContext;
}

/**
 * A versioned workflow action: `POST …/:id/…/:action` with `{ version, comment }`; the service runs
 * the transition through the workflow runtime and returns the record with its `allowedActions`.
 */
export function actionRoute<P extends z.ZodType<ActionParams>, R extends z.ZodType>(
  app: TypedApp,
  route: ShapedRoute<R> & {
    params: P;
    act: (input: ActionInput<z.output<P>['action']>) => Promise<z.input<R>>;
  },
): void {
  const schema = {
    tags: route.tags,
    params: route.params,
    body: transitionBodySchema,
    ...okResponse(route.response),
  };
  registerShaped(app, 'POST', { ...route, schema }, async (request) => {
    const params = request.params as z.output<P>;
    return route.act({
      id: params.id,
      action: params.action,
      version: request.body.version,
      comment: request.body.comment,
      context: request.context,
    });
  });
}

/** Every row of a filtered list, page by page, so an export holds one page in memory at a time. */
export async function* readAllPages<T>(
  readPage: (page: number, pageSize: number) => Promise<{ items: T[] }>,
  pageSize = 1000,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const { items } = await readPage(page, pageSize);
    yield items;
    if (items.length < pageSize) return;
  }
}

/**
 * An xlsx download of what the caller's filter selects, named `<name>-<date>.xlsx`. The export is
 * audited with its query before the first row is read, so a failed download is still on record.
 */
export function exportRoute<S extends RouteSchema, T>(
  app: TypedApp,
  db: Database,
  route: RouteDeclaration<S> & {
    audit: (request: RouteRequest<S>) => AuditEvent;
    fileName: (request: RouteRequest<S>) => string;
    sheetName: string;
    columns: ExportColumn<NoInfer<T>>[];
    rows: (request: RouteRequest<S>) => AsyncIterable<T[]>;
  },
): void {
  registerShaped(app, 'GET', route, async (request, reply) => {
    await recordAudit(db, request.context, route.audit(request));
    return sendXlsx(reply, {
      fileName: `${route.fileName(request)}-${new Date().toISOString().slice(0, 10)}.xlsx`,
      sheetName: route.sheetName,
      columns: route.columns,
      pages: route.rows(request),
    });
  });
}
