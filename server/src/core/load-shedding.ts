import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** When to answer 503 instead of queueing: the event loop's lag and the requests in progress. */
export interface LoadSheddingOptions {
  /** Event-loop delay (ms) past which new requests are refused; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** Requests in progress past which new ones are refused; 0 turns the check off. */
  maxInFlight: number;
  /** The `Retry-After` the refusal carries, in seconds. */
  retryAfterSeconds: number;
}

/**
 * What an app gets unless told otherwise: the bound on requests in progress only. The event-loop
 * check is for a server on PostgreSQL (`loadSheddingFor`): the embedded database runs its queries
 * on the event loop itself, so there a long statement would look like overload and refuse everyone.
 */
export const DEFAULT_LOAD_SHEDDING: LoadSheddingOptions = {
  maxEventLoopDelayMs: 0,
  maxInFlight: 200,
  retryAfterSeconds: 5,
};

/** The server's settings: `KECHUANG_MAX_IN_FLIGHT`, `KECHUANG_MAX_EVENT_LOOP_DELAY_MS` (PostgreSQL only). */
export function loadSheddingFor(kind: 'pglite' | 'postgres', env = process.env): LoadSheddingOptions {
  const number = (value: string | undefined, fallback: number) =>
    value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback;
  return {
    maxEventLoopDelayMs: kind === 'postgres' ? number(env.KECHUANG_MAX_EVENT_LOOP_DELAY_MS, 1000) : 0,
    maxInFlight: number(env.KECHUANG_MAX_IN_FLIGHT, DEFAULT_LOAD_SHEDDING.maxInFlight),
    retryAfterSeconds: DEFAULT_LOAD_SHEDDING.retryAfterSeconds,
  };
}

/**
 * Routes that keep answering under load: the health check (so a balancer can tell busy from dead),
 * signing in and out, and everything outside the API (the web app's files).
 */
const ALWAYS_SERVED = new Set(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/auth/me']);

function isAlwaysServed(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? request.url;
  return !url.startsWith('/api/') || ALWAYS_SERVED.has(url);
}

const overloaded = (retryAfterSeconds: number) =>
  new AppError(503, 'overloaded', [], { 'retry-after': String(retryAfterSeconds) });

/**
 * Sheds load with 503 and `Retry-After` (worded by the app's error handler, "系统繁忙，请稍后再试")
 * rather than letting a queue grow without bound: `@fastify/under-pressure` watches the event loop,
 * and a counter bounds the requests in progress, which also bounds the database pool's queue.
 */
export async function registerLoadShedding(
  app: FastifyInstance,
  options: LoadSheddingOptions,
): Promise<void> {
  if (options.maxEventLoopDelayMs > 0) {
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      sampleInterval: 100,
      pressureHandler: async (request) => {
        if (!isAlwaysServed(request)) throw overloaded(options.retryAfterSeconds);
      },
    });
  }
  if (options.maxInFlight <= 0) return;
  let inFlight = 0;
  const counted = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (request) => {
    if (isAlwaysServed(request)) return;
    if (inFlight >= options.maxInFlight) throw overloaded(options.retryAfterSeconds);
    inFlight += 1;
    counted.add(request);
  });
  const release = async (request: FastifyRequest) => {
    if (!counted.delete(request)) return;
    inFlight -= 1;
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
