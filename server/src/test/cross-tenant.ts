import { expect } from 'vitest';
import type { App } from '../app';
import type { Session } from './factories';

export interface ObjectRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
}

/**
 * Requests each of an owner's object routes as someone else and checks the answer is 403/404 and
 * carries none of the owner's data (`secrets`: strings that must not appear in the body).
 */
export async function expectNoCrossTenantAccess(
  app: App,
  options: { intruder: Session; requests: ObjectRequest[]; secrets: string[] },
): Promise<void> {
  for (const request of options.requests) {
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { cookie: options.intruder.cookie },
      ...(request.payload === undefined ? {} : { payload: request.payload as object }),
    });
    expect([403, 404], `${request.method} ${request.url} as ${options.intruder.username}`).toContain(
      response.statusCode,
    );
    // The request id is random and may contain a short numeric secret by chance.
    const body = response.body.replace(/"requestId":"[^"]*"/g, '"requestId":""');
    for (const secret of options.secrets) expect(body).not.toContain(secret);
  }
}
