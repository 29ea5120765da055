import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiRequest } from './api-client';

/** A real server that is busy (503, Retry-After: 1) for the first `busyFor` requests of each path. */
const seen = new Map<string, number>();
const server = http.createServer((request, response) => {
  const [path, query] = (request.url ?? '').split('?');
  const busyFor = Number(new URLSearchParams(query).get('busyFor') ?? 0);
  const count = (seen.get(path) ?? 0) + 1;
  seen.set(path, count);
  if (count <= busyFor) {
    response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    response.end(JSON.stringify({ error: { code: 'overloaded', message: '系统繁忙，请稍后再试' } }));
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ served: count }));
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requests to a busy server', () => {
  it('asks again after Retry-After for a read, and for a write with an Idempotency-Key', async () => {
    expect(await apiRequest(`${base}/read?busyFor=2`)).toEqual({ served: 3 });
    expect(
      await apiRequest(`${base}/keyed?busyFor=1`, { method: 'POST', body: {}, idempotencyKey: 'k-1' }),
    ).toEqual({ served: 2 });
  });

  it('gives up after two more tries, and never repeats a write without a key', async () => {
    const reading = await apiRequest(`${base}/stuck?busyFor=9`).catch((error: unknown) => error);
    expect(reading).toBeInstanceOf(ApiError);
    expect((reading as ApiError).status).toBe(503);
    expect(seen.get('/stuck')).toBe(3);
    const writing = await apiRequest(`${base}/unkeyed?busyFor=1`, { method: 'POST', body: {} }).catch(
      (error: unknown) => error,
    );
    expect((writing as ApiError).message).toBe('系统繁忙，请稍后再试');
    expect(seen.get('/unkeyed')).toBe(1);
  });
});
