import { ROLES, type Role } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../app';
import { queryRows } from '../db/connection';
import { buildEnterprise, buildSession, type Session } from './factories';
import { createTestApp, type TestApp } from './test-app';

const BODY_RUNS = 200;
const QUERY_RUNS = 60;

/** Keys an attacker tries to slip into a body: prototype pollution and mass assignment. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'status',
  'ownerId',
  'score',
  'role',
  'enterpriseId',
  'id',
  'version',
  'isDisabled',
  'passwordHash',
];

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '９１３３',
    'x'.repeat(5000),
    '1e309',
    '-1',
    'NaN',
  ),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function schemaKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Bodies shaped by the route's own zod schema (its keys, hostile values) plus arbitrary JSON. */
function bodyArbitrary(route: RegisteredRoute): fc.Arbitrary<unknown> {
  const keys = [...schemaKeys(route.schema.body), ...HOSTILE_KEYS];
  const shaped = fc.dictionary(fc.constantFrom(...keys), nastyValue, { minKeys: 1, maxKeys: keys.length });
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() });
}

function queryArbitrary(route: RegisteredRoute): fc.Arbitrary<string> {
  const keys = [...schemaKeys(route.schema.querystring), 'status', 'role', '__proto__'];
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), nastyString), { minLength: 1, maxLength: 6 })
    .map((pairs) =>
      pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&'),
    );
}

const paramArbitrary = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '99999999999999999999',
    '1e3',
    'abc',
    '%00',
    '..%2f..',
    '%E2%80%AE',
    '2147483648',
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

let test: TestApp;
const sessions = new Map<Role, Session>();

/** What a rejected request must not change: business tables' counts and versions. */
async function fingerprint(): Promise<string> {
  const [row] = await queryRows<{ value: string }>(
    test.db,
    sql`select concat_ws('|',
      (select count(*) || ':' || coalesce(sum(version), 0) from enterprises),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(*) filter (where is_disabled) from users),
      (select count(*) || ':' || count(read_at) from notifications),
      (select count(*) from workflow_history),
      (select count(*) || ':' || coalesce(sum(version), 0) from settings),
      (select count(*) || ':' || coalesce(sum(version), 0) from work_calendars),
      (select count(*) || ':' || coalesce(sum(version), 0) from plan_categories),
      (select count(*) || ':' || coalesce(sum(version), 0) from plan_calls),
      (select count(*) || ':' || coalesce(sum(version), 0) from project_applications),
      (select count(*) from application_formal_checks),
      (select count(*) from stored_files),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_contracts),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_institutions),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_needs),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_results),
      (select count(*) from tech_match_terms),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_matchings),
      (select count(*) || ':' || coalesce(sum(version), 0) from tech_events),
      (select count(*) || ':' || count(attended) from tech_event_signups),
      (select count(*) || ':' || coalesce(sum(version), 0) from platforms),
      (select count(*) || ':' || coalesce(sum(version), 0) from platform_types),
      (select count(*) from platform_level_history),
      (select count(*) || ':' || coalesce(sum(version), 0) from platform_applications),
      (select count(*) || ':' || coalesce(sum(version), 0) from platform_evaluation_rounds),
      (select count(*) || ':' || coalesce(sum(version), 0) from platform_evaluations),
      (select count(*) || ':' || coalesce(sum(version), 0) from university_cooperations),
      (select count(*) || ':' || coalesce(sum(version), 0) from service_events),
      (select count(*) || ':' || count(checked_in_at) || ':' || count(satisfaction) from service_event_signups),
      (select count(*) || ':' || count(answer) from service_event_questions),
      (select count(*) || ':' || coalesce(sum(version), 0) from service_campaigns),
      (select count(*) || ':' || coalesce(sum(version), 0) from service_visits),
      (select count(*) || ':' || coalesce(sum(version), 0) from service_problems)
    ) as value`,
  );
  return row.value;
}

function sessionFor(route: RegisteredRoute): Session | undefined {
  if (route.access.kind === 'public') return undefined;
  if (route.access.kind === 'authenticated') return sessions.get('staff');
  return sessions.get(route.access.roles[0]);
}

/**
 * The bad-input walk over the routes whose position in the route list is `part` modulo `parts`, so
 * that the walk runs as several test files side by side (each with its own app and database).
 */
export function describeFuzz(part: number, parts: number): void {
  beforeAll(async () => {
    test = await createTestApp();
    for (const role of ROLES) {
      sessions.set(
        role,
        role === 'enterprise' ? await buildEnterprise(test.app) : await buildSession(test.app, test.db, role),
      );
    }
  });
  afterAll(() => test.close());

  describe(`bad input: every route, driven by its zod schema (part ${part + 1} of ${parts})`, () => {
    if (part === 0)
      it('covers routes that take input', () => {
        expect(
          test.routes.filter((route) => route.hasBody || route.hasQuery || route.hasParams).length,
        ).toBeGreaterThan(15);
      });

    it('never answers 5xx, never leaks a stack, and a rejected request changes nothing', async () => {
      const failures: string[] = [];
      for (const [index, route] of test.routes.entries()) {
        if (index % parts !== part) continue;
        if (!(route.hasBody || route.hasQuery || route.hasParams) || route.url === '/api/auth/logout')
          continue;
        const session = sessionFor(route);
        const runs = route.hasBody ? BODY_RUNS : QUERY_RUNS;
        const samples = fc.sample(
          fc.record({
            body: route.hasBody ? bodyArbitrary(route) : fc.constant(undefined),
            query: route.hasQuery ? queryArbitrary(route) : fc.constant(''),
            params: fc.array(paramArbitrary, { minLength: 3, maxLength: 3 }),
            keepValidParams: fc.boolean(),
          }),
          { numRuns: runs, seed: 20261126 },
        );
        for (const sample of samples) {
          let url = route.url;
          const [first, second, third] = sample.params;
          url = url
            .replace(':id', sample.keepValidParams ? '1' : first)
            .replace(':action', sample.keepValidParams ? 'verify' : second)
            .replace(':year', sample.keepValidParams ? '2026' : third);
          if (sample.query) url += `?${sample.query}`;
          const before = await fingerprint();
          const response = await test.app.inject({
            method: route.method as 'POST',
            url,
            headers: { ...(session ? { cookie: session.cookie } : {}), 'content-type': 'application/json' },
            ...(route.hasBody ? { payload: JSON.stringify(sample.body) ?? 'null' } : {}),
          });
          const label = `${route.method} ${url.slice(0, 120)} ${JSON.stringify(sample.body)?.slice(0, 200)}`;
          if (response.statusCode >= 500)
            failures.push(`${response.statusCode} ${label} → ${response.body.slice(0, 200)}`);
          if (/\bat .+\.(ts|js):\d+/.test(response.body)) failures.push(`stack trace in ${label}`);
          if (response.statusCode >= 400 && (await fingerprint()) !== before)
            failures.push(`rejected request changed rows: ${label}`);
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
    }, 1_200_000);

    if (part === 0)
      it('refuses duplicated query parameters and malformed JSON with 400', async () => {
        const staff = sessions.get('staff')!;
        const duplicated = await test.app.inject({
          method: 'GET',
          url: '/api/enterprises?page=1&page=2',
          headers: { cookie: staff.cookie },
        });
        expect(duplicated.statusCode).toBe(400);
        const malformed = await test.app.inject({
          method: 'POST',
          url: '/api/enterprises/register',
          headers: { 'content-type': 'application/json' },
          payload: '{"creditCode": "9137',
        });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json().error.message).toBe('请求内容有误');
        const polluted = await test.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"username":"a","password":"b","__proto__":{"role":"sysadmin"}}',
        });
        expect(polluted.statusCode).toBe(400);
        expect(({} as Record<string, unknown>).role).toBeUndefined();
      });
  });
}
