import type { IndicatorFigure, TalentDetail, TalentSummary } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { channelId, foreignInput } from './talent-fixtures';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

const KEYS = [
  'talent.foreign-introduced',
  'talent.programme-winners',
  'talent.ledger-total',
  'talent.foreign-total',
];

async function figures(): Promise<Record<string, number>> {
  const response = await call(
    suite.leader,
    'GET',
    `/api/dashboard/figures?period=2020&keys=${KEYS.join(',')}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    (response.json() as IndicatorFigure[]).map((figure) => [figure.key, figure.value ?? Number.NaN]),
  );
}

/** Every row of every table of the public schema, as text: where a value could still be. */
async function wholeDatabase(): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    suite.test.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'file_blobs'`,
  );
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await queryRows<{ row: string }>(
      suite.test.db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(table.name)} t`,
    );
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join('\n');
}

/** A foreign talent arrived in 2020 with help records and a 外专双百计划 win with funding. */
async function personWithHistory() {
  const employer = await buildEnterprise(suite.test.app);
  const channel = await channelId(suite.test.app, suite.staff, 'overseas-station');
  const input = {
    ...foreignInput({ enterpriseId: employer.enterpriseId, channelId: channel }),
    name: 'Erika Lindqvist',
    arrivalDate: '2020-05-10',
    contact: 'erika.lindqvist@example.se',
    title: 'Professor',
    position: '首席科学家',
  };
  const created = await call(suite.staff, 'POST', '/api/talent', input);
  expect(created.statusCode, created.body).toBe(201);
  const talent = created.json() as TalentDetail;
  const help = await call(suite.staff, 'POST', `/api/talent/${talent.id}/help-records`, {
    kind: 'housing',
    helpedOn: '2020-06-01',
    handledBy: '区人才办 王主任',
    outcome: '人才公寓已安排（太白湖新区某小区）',
  });
  expect(help.statusCode, help.body).toBe(200);
  const programmes = (await call(suite.staff, 'GET', '/api/talent/programmes')).json().items as {
    id: number;
    code: string;
  }[];
  const nominated = await call(suite.staff, 'POST', `/api/talent/${talent.id}/programme-records`, {
    programmeId: programmes.find((programme) => programme.code === 'district-leading')?.id,
    year: 2020,
    nominatedOn: '2020-07-01',
    fundingFen: 50_000_000,
    platformId: null,
    projectId: null,
    note: null,
  });
  expect(nominated.statusCode, nominated.body).toBe(200);
  const record = (nominated.json() as TalentDetail).programmes[0];
  const selected = await call(
    suite.staff,
    'POST',
    `/api/talent/programme-records/${record.id}/actions/select`,
    {
      version: record.version,
    },
  );
  expect(selected.statusCode, selected.body).toBe(200);
  const [stored] = await queryRows<{
    id_number_cipher: string;
    contact_cipher: string;
    id_number_digest: string;
  }>(
    suite.test.db,
    sql`select id_number_cipher, contact_cipher, id_number_digest from talents where id = ${talent.id}`,
  );
  return {
    employer,
    input,
    talent: (await call(suite.staff, 'GET', `/api/talent/${talent.id}`)).json() as TalentDetail,
    stored,
  };
}

describe('a person’s data on request (PIPL)', () => {
  it('exports everything held about one person, unmasked, to staff only, and audits it', async () => {
    const { employer, input, talent } = await personWithHistory();
    const file = await call(suite.staff, 'GET', `/api/talent/${talent.id}/personal-data`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(file.headers['cache-control']).toBe('private, no-store');
    const document = JSON.parse(file.body);
    expect(document.person).toMatchObject({
      id: talent.id,
      name: 'Erika Lindqvist',
      idNumber: input.idNumber,
      contact: 'erika.lindqvist@example.se',
      position: '首席科学家',
      foreign: expect.objectContaining({ annualSalaryFen: 30_000_000 }),
    });
    expect(document.person.helpRecords).toEqual([
      expect.objectContaining({ outcome: '人才公寓已安排（太白湖新区某小区）' }),
    ]);
    expect(document.person.programmes).toEqual([
      expect.objectContaining({ status: 'selected', fundingFen: 50_000_000 }),
    ]);
    const audit = await queryRows<{ event: string; actor_id: number }>(
      suite.test.db,
      sql`select event, actor_id from audit_log where object_type = 'talents' and object_id = ${String(talent.id)} and event = 'talent.personal-data.export'`,
    );
    expect(audit).toEqual([{ event: 'talent.personal-data.export', actor_id: suite.staff.userId }]);

    for (const session of [suite.leader, employer]) {
      const refused = await call(session, 'GET', `/api/talent/${talent.id}/personal-data`);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain(input.idNumber);
    }
    expect((await call(suite.staff, 'GET', '/api/talent/999999/personal-data')).statusCode).toBe(404);
  });

  it('erases a person: no plaintext or ciphertext of the document or contact remains, the figures still count', async () => {
    const { input, talent, stored } = await personWithHistory();
    const before = await figures();
    expect(before['talent.foreign-introduced']).toBeGreaterThanOrEqual(1);
    const database = await wholeDatabase();
    expect(database).toContain(stored.id_number_cipher);
    expect(database).toContain(stored.contact_cipher);

    const noReason = await call(suite.staff, 'POST', `/api/talent/${talent.id}/erase`, {
      version: talent.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('删除原因');
    expect(
      (
        await call(suite.leader, 'POST', `/api/talent/${talent.id}/erase`, {
          version: talent.version,
          reason: '本人书面申请删除',
        })
      ).statusCode,
    ).toBe(403);
    const stale = await call(suite.staff, 'POST', `/api/talent/${talent.id}/erase`, {
      version: talent.version + 5,
      reason: '本人书面申请删除个人信息',
    });
    expect(stale.statusCode).toBe(409);

    const erased = await call(suite.staff, 'POST', `/api/talent/${talent.id}/erase`, {
      version: talent.version,
      reason: '本人书面申请删除个人信息（2026年12月1日来函）',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const after = erased.json() as TalentDetail;
    expect(after).toMatchObject({
      name: '（已删除）',
      idNumberMasked: '',
      contactMasked: null,
      title: null,
      position: null,
      foreign: null,
      helpRecords: [],
      canReveal: false,
      // Kept, no longer naming anyone: what the figures and the funding records need.
      origin: 'foreign',
      arrivalDate: '2020-05-10',
      channelId: talent.channelId,
      permitClass: talent.permitClass,
    });
    expect(after.erasedAt).not.toBeNull();
    expect(after.programmes).toEqual([
      expect.objectContaining({ status: 'selected', fundingFen: 50_000_000 }),
    ]);

    const database2 = await wholeDatabase();
    for (const secret of [
      input.idNumber,
      stored.id_number_cipher,
      stored.id_number_digest,
      input.contact,
      stored.contact_cipher,
    ])
      expect(database2.includes(secret), secret).toBe(false);
    // The ledger itself no longer names the person or holds the help given (the audit trail keeps its masked copies).
    const ledger = await queryRows<{ row: string }>(
      suite.test.db,
      sql`select row_to_json(t)::text as row from talents t where id = ${talent.id} union all select row_to_json(h)::text from talent_help_records h where talent_id = ${talent.id}`,
    );
    expect(ledger).toHaveLength(1);
    expect(ledger[0].row).not.toContain('Erika');
    expect(ledger[0].row).not.toContain('首席科学家');
    expect(await figures()).toEqual(before);

    const [erasure] = await queryRows<{ after: { reason: string; helpRecordsRemoved: number } }>(
      suite.test.db,
      sql`select after from audit_log where object_type = 'talents' and object_id = ${String(talent.id)} and event = 'talent.erase'`,
    );
    expect(erasure.after).toMatchObject({
      reason: '本人书面申请删除个人信息（2026年12月1日来函）',
      helpRecordsRemoved: 1,
    });

    // Nothing personal can be had again; the same document number may be registered anew.
    expect((await call(suite.staff, 'POST', `/api/talent/${talent.id}/reveal`)).statusCode).toBe(409);
    expect((await call(suite.staff, 'GET', `/api/talent/${talent.id}/personal-data`)).statusCode).toBe(409);
    const again = await call(suite.staff, 'POST', `/api/talent/${talent.id}/erase`, {
      version: after.version,
      reason: '重复申请',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('人才：该人员信息已删除');
    const list = (await call(suite.staff, 'GET', '/api/talent?pageSize=200&arrivalYear=2020')).json()
      .items as TalentSummary[];
    expect(list.find((item) => item.id === talent.id)).toMatchObject({
      name: '（已删除）',
      idNumberMasked: '',
    });
  });
});
