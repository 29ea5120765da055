import type { Role } from '@kechuang/domain';
import type { ImportDefinition } from '../../core/excel-import';
import { enterpriseFiguresImport } from '../cultivation/figures-import';
import { highTechCertificatesImport } from '../cultivation/high-tech-certificates-import';
import { techSmeRegistrationsImport } from '../cultivation/tech-sme-registrations-import';
import { enterpriseLedgerImport } from '../enterprises/ledger-import';

/** Every Excel import of the platform and who may run it; each gets a template, an upload and a job. */
export const IMPORTS: { definition: ImportDefinition<never>; roles: Role[] }[] = [
  { definition: enterpriseLedgerImport as ImportDefinition<never>, roles: ['staff'] },
  { definition: enterpriseFiguresImport as ImportDefinition<never>, roles: ['staff'] },
  { definition: techSmeRegistrationsImport as ImportDefinition<never>, roles: ['staff'] },
  { definition: highTechCertificatesImport as ImportDefinition<never>, roles: ['staff'] },
];
