import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import type { LoadSheddingOptions } from '../core/load-shedding';
import type { ModuleManifest } from '../core/module';
import { MODULES } from '../modules';
import { createTestApp, type TestApp } from './test-app';

/** A module whose one route waits until the test lets it finish, to hold requests in progress. */
function gatedModule(): { module: ModuleManifest; open(): void } {
  const opener: { open?: () => void } = {};
  const gate = new Promise<void>((resolve) => {
    opener.open = resolve;
  });
  const module: ModuleManifest = {
    name: 'gated',
    routes: (api) => {
      api.get('/api/gated', { config: { access: { kind: 'public' } } }, async () => {
        await gate;
        return { ok: true };
      });
    },
    imports: [],
    notificationKinds: [],
    jobs: [],
    indicators: [],
  };
  return { module, open: () => opener.open?.() };
}

let running: TestApp | null = null;

async function start(loadShedding: LoadSheddingOptions, extra: ModuleManifest[] = []): Promise<App> {
  running = await createTestApp({ modules: [...MODULES, ...extra], loadShedding });
  return running.app;
}

afterEach(async () => {
  await running?.close();
  running = null;
});

describe('load shedding', () => {
  it('answers 503 with Retry-After past the requests in progress, keeps health and login served, and recovers', async () => {
    const gated = gatedModule();
    const server = await start({ maxEventLoopDelayMs: 0, maxInFlight: 3, retryAfterSeconds: 5 }, [
      gated.module,
    ]);
    const held = Array.from({ length: 3 }, () => server.inject({ method: 'GET', url: '/api/gated' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await server.inject({ method: 'GET', url: '/api/public/home' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().error).toMatchObject({ code: 'overloaded', message: '系统繁忙，请稍后再试' });
    const english = await server.inject({
      method: 'GET',
      url: '/api/public/home',
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toBe('The system is busy, try again later');
    expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'Wrong@pass1' },
    });
    expect(login.statusCode).toBe(401);
    gated.open();
    expect((await Promise.all(held)).map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect((await server.inject({ method: 'GET', url: '/api/public/home' })).statusCode).toBe(200);
  });

  it('answers 503 while the event loop lags and serves again once it catches up', async () => {
    const server = await start({ maxEventLoopDelayMs: 30, maxInFlight: 0, retryAfterSeconds: 2 });
    expect((await server.inject({ method: 'GET', url: '/api/public/home' })).statusCode).toBe(200);
    const blockedUntil = Date.now() + 1000;
    while (Date.now() < blockedUntil) {
      // a request handler that never yields: the loop falls a second behind
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.isUnderPressure()).toBe(true);
    const refused = await server.inject({ method: 'GET', url: '/api/public/home' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await expect
      .poll(async () => (await server.inject({ method: 'GET', url: '/api/public/home' })).statusCode, {
        timeout: 5_000,
        interval: 100,
      })
      .toBe(200);
  });
});
