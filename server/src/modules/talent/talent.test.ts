import type { TalentDetail, TalentSummary } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { channelId, domesticInput, foreignInput } from './talent-fixtures';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

async function domestic(overrides: Record<string, unknown> = {}) {
  const employer = await buildEnterprise(suite.test.app);
  const channel = await channelId(suite.test.app, suite.staff, 'self');
  return {
    employer,
    input: { ...domesticInput({ enterpriseId: employer.enterpriseId, channelId: channel }), ...overrides },
  };
}

const talentCount = async () =>
  Number((await queryRows<{ n: number }>(suite.test.db, sql`select count(*)::int as n from talents`))[0].n);

describe('the talent ledger', () => {
  it('keeps the document number and contact encrypted, masked in lists, revealed to staff only and audited', async () => {
    const { input } = await domestic();
    const created = await call(suite.staff, 'POST', '/api/talent', input);
    expect(created.statusCode, created.body).toBe(201);
    const talent = created.json() as TalentDetail;
    expect(talent.idNumberMasked).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect(talent.contactMasked).toBe('138****1234');
    expect(created.body).not.toContain(input.idNumber);
    expect(created.body).not.toContain(input.contact);

    const [stored] = await queryRows<Record<string, unknown>>(
      suite.test.db,
      sql`select * from talents where id = ${talent.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(input.idNumber);
    expect(JSON.stringify(stored)).not.toContain(input.contact);
    expect(String(stored.id_number_cipher)).toMatch(/^sm4:[0-9a-f]{8}:/);

    const list = await call(suite.leader, 'GET', '/api/talent?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(input.idNumber);
    expect((list.json().items as TalentSummary[]).some((item) => item.id === talent.id)).toBe(true);
    const exported = await call(suite.leader, 'GET', '/api/talent/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from(input.idNumber))).toBe(false);

    expect((await call(suite.leader, 'POST', `/api/talent/${talent.id}/reveal`)).statusCode).toBe(403);
    const revealed = await call(suite.staff, 'POST', `/api/talent/${talent.id}/reveal`);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ idNumber: input.idNumber, contact: input.contact });
    const audit = {
      rows: await queryRows<{ event: string; actor_id: number }>(
        suite.test.db,
        sql`select event, actor_id, before, after from audit_log where object_type = 'talents' and object_id = ${String(talent.id)}`,
      ),
    };
    expect(audit.rows.map((row) => row.event)).toEqual(
      expect.arrayContaining(['talent.create', 'talent.reveal']),
    );
    expect(audit.rows.find((row) => row.event === 'talent.reveal')?.actor_id).toBe(suite.staff.userId);
    expect(JSON.stringify(audit.rows)).not.toContain(input.idNumber);
    expect(JSON.stringify(audit.rows)).not.toContain(input.contact);
  });

  it('refuses bad input with the field named and saves nothing', async () => {
    const { input } = await domestic();
    const before = await talentCount();
    const wrongCheck = `${input.idNumber.slice(0, 17)}${input.idNumber[17] === '0' ? '1' : '0'}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: wrongCheck }, '证件号码校验位不正确，请核对'],
      [{ idType: 'passport' }, '证件号码：填写的是身份证号'],
      [{ birthYear: new Date().getFullYear() - 12 }, '出生年份'],
      [{ birthYear: new Date().getFullYear() - 120 }, '出生年份'],
      [{ arrivalDate: '1970-01-01' }, '来区工作日期：不能早于出生年份'],
      [{ employerEnterpriseId: null }, '工作单位'],
      [{ origin: 'foreign', idType: 'passport', idNumber: 'E1234567' }, '工作许可评估信息'],
    ];
    for (const [overrides, message] of cases) {
      const response = await call(suite.staff, 'POST', '/api/talent', { ...input, ...overrides });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.body).toContain(message);
    }
    const { employer } = await domestic();
    const salary = foreignInput({ enterpriseId: employer.enterpriseId, channelId: input.channelId });
    const negotiable = await call(suite.staff, 'POST', '/api/talent', {
      ...salary,
      foreign: { ...salary.foreign, annualSalaryFen: '面议' },
    });
    expect(negotiable.statusCode).toBe(400);
    expect(negotiable.body).toContain('年薪');
    expect(await talentCount()).toBe(before);

    expect((await call(suite.staff, 'POST', '/api/talent', input)).statusCode).toBe(201);
    const again = await call(suite.staff, 'POST', '/api/talent', { ...input, name: '重复' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('已在人才台账中登记');
  });

  it('classifies a foreign talent from their facts, with the points by item and what lifts them', async () => {
    const { employer, input } = await domestic();
    const station = await channelId(suite.test.app, suite.staff, 'overseas-station');
    const created = await call(
      suite.staff,
      'POST',
      '/api/talent',
      foreignInput({ enterpriseId: employer.enterpriseId, channelId: station }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const talent = created.json() as TalentDetail;
    expect(talent.permitClass).toBe('B');
    expect(talent.permit?.totalPoints).toBe(75);
    expect(talent.permit?.points).toMatchObject({
      salary: 14,
      education: 20,
      experience: 11,
      workTime: 15,
      age: 15,
    });
    expect(talent.permit?.toConfirm).toHaveLength(1);

    const wage = await call(suite.staff, 'PUT', '/api/talent/wage-bases', {
      city: '济宁市',
      year: 2019,
      averageWageFen: 5_000_000,
      basis: '全口径城镇单位就业人员平均工资',
    });
    expect(wage.statusCode, wage.body).toBe(200);
    const updated = await call(suite.staff, 'PUT', `/api/talent/${talent.id}`, {
      ...foreignInput({ enterpriseId: employer.enterpriseId, channelId: station }),
      idNumber: (await call(suite.staff, 'POST', `/api/talent/${talent.id}/reveal`)).json().idNumber,
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().permitClass).toBe('A');
    expect(updated.json().permit.reasons[0].zh).toContain('6 倍');
    expect(input.channelId).not.toBe(station);
    const stale = await call(suite.staff, 'PUT', `/api/talent/${talent.id}`, {
      ...foreignInput({ enterpriseId: employer.enterpriseId, channelId: station }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('records help, programme nominations with their outcome and the platform/project links', async () => {
    const { input } = await domestic();
    const talent = (await call(suite.staff, 'POST', '/api/talent', input)).json() as TalentDetail;
    const help = await call(suite.staff, 'POST', `/api/talent/${talent.id}/help-records`, {
      kind: 'schooling',
      helpedOn: '2020-08-20',
      handledBy: '区科技局 张科长',
      outcome: '子女已入读区实验小学',
    });
    expect(help.statusCode, help.body).toBe(200);
    expect(help.json().helpRecords).toHaveLength(1);
    const programmes = (await call(suite.staff, 'GET', '/api/talent/programmes')).json().items as {
      id: number;
      code: string;
    }[];
    const district = programmes.find((programme) => programme.code === 'district-leading');
    const nomination = {
      programmeId: district?.id,
      year: 2020,
      nominatedOn: '2020-06-01',
      fundingFen: 50_000_000,
      platformId: null,
      projectId: null,
      note: null,
    };
    const nominated = await call(
      suite.staff,
      'POST',
      `/api/talent/${talent.id}/programme-records`,
      nomination,
    );
    expect(nominated.statusCode, nominated.body).toBe(200);
    const record = (nominated.json() as TalentDetail).programmes[0];
    expect(record).toMatchObject({ status: 'nominated', allowedActions: ['select', 'reject'] });
    expect(
      (await call(suite.staff, 'POST', `/api/talent/${talent.id}/programme-records`, nomination)).statusCode,
    ).toBe(400);
    const selected = await call(
      suite.staff,
      'POST',
      `/api/talent/programme-records/${record.id}/actions/select`,
      { version: 1 },
    );
    expect(selected.statusCode, selected.body).toBe(200);
    expect(selected.json()).toMatchObject({ status: 'selected', version: 2 });
    expect(selected.json().outcomeOn).not.toBeNull();
    expect(
      (
        await call(suite.leader, 'POST', `/api/talent/programme-records/${record.id}/actions/reopen`, {
          version: 2,
          comment: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const noLink = await call(suite.staff, 'POST', `/api/talent/${talent.id}/links`, {
      platformId: null,
      projectId: null,
      role: null,
    });
    expect(noLink.statusCode).toBe(400);
    expect(noLink.body).toContain('平台');
    const unknown = await call(suite.staff, 'POST', `/api/talent/${talent.id}/links`, {
      platformId: 999_999,
      projectId: null,
      role: null,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('shows an enterprise its own talents only', async () => {
    const { employer, input } = await domestic({ name: '本企业人才' });
    const mine = (await call(suite.staff, 'POST', '/api/talent', input)).json() as TalentDetail;
    const other = await domestic({ name: '他人的机密人才' });
    const theirs = (await call(suite.staff, 'POST', '/api/talent', other.input)).json() as TalentDetail;
    const list = await call(employer, 'GET', '/api/talent?pageSize=200');
    expect((list.json().items as TalentSummary[]).map((item) => item.id)).toEqual([mine.id]);
    const own = await call(employer, 'GET', `/api/talent/${mine.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().canReveal).toBe(false);
    expect((await call(employer, 'POST', `/api/talent/${mine.id}/reveal`)).statusCode).toBe(403);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: employer,
      requests: [
        { method: 'GET', url: `/api/talent/${theirs.id}` },
        { method: 'PUT', url: `/api/talent/${theirs.id}`, payload: { ...other.input, version: 1 } },
        { method: 'POST', url: `/api/talent/${theirs.id}/reveal` },
        { method: 'POST', url: `/api/talent/${theirs.id}/help-records`, payload: {} },
      ],
      secrets: ['他人的机密人才', other.input.idNumber],
    });
    const programmeRecords = await call(employer, 'GET', '/api/talent/programme-records');
    expect(programmeRecords.statusCode).toBe(200);
    expect(programmeRecords.body).not.toContain('他人的机密人才');
  });
});
