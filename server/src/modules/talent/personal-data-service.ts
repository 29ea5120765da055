import {
  type ErrorCode,
  type Language,
  type TalentDetail,
  type TalentErasure,
  type TalentInput,
  type Text,
  translate,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { Database } from '../../db/connection';
import { talentHelpRecords, talents } from '../../db/schema';
import { TALENT_MESSAGES } from './messages';
import { decryptPii } from './pii';
import { insertTalent } from './talent-service';
import { actorOf, FieldsError, loadScopedTalent, talentFieldError, toDetail } from './talent-view';

const refuse = (status: number, code: ErrorCode, path: string, message: Text, language: Language) =>
  new FieldsError([{ path, message: translate(message, language) }], status, code);

/**
 * An enterprise puts a person it has just brought in on the ledger itself (to apply with them to a
 * talent programme): the employer must be the enterprise, the rest is checked as staff entries are.
 */
export async function introduceTalent(
  db: Database,
  options: { input: TalentInput; context: RequestContext },
): Promise<TalentDetail> {
  const { input, context } = options;
  const actor = actorOf(context);
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  if (input.employerEnterpriseId !== actor.enterpriseId)
    throw refuse(
      400,
      'validation',
      'employerEnterpriseId',
      TALENT_MESSAGES.introducedEmployer,
      context.language,
    );
  try {
    return await db.transaction(async (tx) => {
      const id = await insertTalent(tx, { ...input, employerPlatformId: null }, context);
      return toDetail(tx, actor, await loadScopedTalent(tx, actor, id));
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw talentFieldError('idNumber', 'talent.duplicateIdNumber', context.language);
    throw error;
  }
}

/**
 * Everything the ledger holds about one person, unmasked, as a file for the person who asked for it
 * (PIPL 个人信息查阅、复制); staff only, and every export is audited.
 */
export async function exportPersonalData(
  db: Database,
  options: { id: number; context: RequestContext },
): Promise<{ fileName: string; body: Buffer }> {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedTalent(tx, actor, options.id);
    if (row.erasedAt)
      throw refuse(409, 'talentErased', 'id', TALENT_MESSAGES.alreadyErased, options.context.language);
    const detail = await toDetail(tx, actor, row);
    const { idNumberMasked: _id, contactMasked: _contact, canReveal: _reveal, ...rest } = detail;
    const document = {
      exportedAt: new Date().toISOString(),
      person: {
        ...rest,
        idNumber: decryptPii(row.idNumberCipher),
        contact: row.contactCipher ? decryptPii(row.contactCipher) : null,
      },
    };
    await recordAudit(tx, options.context, {
      event: 'talent.personal-data.export',
      objectType: 'talents',
      objectId: row.id,
    });
    return {
      fileName: `人才个人信息-${row.id}.json`,
      body: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
    };
  });
}

/**
 * Erases a person on request (PIPL 删除权): the name, the document number (ciphertext, digest and masked
 * copy), the contact, title, position, how they were found, the work-permit facts and the help records
 * go; what the statistics and the funding records need stays, no longer naming anyone — origin,
 * nationality, degree, field, employer, arrival date, channel, permit class, programme records with
 * their funding and the platform/project links. The reason is kept in the audit trail.
 */
export async function eraseTalent(
  db: Database,
  options: { id: number; input: TalentErasure; context: RequestContext },
): Promise<TalentDetail> {
  const { context } = options;
  const actor = actorOf(context);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(talents).where(eq(talents.id, options.id)).for('update');
    if (!before) throw notFound();
    if (before.erasedAt)
      throw refuse(409, 'talentErased', 'id', TALENT_MESSAGES.alreadyErased, context.language);
    if (before.version !== options.input.version) throw versionConflict();
    const helpRecords = await tx
      .delete(talentHelpRecords)
      .where(eq(talentHelpRecords.talentId, before.id))
      .returning({ id: talentHelpRecords.id });
    const [updated] = await tx
      .update(talents)
      .set({
        name: TALENT_MESSAGES.erasedName.zh,
        idNumberCipher: '',
        idNumberDigest: `erased:${before.id}`,
        idNumberMasked: '',
        contactCipher: null,
        contactMasked: null,
        title: null,
        position: null,
        discovery: null,
        foreign: null,
        permitRemindedFor: null,
        erasedAt: new Date(),
        version: sql`${talents.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(talents.id, before.id), eq(talents.version, options.input.version)))
      .returning();
    if (!updated) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'talent.erase',
      objectType: 'talents',
      objectId: before.id,
      after: {
        reason: options.input.reason,
        erased: ['name', 'idNumber', 'contact', 'title', 'position', 'discovery', 'foreign', 'helpRecords'],
        helpRecordsRemoved: helpRecords.length,
        kept: [
          'origin',
          'nationality',
          'degree',
          'field',
          'employer',
          'arrivalDate',
          'channel',
          'permitClass',
          'programmes',
          'links',
        ],
      },
    });
    return toDetail(tx, actor, updated);
  });
}
