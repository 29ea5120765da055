import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { digestPii, readPiiKeys } from '../../core/pii';
import { openPrincipalId, reencryptPrincipalIds, sealPlainPrincipalIds } from '../../core/principal-id';
import { planProjects, projectApplications } from '../../db/schema';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { insertPlanProject } from './supervision-fixtures';

const suite = useTestApp({});

describe('principal ID numbers at rest', () => {
  it('seals numbers left in clear once, idempotently, and re-encrypts after a key rotation', async () => {
    const enterprise = await buildEnterprise(suite.test.app);
    const { projectId, applicationId } = await insertPlanProject(suite.test.db, {
      enterpriseId: enterprise.enterpriseId,
    });
    // A row as it stood before encryption at rest: the number in clear, no digest.
    const clear = '370811198001011231';
    await suite.test.db.execute(
      sql`update project_applications set principal_id_number = ${clear}, principal_id_digest = null where id = ${applicationId}`,
    );
    await suite.test.db.execute(
      sql`update plan_projects set principal_id_number = ${clear}, principal_id_digest = null where id = ${projectId}`,
    );
    expect(await sealPlainPrincipalIds(suite.test.db)).toBe(2);
    expect(await sealPlainPrincipalIds(suite.test.db)).toBe(0);
    const [application] = await suite.test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, applicationId));
    const [project] = await suite.test.db.select().from(planProjects).where(eq(planProjects.id, projectId));
    for (const row of [application, project]) {
      expect(row.principalIdNumberCipher).toMatch(/^sm4:/);
      expect(row.principalIdNumberCipher).not.toContain(clear);
      expect(openPrincipalId(row.principalIdNumberCipher)).toBe(clear);
      expect(row.principalIdDigest).toBe(digestPii(clear));
    }

    const rotated = readPiiKeys({
      KECHUANG_PII_KEY: '00112233445566778899aabbccddeeff',
      KECHUANG_PII_OLD_KEYS: readPiiKeys().current.toString('hex'),
    } as NodeJS.ProcessEnv);
    expect(await reencryptPrincipalIds(suite.test.db, rotated)).toBeGreaterThanOrEqual(2);
    const [after] = await suite.test.db.select().from(planProjects).where(eq(planProjects.id, projectId));
    expect(after.principalIdNumberCipher?.split(':')[1]).toBe(rotated.currentId);
    expect(after.principalIdDigest).toBe(digestPii(clear, rotated));
  });
});
