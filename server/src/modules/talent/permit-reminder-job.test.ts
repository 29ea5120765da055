import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { remindPermitRenewals } from './permit-reminder-job';
import { channelId, foreignInput } from './talent-fixtures';

const suite = useTestApp({ staff: 'staff' });

describe('work-permit renewal reminders', () => {
  it('tells staff once of a permit expiring within 60 days, and again after it is renewed to a date that comes due', async () => {
    const employer = await buildEnterprise(suite.test.app);
    const input = foreignInput({
      enterpriseId: employer.enterpriseId,
      channelId: await channelId(suite.test.app, suite.staff, 'headhunter'),
    });
    const create = (validUntil: string) =>
      suite.test.app.inject({
        method: 'POST',
        url: '/api/talent',
        headers: { cookie: suite.staff.cookie },
        payload: {
          ...input,
          idNumber: `E${validUntil.replace(/-/g, '')}`,
          foreign: { ...input.foreign, permitNo: 'B1', permitValidUntil: validUntil },
        },
      });
    expect((await create('2026-03-01')).statusCode).toBe(201);
    expect((await create('2026-06-30')).statusCode).toBe(201);
    const now = new Date('2026-01-15T09:00:00+08:00');
    expect(await remindPermitRenewals(suite.test.db, now)).toBe(1);
    expect(await remindPermitRenewals(suite.test.db, now)).toBe(0);
    const told = await queryRows<{ title: string }>(
      suite.test.db,
      sql`select title from notifications where user_id = ${suite.staff.userId} and link like '/bureau/talent/foreign%'`,
    );
    expect(told.map((row) => row.title)).toEqual(['Hans Müller 的外国人工作许可将于 2026-03-01 到期']);
    expect(await remindPermitRenewals(suite.test.db, new Date('2026-05-10T09:00:00+08:00'))).toBe(1);
  });
});
