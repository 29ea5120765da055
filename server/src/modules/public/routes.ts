import { dictionariesSchema, ENTERPRISE_SIZES, INDUSTRIES, publicHomeSchema } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { publicAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { readDistrictSettings } from '../../core/settings';
import { enterprises } from '../../db/schema';

export function registerPublicRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
      config: { access: publicAccess },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: 'up' };
    },
  );

  app.get(
    '/api/public/home',
    { schema: { tags: ['public'], response: { 200: publicHomeSchema } }, config: { access: publicAccess } },
    async () => {
      const district = await readDistrictSettings(db);
      const [counts] = await db
        .select({
          enterpriseCount: sql<number>`count(*)::int`,
          verifiedEnterpriseCount: sql<number>`count(*) filter (where ${enterprises.status} = 'verified')::int`,
        })
        .from(enterprises);
      return { districtName: district.name, cityName: district.cityName, ...counts };
    },
  );

  app.get(
    '/api/dictionaries',
    { schema: { tags: ['public'], response: { 200: dictionariesSchema } }, config: { access: publicAccess } },
    async () => {
      const district = await readDistrictSettings(db);
      return {
        industries: [...INDUSTRIES],
        sizes: [...ENTERPRISE_SIZES],
        streets: district.streets,
        districtName: district.name,
      };
    },
  );
}
