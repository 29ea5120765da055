import { count } from 'drizzle-orm';
import { recordAudit } from './core/audit';
import { systemContext } from './core/context';
import { isUniqueViolation } from './core/errors';
import { generateInitialPassword, hashPassword } from './core/passwords';
import type { Database } from './db/connection';
import { users } from './db/schema';
import { seedDemoDistrict } from './demo/load-demo';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [{ total }] = await db.select({ total: count() }).from(users);
  return total === 0;
}

/** First start without the demo: only a system administrator, with a one-time password printed once. */
export async function createFirstAdministrator(
  db: Database,
): Promise<{ username: string; initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        role: 'sysadmin',
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await recordAudit(tx, systemContext, {
      event: 'system.first-admin',
      objectType: 'users',
      objectId: row.id,
    });
  });
  return { username: 'admin', initialPassword };
}

/** What the first start puts in an empty database: the demo district, or only an administrator. */
export async function prepareEmptyDatabase(
  db: Database,
  options: { withDemo: boolean; print: (line: string) => void },
): Promise<void> {
  if (!(await isDatabaseEmpty(db))) return;
  if (options.withDemo) {
    const { enterprises } = await seedDemoDistrict(db);
    options.print(`已载入演示数据：任城区，${enterprises.length} 家企业。演示账号见 README。`);
    return;
  }
  let admin: { username: string; initialPassword: string };
  try {
    admin = await createFirstAdministrator(db);
  } catch (error) {
    // Another instance starting at the same time created it first.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  options.print('==================================================================');
  options.print(`系统管理员账号 ${admin.username}，一次性初始密码：${admin.initialPassword}`);
  options.print('首次登录后须修改密码。此密码只显示这一次。');
  options.print('==================================================================');
}
