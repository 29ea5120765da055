import type { Text } from '../i18n';
import { text } from './rule-text';

/** A scoring band: at least `minPercent` earns `points`. Bands are listed from the highest down. */
export interface PercentBand {
  minPercent: number;
  points: number;
}

/** An IP band: at least `minCount` items of the class earns `points`. Listed from the highest down. */
export interface IpBand {
  ipClass: 1 | 2;
  minCount: number;
  points: number;
}

export interface DirectQualification {
  code: string;
  label: Text;
}

/** One version of 科技型中小企业评价办法, as data: a revision becomes a second constant, not new code. */
export interface TechSmePolicy {
  id: string;
  documentNumber: string;
  title: Text;
  /** 第六条(二): the limits are "不超过", so each is inclusive. */
  maxEmployees: number;
  maxRevenueFen: number;
  maxTotalAssetsFen: number;
  /** 第六条(五): "不低于60分". */
  passScore: number;
  sciTechStaffBands: readonly PercentBand[];
  /** 研发费用总额 / 销售收入总额. */
  rdRevenueBands: readonly PercentBand[];
  /** 研发费用总额 / 成本费用支出总额; the enterprise may choose either ratio, so the better one counts. */
  rdCostBands: readonly PercentBand[];
  ipBands: readonly IpBand[];
  /** 第八条: any one of these qualifies an enterprise that meets the eligibility conditions, without scoring. */
  directQualifications: readonly DirectQualification[];
}

const FEN_PER_YI_YUAN = 10_000_000_000;

export const TECH_SME_POLICY_2017: TechSmePolicy = {
  id: 'tech-sme-2017',
  documentNumber: '国科发政〔2017〕115号',
  title: text('科技型中小企业评价办法', 'Evaluation of technology-based SMEs'),
  maxEmployees: 500,
  maxRevenueFen: 2 * FEN_PER_YI_YUAN,
  maxTotalAssetsFen: 2 * FEN_PER_YI_YUAN,
  passScore: 60,
  sciTechStaffBands: [
    { minPercent: 30, points: 20 },
    { minPercent: 25, points: 16 },
    { minPercent: 20, points: 12 },
    { minPercent: 15, points: 8 },
    { minPercent: 10, points: 4 },
  ],
  rdRevenueBands: [
    { minPercent: 6, points: 50 },
    { minPercent: 5, points: 40 },
    { minPercent: 4, points: 30 },
    { minPercent: 3, points: 20 },
    { minPercent: 2, points: 10 },
  ],
  rdCostBands: [
    { minPercent: 30, points: 50 },
    { minPercent: 25, points: 40 },
    { minPercent: 20, points: 30 },
    { minPercent: 15, points: 20 },
    { minPercent: 10, points: 10 },
  ],
  // Ⅰ类/Ⅱ类 follow the 高企 classification; that this 办法 uses the same list is to confirm (DOMAIN-RULES §1.2 [M]).
  ipBands: [
    { ipClass: 1, minCount: 1, points: 30 },
    { ipClass: 2, minCount: 4, points: 24 },
    { ipClass: 2, minCount: 3, points: 18 },
    { ipClass: 2, minCount: 2, points: 12 },
    { ipClass: 2, minCount: 1, points: 6 },
  ],
  // The 2022 revision (国科发区〔2022〕67号) is believed to drop the 高企 certificate; unconfirmed (DOMAIN-RULES §1.6).
  directQualifications: [
    {
      code: 'highTechCertificate',
      label: text('拥有有效期内高新技术企业资格证书', 'Holds a valid high-tech enterprise certificate'),
    },
    {
      code: 'nationalScienceAward',
      label: text(
        '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名',
        'Won a national S&T award in the last five years, among the first three units',
      ),
    },
    {
      code: 'provincialRdInstitution',
      label: text(
        '拥有经认定的省部级以上研发机构',
        'Has a recognised R&D institution at provincial level or above',
      ),
    },
    {
      code: 'standardDrafting',
      label: text(
        '近五年内主导制定过国际标准、国家标准或行业标准',
        'Led an international, national or industry standard in the last five years',
      ),
    },
  ],
};
