import {
  TECH_STAT_CATEGORIES,
  TECH_STAT_CATEGORY_LABELS,
  type TechContractStatus,
  techCategoriesOf,
  techContractWorkflow,
  techSubTypeLabel,
} from '@kechuang/domain';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../app/i18n';
import type { TechContractSummary } from './use-contracts';

const STATUS_COLORS: Record<TechContractStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  resubmitted: 'processing',
  registered: 'success',
  refused: 'error',
  cancelled: 'default',
};

/** Labels of the 非技术性费用 kinds. */
export const COST_KIND_KEYS = {
  equipment: 'techTransfer.costKind.equipment',
  instrument: 'techTransfer.costKind.instrument',
  parts: 'techTransfer.costKind.parts',
  materials: 'techTransfer.costKind.materials',
  other: 'techTransfer.costKind.other',
} as const;

export function ContractStatusTag({ status }: { status: TechContractStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`contract-status-${status}`}>
      {textIn(techContractWorkflow.states[status])}
    </Tag>
  );
}

/** 万元 with two decimals, for columns whose header says 万元. */
export function wan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The time limit of a waiting contract: working days left, or overdue in red. */
export function DaysLeft({ contract }: { contract: TechContractSummary }) {
  const { t } = useTranslation();
  const days = contract.workingDaysLeft;
  if (days === null || contract.dueOn === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const text =
    days < 0
      ? t('techTransfer.overdueDays', { count: -days })
      : days === 0
        ? t('techTransfer.dueToday')
        : t('techTransfer.daysLeft', { count: days });
  return (
    <Tooltip title={t('techTransfer.dueOn', { date: contract.dueOn, days: contract.timeLimitDays ?? '' })}>
      <Typography.Text
        type={days < 0 ? 'danger' : days <= 3 ? 'warning' : undefined}
        strong={days < 0}
        data-testid={`days-left-${contract.id}`}
      >
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

/** 免税: eligibility (with the rule's reason on hover), whether the seller claimed it, and the confirmation. */
export function ExemptionTag({ contract }: { contract: TechContractSummary }) {
  const { t } = useTranslation();
  if (contract.exemptionEligible === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const tag = !contract.exemptionEligible ? (
    <Tag data-testid="exemption-ineligible">{t('techTransfer.exemptionIneligible')}</Tag>
  ) : contract.exemptionClaimed ? (
    <Space size={4}>
      <Tag color="blue" data-testid="exemption-claimed">
        {t('techTransfer.exemptionClaimed')}
      </Tag>
      {contract.exemptionConfirmedAt && (
        <Tag color="green" data-testid="exemption-confirmed">
          {t('techTransfer.exemptionConfirmed')}
        </Tag>
      )}
    </Space>
  ) : (
    <Tag color="orange" data-testid="exemption-potential">
      {t('techTransfer.exemptionPotential')}
    </Tag>
  );
  return contract.exemptionReason ? <Tooltip title={contract.exemptionReason}>{tag}</Tooltip> : tag;
}

/** The cascader of class → sub-type, from the domain's enum. */
export function categoryOptions() {
  return TECH_STAT_CATEGORIES.map((stat) => ({
    value: stat,
    label: textIn(TECH_STAT_CATEGORY_LABELS[stat]),
    children: techCategoriesOf(stat).map((category) => ({
      value: category,
      label: textIn(techSubTypeLabel(category)),
    })),
  }));
}

/**
 * Region codes of the 技术合同登记表 most used here (4 digits: province or city; 7100 港澳台, 8000
 * abroad); any other 4- or 6-digit GB 2260 code may be typed.
 */
export const BUYER_REGIONS: readonly { code: string; zh: string; en: string }[] = [
  { code: '3708', zh: '山东省济宁市', en: 'Jining, Shandong' },
  { code: '3700', zh: '山东省', en: 'Shandong' },
  { code: '3701', zh: '山东省济南市', en: 'Jinan, Shandong' },
  { code: '3702', zh: '山东省青岛市', en: 'Qingdao, Shandong' },
  { code: '3703', zh: '山东省淄博市', en: 'Zibo, Shandong' },
  { code: '3707', zh: '山东省潍坊市', en: 'Weifang, Shandong' },
  { code: '3709', zh: '山东省泰安市', en: "Tai'an, Shandong" },
  { code: '3713', zh: '山东省临沂市', en: 'Linyi, Shandong' },
  { code: '1100', zh: '北京市', en: 'Beijing' },
  { code: '1200', zh: '天津市', en: 'Tianjin' },
  { code: '3100', zh: '上海市', en: 'Shanghai' },
  { code: '3200', zh: '江苏省', en: 'Jiangsu' },
  { code: '3300', zh: '浙江省', en: 'Zhejiang' },
  { code: '4100', zh: '河南省', en: 'Henan' },
  { code: '4400', zh: '广东省', en: 'Guangdong' },
  { code: '7100', zh: '港澳台', en: 'Hong Kong, Macao, Taiwan' },
  { code: '8000', zh: '其它（境外）', en: 'Other (abroad)' },
];

export function regionName(code: string): string {
  const region = BUYER_REGIONS.find((item) => item.code === code);
  return region ? `${code} ${textIn(region)}` : code;
}
