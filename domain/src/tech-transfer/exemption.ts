import type { Text } from '../text';
import { statCategoryOf, type TechContractCategory } from './categories';

export interface ExemptionInput {
  category: TechContractCategory;
  /** For 咨询/服务: the registered 开发/转让/许可 contract it helps the buyer master. */
  linkedContractCategory: TechContractCategory | null;
  /** The 咨询/服务 price is on the same invoice as the linked contract's price. */
  sameInvoice: boolean;
}

export interface ExemptionResult {
  eligible: boolean;
  reason: Text;
}

const BASIS = '财税〔2016〕36号附件3第一条第（二十六）项';

function isCore(category: TechContractCategory): boolean {
  const stat = statCategoryOf(category);
  return stat === 'development' || stat === 'transfer' || stat === 'license';
}

/**
 * VAT exemption (免税) of a registered contract: 开发, 转让 and 许可 (the use right counts as 转让);
 * 咨询/服务 only when tied to such a contract and priced on the same invoice; 培训 and 中介 never.
 */
export function assessVatExemption(input: ExemptionInput): ExemptionResult {
  const { category } = input;
  if (isCore(category)) {
    const stat = statCategoryOf(category);
    const name =
      stat === 'development' ? '技术开发' : stat === 'transfer' ? '技术转让' : '技术许可（按技术转让）';
    return {
      eligible: true,
      reason: { zh: `${name}合同，可免征增值税（${BASIS}）`, en: `A ${stat} contract is VAT-exempt` },
    };
  }
  if (category === 'SERVICE_TRAINING' || category === 'SERVICE_INTERMEDIARY') {
    const name = category === 'SERVICE_TRAINING' ? '技术培训' : '技术中介';
    return {
      eligible: false,
      reason: {
        zh: `${name}合同不属于免征增值税范围`,
        en: `A ${category === 'SERVICE_TRAINING' ? 'training' : 'intermediary'} contract is not exempt`,
      },
    };
  }
  const name = category === 'CONSULTING' ? '技术咨询' : '技术服务';
  if (input.linkedContractCategory === null || !isCore(input.linkedContractCategory)) {
    return {
      eligible: false,
      reason: {
        zh: `单独的${name}合同不免税；只有与技术开发、转让合同相关且同一张发票开具的才可免税`,
        en: 'A standalone consulting or service contract is not exempt',
      },
    };
  }
  if (!input.sameInvoice) {
    return {
      eligible: false,
      reason: {
        zh: `${name}价款未与所关联的技术开发、转让合同价款开具在同一张发票上，不免税`,
        en: 'Not on the same invoice as the linked contract, so not exempt',
      },
    };
  }
  return {
    eligible: true,
    reason: {
      zh: `与技术开发、转让合同相关的${name}，价款开在同一张发票上，可免征增值税（${BASIS}）`,
      en: 'Related to a development/transfer contract on the same invoice: exempt',
    },
  };
}
