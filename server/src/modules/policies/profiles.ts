import { type PolicyProfile, PROFILE_FIELD_BY_KEY } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection';
import { readCultivationStanding } from '../cultivation/index';

export interface ProfiledEnterprise {
  id: number;
  name: string;
  creditCode: string;
  street: string | null;
  profile: PolicyProfile;
}

/**
 * The data the bureau holds on the enterprises `scope` selects (a condition on `enterprises e`):
 * the registry entry, and from the cultivation module the 科技型中小企业 / 高企 standing and the
 * year's figures. Keys are the profile fields conditions name (`PROFILE_FIELDS`).
 */
export async function readProfiles(
  executor: Executor,
  options: { year: number; scope: SQL },
): Promise<ProfiledEnterprise[]> {
  const [registry, standing] = await Promise.all([
    queryRows<{
      id: number;
      name: string;
      credit_code: string;
      street: string | null;
      industry: string | null;
      size: string | null;
      founded_on: string | null;
      verified: boolean;
    }>(
      executor,
      sql`select e.id, e.name, e.credit_code, e.street, e.industry, e.size, e.founded_on::text as founded_on,
                 e.status = 'verified' as verified
            from enterprises e where ${options.scope} order by e.id`,
    ),
    readCultivationStanding(executor, options),
  ]);
  return registry.map((row) => {
    const profile: Record<string, number | boolean | string | null> = {
      'enterprise.street': row.street,
      'enterprise.industry': row.industry,
      'enterprise.size': row.size,
      'enterprise.foundedYear': row.founded_on ? Number(row.founded_on.slice(0, 4)) : null,
      'enterprise.verified': row.verified,
      ...standing.get(Number(row.id)),
    };
    return { id: Number(row.id), name: row.name, creditCode: row.credit_code, street: row.street, profile };
  });
}

/** Every key a profile may carry is a declared field (checked by the module's tests). */
export const profileKeysDeclared = (profile: PolicyProfile) =>
  Object.keys(profile).every((key) => PROFILE_FIELD_BY_KEY.has(key));
