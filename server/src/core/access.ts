import type { FieldLabels, Role } from '@kechuang/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from './context';

/**
 * Who may call a route, declared on the route itself (`config.access`) and enforced by one hook
 * before validation. Data scope (which records) is enforced by the module's scoped queries.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated'; allowDuringAccountSetup?: boolean }
  | { kind: 'roles'; roles: readonly Role[] };

export const publicAccess: RouteAccess = { kind: 'public' };
export const anyUser: RouteAccess = { kind: 'authenticated' };
export const rolesAccess = (...roles: Role[]): RouteAccess => ({ kind: 'roles', roles });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Field labels of this route's form where they differ from the defaults (see domain i18n). */
    fieldLabels?: FieldLabels;
  }
  interface FastifyRequest {
    context: RequestContext;
    sessionToken: string | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  const actor = request.context.actor;
  if (!actor) throw new Error('route declared as public reads the actor');
  return actor;
}

export type { FastifyReply };
