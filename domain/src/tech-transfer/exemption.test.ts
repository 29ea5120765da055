import { describe, expect, it } from 'vitest';
import {
  parseTechCategoryLabel,
  statCategoryOf,
  TECH_CONTRACT_CATEGORIES,
  type TechContractCategory,
  techCategoriesOf,
  techCategoryLabel,
  techSubTypeLabel,
} from './categories';
import { assessVatExemption } from './exemption';

const EXPECTED_ALONE: Record<TechContractCategory, boolean> = {
  DEV_COMMISSIONED: true,
  DEV_COOPERATIVE: true,
  TRANSFER_PATENT: true,
  TRANSFER_PATENT_APPLICATION: true,
  TRANSFER_TECH_SECRET: true,
  TRANSFER_OTHER: true,
  LICENSE_PATENT: true,
  LICENSE_TECH_SECRET: true,
  LICENSE_OTHER: true,
  CONSULTING: false,
  SERVICE: false,
  SERVICE_TRAINING: false,
  SERVICE_INTERMEDIARY: false,
};

describe('免税 eligibility', () => {
  it.each(TECH_CONTRACT_CATEGORIES)('%s on its own', (category) => {
    const result = assessVatExemption({ category, linkedContractCategory: null, sameInvoice: false });
    expect(result.eligible).toBe(EXPECTED_ALONE[category]);
    expect(result.reason.zh.length).toBeGreaterThan(5);
  });

  it('咨询 and 服务 tied to a 开发/转让/许可 contract on the same invoice are exempt, and only then', () => {
    for (const category of ['CONSULTING', 'SERVICE'] as const) {
      expect(
        assessVatExemption({ category, linkedContractCategory: 'DEV_COMMISSIONED', sameInvoice: true })
          .eligible,
      ).toBe(true);
      expect(
        assessVatExemption({ category, linkedContractCategory: 'LICENSE_PATENT', sameInvoice: true })
          .eligible,
      ).toBe(true);
      const separate = assessVatExemption({
        category,
        linkedContractCategory: 'TRANSFER_PATENT',
        sameInvoice: false,
      });
      expect(separate.eligible).toBe(false);
      expect(separate.reason.zh).toContain('同一张发票');
      expect(
        assessVatExemption({ category, linkedContractCategory: 'SERVICE', sameInvoice: true }).eligible,
      ).toBe(false);
    }
  });

  it('training and intermediary are never exempt, even linked on the same invoice', () => {
    for (const category of ['SERVICE_TRAINING', 'SERVICE_INTERMEDIARY'] as const) {
      const result = assessVatExemption({
        category,
        linkedContractCategory: 'DEV_COMMISSIONED',
        sameInvoice: true,
      });
      expect(result.eligible).toBe(false);
      expect(result.reason.zh).toContain('不属于免征增值税范围');
    }
  });
});

describe('categories', () => {
  it('maps every category to a statistics class and reads its ledger label back', () => {
    expect(statCategoryOf('LICENSE_TECH_SECRET')).toBe('license');
    expect(statCategoryOf('SERVICE_INTERMEDIARY')).toBe('service');
    expect(techCategoryLabel('DEV_COMMISSIONED').zh).toBe('技术开发（委托开发）');
    for (const category of TECH_CONTRACT_CATEGORIES)
      expect(parseTechCategoryLabel(techCategoryLabel(category).zh)).toBe(category);
    expect(parseTechCategoryLabel('技术开发(合作开发)')).toBe('DEV_COOPERATIVE');
    expect(parseTechCategoryLabel('技术买卖')).toBeNull();
    expect(techCategoriesOf('license')).toEqual(['LICENSE_PATENT', 'LICENSE_TECH_SECRET', 'LICENSE_OTHER']);
    expect(techSubTypeLabel('TRANSFER_PATENT_APPLICATION').zh).toBe('专利申请权转让');
  });
});
