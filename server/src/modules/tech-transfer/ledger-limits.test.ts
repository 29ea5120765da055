import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, importLimitsOf } from '../../core/excel-import';
import { techContractLedgerImport } from './ledger-import';

describe('the 技术合同登记台账 import limits', () => {
  it('lets a 技术合同登记台账 of a 100,000-contract year in, file and unzipped size included', () => {
    const limits = importLimitsOf(techContractLedgerImport);
    expect(limits.maxRows).toBeGreaterThanOrEqual(100_000);
    expect(limits.maxRows).toBeGreaterThan(IMPORT_MAX_ROWS);
    // What bench/ledger-import.ts writes for 100,000 rows: about 7 MiB zipped, 46 MiB unzipped.
    expect(limits.maxFileBytes).toBeGreaterThan(7 * 1024 * 1024 * 2);
    expect(limits.maxUncompressedBytes).toBeGreaterThan(46 * 1024 * 1024 * 2);
  });
});
