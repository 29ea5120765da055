import type { Workbench } from '@kechuang/domain';
import { and, count, eq, isNull, lt } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import type { Database } from '../../db/connection';
import { projectApplications, publicityNotices, taskContracts } from '../../db/schema';
import { today } from './approval-helpers';

/** The 立项 and 任务书 entries of the workbench: what waits for the caller's role, with counts. */
export async function buildPlanApprovalTodos(db: Database, actor: Actor): Promise<Workbench['todos']> {
  const todos: Workbench['todos'] = [];
  const countApplications = async (status: string) => {
    const [row] = await db
      .select({ total: count() })
      .from(projectApplications)
      .where(eq(projectApplications.status, status));
    return row.total;
  };
  const countContracts = async (status: string, enterpriseId?: number) => {
    const [row] = await db
      .select({ total: count() })
      .from(taskContracts)
      .where(
        and(
          eq(taskContracts.status, status),
          enterpriseId === undefined ? undefined : eq(taskContracts.enterpriseId, enterpriseId),
        ),
      );
    return row.total;
  };
  if (actor.role === 'leader') {
    todos.push({
      key: 'plan.proposed',
      title: '拟立项项目待审批',
      count: await countApplications('proposed'),
      link: '/bureau/projects/approval',
    });
  }
  if (actor.role === 'staff') {
    const [ended] = await db
      .select({ total: count() })
      .from(publicityNotices)
      .where(and(isNull(publicityNotices.establishedAt), lt(publicityNotices.endOn, today())));
    todos.push(
      {
        key: 'plan.reviewed',
        title: '评审完成待拟定立项',
        count: await countApplications('reviewed'),
        link: '/bureau/projects/approval',
      },
      {
        key: 'plan.approved',
        title: '已审批待发布公示',
        count: await countApplications('approved'),
        link: '/bureau/projects/approval',
      },
      {
        key: 'plan.publicityEnded',
        title: '公示期满待立项下达',
        count: ended.total,
        link: '/bureau/projects/publicity',
      },
      {
        key: 'plan.contractSigned',
        title: '任务书签字件待确认',
        count: await countContracts('signedUploaded'),
        link: '/bureau/projects',
      },
    );
  }
  if (actor.role === 'enterprise' && actor.enterpriseId !== null) {
    const issued = await countContracts('issued', actor.enterpriseId);
    if (issued > 0)
      todos.push({
        key: 'plan.contractIssued',
        title: '任务书待签订上传',
        count: issued,
        link: '/enterprise/projects',
      });
  }
  return todos;
}
