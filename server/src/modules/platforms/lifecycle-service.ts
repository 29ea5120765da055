import {
  findTypeLevelProblem,
  findUpgradeProblem,
  PLATFORM_LEVEL_LABELS,
  type Platform,
  type PlatformActionBody,
  type PlatformStatusAction,
  type PlatformUpgrade,
  platformWorkflow,
} from '@kechuang/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { fireTransition } from '../../core/workflow';
import type { Database, Transaction } from '../../db/connection';
import { platformHosts, platformLevelHistory } from '../../db/schema';
import {
  actorOf,
  loadScopedPlatform,
  type PlatformRow,
  platformFieldError,
  readLevelHistory,
  toDetail,
} from './platform-view';
import { findPlatformType } from './types-service';

async function leadHost(tx: Transaction, platformId: number): Promise<number | null> {
  const [host] = await tx
    .select({ enterpriseId: platformHosts.enterpriseId })
    .from(platformHosts)
    .where(eq(platformHosts.platformId, platformId))
    .orderBy(asc(platformHosts.position))
    .limit(1);
  return host?.enterpriseId ?? null;
}

const linkOf = (row: PlatformRow) => `/bureau/platforms?open=${row.id}`;

/**
 * 升级 (市 → 省 → 国家): the same record moves to the higher level through the workflow runtime
 * (version, role, history and audit in one transaction) and gains a line in its level history.
 */
export async function upgradePlatform(
  db: Database,
  options: { id: number; input: PlatformUpgrade; context: RequestContext },
): Promise<Platform> {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedPlatform(tx, actor, options.id);
    await applyUpgrade(tx, row, options.input, options.context);
    return toDetail(tx, actor, await loadScopedPlatform(tx, actor, row.id));
  });
}

/** The upgrade inside the caller's transaction (the demo district upgrades its platforms this way). */
export async function applyUpgrade(
  tx: Transaction,
  row: PlatformRow,
  input: PlatformUpgrade,
  context: RequestContext,
): Promise<void> {
  const history = await readLevelHistory(tx, row.id);
  const problem = findUpgradeProblem(history, input);
  if (problem) throw platformFieldError(problem.path, problem.key, context.language);
  const type = await findPlatformType(tx, row.typeId);
  if (type && findTypeLevelProblem({ ...type, isActive: true }, input.level, 1) !== null) {
    throw platformFieldError('level', 'platforms.levelNotOfType', context.language);
  }
  const from = PLATFORM_LEVEL_LABELS[row.level].zh;
  const to = PLATFORM_LEVEL_LABELS[input.level].zh;
  await fireTransition(tx, {
    definition: platformWorkflow,
    table: 'platforms',
    objectId: row.id,
    action: 'upgrade',
    expectedVersion: input.version,
    comment: `${from}→${to}，${input.approvingBody} ${input.documentNo}（${input.recognizedOn}）`,
    context,
    isOwner: false,
    ownerEnterpriseId: await leadHost(tx, row.id),
    subject: row.name,
    link: linkOf(row),
    extraAssignments: [
      sql`level = ${input.level}`,
      sql`recognized_on = ${input.recognizedOn}`,
      sql`document_no = ${input.documentNo}`,
      sql`approving_body = ${input.approvingBody}`,
    ],
  });
  await tx.insert(platformLevelHistory).values({
    platformId: row.id,
    level: input.level,
    kind: 'upgrade',
    recognizedOn: input.recognizedOn,
    approvingBody: input.approvingBody,
    documentNo: input.documentNo,
    recordedBy: context.actor?.userId ?? null,
  });
}

/**
 * 警告 / 解除警告 / 撤销 / 摘牌 through the workflow runtime; a revocation or delisting also sets the
 * day the platform stops counting as in force.
 */
export async function actOnPlatform(
  db: Database,
  options: { id: number; action: PlatformStatusAction; body: PlatformActionBody; context: RequestContext },
): Promise<Platform> {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedPlatform(tx, actor, options.id);
    await applyStatusAction(tx, row, options.action, options.body, options.context);
    return toDetail(tx, actor, await loadScopedPlatform(tx, actor, row.id));
  });
}

export async function applyStatusAction(
  tx: Transaction,
  row: PlatformRow,
  action: PlatformStatusAction,
  body: PlatformActionBody,
  context: RequestContext,
): Promise<void> {
  if (body.effectiveOn < row.firstRecognizedOn) {
    throw platformFieldError('effectiveOn', 'platforms.effectiveBeforeRecognition', context.language);
  }
  const ends = action === 'revoke' || action === 'delist';
  const reason = body.comment?.trim();
  await fireTransition(tx, {
    definition: platformWorkflow,
    table: 'platforms',
    objectId: row.id,
    action,
    expectedVersion: body.version,
    comment: reason ? `${reason}（生效日期 ${body.effectiveOn}）` : undefined,
    context,
    isOwner: false,
    ownerEnterpriseId: await leadHost(tx, row.id),
    subject: row.name,
    link: linkOf(row),
    extraAssignments: ends ? [sql`ended_on = ${body.effectiveOn}`] : [],
  });
}
