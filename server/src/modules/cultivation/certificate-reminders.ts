import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { findEnterpriseUserIds, findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { enterprises, highTechCertificates } from '../../db/schema';
import { CULTIVATION_MESSAGES } from './messages';

/**
 * Tells the enterprise's users and the bureau's staff about every certificate that has entered the
 * six months before its expiry. Each certificate is claimed with a guarded UPDATE before anyone is
 * told, so a second run (or two runs at once) never notifies twice. Returns how many were announced.
 */
export async function sendExpiryReminders(db: Database, asOf: string): Promise<number> {
  const due = await db
    .select({
      id: highTechCertificates.id,
      enterpriseId: highTechCertificates.enterpriseId,
      enterpriseName: enterprises.name,
      certificateNumber: highTechCertificates.certificateNumber,
      expiresOn: highTechCertificates.expiresOn,
    })
    .from(highTechCertificates)
    .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
    .where(
      and(
        isNull(highTechCertificates.reminderSentAt),
        lte(highTechCertificates.remindOn, asOf),
        gt(highTechCertificates.expiresOn, asOf),
      ),
    );
  let sent = 0;
  for (const certificate of due) {
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(highTechCertificates)
        .set({ reminderSentAt: new Date() })
        .where(and(eq(highTechCertificates.id, certificate.id), isNull(highTechCertificates.reminderSentAt)))
        .returning({ id: highTechCertificates.id });
      if (!claim) return false;
      const enterpriseUsers = await findEnterpriseUserIds(tx, certificate.enterpriseId);
      const staff = await findUserIdsByRole(tx, ['staff']);
      const title = CULTIVATION_MESSAGES.certificateExpiringTitle(certificate).zh;
      const body = CULTIVATION_MESSAGES.certificateExpiringBody(certificate).zh;
      const kind = 'cultivation.certificate-expiring';
      await notifyUsers(tx, enterpriseUsers, { kind, title, body, link: '/enterprise/checkup' });
      await notifyUsers(
        tx,
        staff.filter((id) => !enterpriseUsers.includes(id)),
        {
          kind,
          title,
          body,
          link: `/bureau/cultivation/certificates?keyword=${certificate.certificateNumber}`,
        },
      );
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
