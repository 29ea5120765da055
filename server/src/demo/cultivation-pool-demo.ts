import { cultivationPoolWorkflow } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../db/connection';
import { cultivationPoolEntries, workflowHistory } from '../db/schema';

/**
 * The 高企培育库 of 2020 and 2021: every enterprise that applied for recognition that year was
 * admitted in the spring before its batch, with the proposal and admission in its history; a few
 * more were proposed and turned down. So the ladder 入库 → 培育库 → 申报 → 认定 has every step.
 */
export async function seedCultivationPoolDemo(tx: Transaction, staff: { id: number; displayName: string }[]) {
  const applicants = await queryRows<{ enterprise_id: number; year: number }>(
    tx,
    sql`select distinct enterprise_id, year from hte_applications where year in (2020, 2021) order by year, enterprise_id`,
  );
  const declined = await queryRows<{ enterprise_id: number; year: number }>(
    tx,
    sql`select r.enterprise_id, r.year from tech_sme_registrations r
        where r.year in (2020, 2021)
          and not exists (select 1 from hte_applications a where a.enterprise_id = r.enterprise_id and a.year = r.year)
        order by r.year, r.enterprise_id limit 12`,
  );
  const entries = [
    ...applicants.map((row) => ({ ...row, admitted: true })),
    ...declined.map((row) => ({ ...row, admitted: false })),
  ];
  for (const [index, entry] of entries.entries()) {
    const officer = staff[index % staff.length];
    const proposedAt = new Date(
      `${entry.year}-03-${String(2 + (index % 20)).padStart(2, '0')}T09:30:00+08:00`,
    );
    const decidedAt = new Date(proposedAt.getTime() + 7 * 86_400_000);
    const [row] = await tx
      .insert(cultivationPoolEntries)
      .values({
        enterpriseId: entry.enterprise_id,
        year: entry.year,
        status: entry.admitted ? 'admitted' : 'rejected',
        reason: '研发投入持续增长，拥有发明专利或软件著作权',
        decisionOpinion: entry.admitted ? '经预检和走访，同意纳入培育库' : '研发费用占比未达要求，暂不纳入',
        decidedAt,
        version: 2,
      })
      .returning({ id: cultivationPoolEntries.id });
    const actor = { actorId: officer.id, actorName: officer.displayName, actorRole: 'staff' };
    await tx.insert(workflowHistory).values([
      {
        workflow: cultivationPoolWorkflow.name,
        objectId: row.id,
        action: 'create',
        fromStatus: null,
        toStatus: 'proposed',
        comment: '研发投入持续增长，拥有发明专利或软件著作权',
        createdAt: proposedAt,
        ...actor,
      },
      {
        workflow: cultivationPoolWorkflow.name,
        objectId: row.id,
        action: entry.admitted ? 'admit' : 'reject',
        fromStatus: 'proposed',
        toStatus: entry.admitted ? 'admitted' : 'rejected',
        comment: entry.admitted ? '经预检和走访，同意纳入培育库' : '研发费用占比未达要求，暂不纳入',
        createdAt: decidedAt,
        ...actor,
      },
    ]);
  }
}
