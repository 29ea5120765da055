import { buildUscc, type EnterpriseRegister, type Role, USCC_CHARSET } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { App } from '../app';
import { hashPassword } from '../core/passwords';
import type { Database } from '../db/connection';
import { enterprises, users } from '../db/schema';

export const TEST_PASSWORD = 'Test@2026pass';

let sequence = 0;

/** A valid, unique 统一社会信用代码 in the demo region. */
export function nextCreditCode(): string {
  sequence += 1;
  let body = 'MA';
  let value = sequence + process.pid * 1000;
  for (let i = 0; i < 7; i++) {
    body += USCC_CHARSET[value % 31];
    value = Math.floor(value / 31);
  }
  return buildUscc('370811', body);
}

export function buildEnterpriseRegistration(overrides: Partial<EnterpriseRegister> = {}): EnterpriseRegister {
  const creditCode = overrides.creditCode ?? nextCreditCode();
  return {
    creditCode,
    name: `济宁测试${creditCode.slice(-6)}科技有限公司`,
    contactName: '王测试',
    contactPhone: '13800138000',
    password: TEST_PASSWORD,
    ...overrides,
  };
}

export interface Session {
  cookie: string;
  userId: number;
  username: string;
  role: Role;
  enterpriseId: number | null;
}

export async function logIn(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'kc_session');
  if (!cookie) throw new Error('no session cookie');
  const body = response.json();
  return {
    cookie: `kc_session=${cookie.value}`,
    userId: body.id,
    username,
    role: body.role,
    enterpriseId: body.enterpriseId,
  };
}

/** Registers an enterprise through the API (as a user would) and logs its user in. */
export async function buildEnterprise(
  app: App,
  overrides: Partial<EnterpriseRegister> = {},
): Promise<Session & { enterpriseId: number; address: string }> {
  const registration = buildEnterpriseRegistration(overrides);
  // Each enterprise registers from an address of its own, as real ones do.
  const address = `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/enterprises/register',
    payload: registration,
    remoteAddress: address,
  });
  if (response.statusCode !== 201)
    throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const session = await logIn(app, registration.creditCode, registration.password);
  return { ...session, enterpriseId: response.json().enterpriseId, address };
}

let cachedHash: string | null = null;

/** A user of any role, created directly (the bureau's accounts are not self-registered). */
export async function buildUser(
  db: Database,
  options: {
    role: Role;
    username?: string;
    enterpriseId?: number;
    departmentId?: number;
    mustChangePassword?: boolean;
  },
): Promise<{ id: number; username: string }> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  sequence += 1;
  const username = options.username ?? `${options.role}_${process.pid}_${sequence}`;
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName: `测试${options.role}`,
      role: options.role,
      enterpriseId: options.enterpriseId ?? null,
      departmentId: options.departmentId ?? null,
      passwordHash: cachedHash,
      mustChangePassword: options.mustChangePassword ?? false,
    })
    .returning({ id: users.id });
  return { id: row.id, username };
}

export async function buildSession(app: App, db: Database, role: Role): Promise<Session> {
  const user = await buildUser(db, { role });
  return logIn(app, user.username);
}

export async function readEnterpriseRow(db: Database, id: number) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}
