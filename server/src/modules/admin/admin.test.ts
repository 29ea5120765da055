import { describe, expect, it } from 'vitest';
import { logIn } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ sysadmin: 'sysadmin', secadmin: 'secadmin' });

const settings = {
  name: '任城区',
  cityName: '济宁市',
  regionCode: '370811',
  streets: ['古槐街道', '济阳街道'],
  idleTimeoutMinutes: 30,
  auditRetentionDays: 184,
};

describe('district settings', () => {
  it('saves the district, shows it to the public, and refuses a stale version', async () => {
    const first = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/settings', {
      ...settings,
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(1);
    // Settings saved without a 项目编号 format number by the default one.
    expect(first.json().projectNumberPattern).toBe('JN-KJ-{year}-{seq:3}');
    const home = (await suite.test.app.inject({ method: 'GET', url: '/api/public/home' })).json();
    expect(home.districtName).toBe('任城区');
    const dictionaries = (await suite.test.app.inject({ method: 'GET', url: '/api/dictionaries' })).json();
    expect(dictionaries.streets).toEqual(['古槐街道', '济阳街道']);
    const second = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/settings', {
      ...settings,
      streets: [...settings.streets, '喻屯镇'],
      version: 1,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);
    const stale = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/settings', {
      ...settings,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('names the field of bad settings in Chinese', async () => {
    const response = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/settings', {
      ...settings,
      name: '',
      streets: ['古槐街道', '古槐街道'],
      auditRetentionDays: 30,
      projectNumberPattern: 'JN-KJ-{year}',
      version: 2,
    });
    expect(response.statusCode).toBe(400);
    const messages = response.json().error.details.map((detail: { message: string }) => detail.message);
    expect(messages).toContain('街道/镇有重复项');
    expect(messages).toContain('审计日志保留天数：不能小于 184');
    expect(messages).toContain('区县名称：必填');
    expect(messages).toContain('项目编号格式：须含流水号 {seq}，否则同年项目编号会重复');
  });
});

describe('working-day calendar', () => {
  it('saves holidays and make-up working days of a year, and refuses dates of another year', async () => {
    const saved = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/calendar/2027', {
      holidays: ['2027-10-01', '2027-01-01', '2027-10-01'],
      workdays: ['2027-09-26'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-10-01'],
      workdays: ['2027-09-26'],
      version: 1,
      isOverridden: true,
      officialSource: null,
      officialHolidays: null,
      officialWorkdays: null,
    });
    const wrong = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/calendar/2027', {
      holidays: ['2028-01-01', '2027-02-30'],
      workdays: [],
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toEqual({
      path: 'holidays.1',
      message: '节假日不是有效日期（格式 2021-06-30）',
    });
    const outside = await requestAs(suite.test.app, suite.sysadmin, 'PUT', '/api/admin/calendar/2027', {
      holidays: ['2028-01-01'],
      workdays: [],
      version: 1,
    });
    expect(outside.json().error.details[0]).toEqual({
      path: 'holidays.0',
      message: '2028-01-01 不在 2027 年内',
    });
  });
});

describe('user accounts (三权分立)', () => {
  it('lets the system administrator create accounts and the security administrator reset and unlock them', async () => {
    const created = await requestAs(suite.test.app, suite.sysadmin, 'POST', '/api/admin/users', {
      username: 'leader.two',
      displayName: '刘副局长',
      role: 'leader',
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(initialPassword).toMatch(/.{12,}/);
    const duplicate = await requestAs(suite.test.app, suite.sysadmin, 'POST', '/api/admin/users', {
      username: 'LEADER.TWO',
      displayName: '重复',
      role: 'leader',
    });
    expect(duplicate.statusCode).toBe(409);
    const noEnterprise = await requestAs(suite.test.app, suite.sysadmin, 'POST', '/api/admin/users', {
      username: 'ent.user',
      displayName: '企业',
      role: 'enterprise',
    });
    expect(noEnterprise.json().error.details[0]).toEqual({
      path: 'enterpriseId',
      message: '所属企业：企业用户必须选择所属企业',
    });

    const reset = await requestAs(
      suite.test.app,
      suite.secadmin,
      'POST',
      `/api/admin/users/${user.id}/reset-password`,
      { version: user.version },
    );
    expect(reset.statusCode).toBe(200);
    const fresh = reset.json().initialPassword;
    expect(fresh).not.toBe(initialPassword);
    const session = await logIn(suite.test.app, 'leader.two', fresh);
    expect(session.role).toBe('leader');
    const byAdmin = await requestAs(
      suite.test.app,
      suite.sysadmin,
      'POST',
      `/api/admin/users/${user.id}/reset-password`,
      { version: 2 },
    );
    expect(byAdmin.statusCode).toBe(403);
  });
});
