import {
  INDUSTRIES,
  IP_KIND_LABELS,
  type IpKind,
  TECH_FIELDS,
  TECH_MATCHING_FIELD_LABELS,
  type TechListingStatus,
  type TechSuggestion,
  TRANSACTION_MODE_LABELS,
  type TransactionMode,
  techNeedWorkflow,
} from '@kechuang/domain';
import { Empty, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, textIn } from '../../app/i18n';
import { fenToWanYuanText } from '../../app/wan-yuan';

export interface Page<T> {
  items: T[];
  total: number;
}

export const MATCHING_LABELS = TECH_MATCHING_FIELD_LABELS;

const STATUS_COLOURS: Record<TechListingStatus, string> = {
  pending: 'processing',
  published: 'success',
  rejected: 'error',
  closed: 'default',
};

export function ListingStatusTag({ status }: { status: TechListingStatus }) {
  return <Tag color={STATUS_COLOURS[status]}>{textIn(techNeedWorkflow.states[status])}</Tag>;
}

export const fieldOptions = () => TECH_FIELDS.map((field) => ({ value: field.code, label: textIn(field) }));
export const industryOptions = () =>
  INDUSTRIES.map((industry) => ({ value: industry.code, label: textIn(industry) }));
export const fieldLabel = (code: string) => {
  const field = TECH_FIELDS.find((entry) => entry.code === code);
  return field ? textIn(field) : code;
};
export const modeLabels = (modes: TransactionMode[]) =>
  modes.map((mode) => textIn(TRANSACTION_MODE_LABELS[mode])).join('、');
export const ipKindLabel = (kind: IpKind) => textIn(IP_KIND_LABELS[kind]);

export function FieldSelect(props: { value?: string; onChange?: (value: string) => void; testId?: string }) {
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      options={fieldOptions()}
      value={props.value}
      onChange={props.onChange}
      data-testid={props.testId}
    />
  );
}

/** 催化剂、加氢 → ['催化剂', '加氢']. */
export function splitKeywords(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[，,、;；\s]+/)
    .map((keyword) => keyword.trim())
    .filter(Boolean);
}

export function priceText(min: number | null, max: number | null, negotiable: string): string {
  if (min === null && max === null) return negotiable;
  if (min !== null && max !== null) return `${fenToWanYuanText(min)}–${fenToWanYuanText(max)}`;
  return fenToWanYuanText(min ?? max);
}

/** The ranked counterparts of a need or a result, each with its score and the reason it was suggested. */
export function SuggestionList(props: {
  items: TechSuggestion[];
  testId: string;
  /** 转为对接 for the bureau: given, each row without a 对接 record offers it. */
  onMatch?: (suggestion: TechSuggestion) => void;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0)
    return <Empty data-testid={`${props.testId}-empty`} description={t('techMatching.noSuggestions')} />;
  const best = props.items[0].score || 1;
  return (
    <List
      data-testid={props.testId}
      itemLayout="vertical"
      dataSource={props.items}
      renderItem={(item) => (
        <List.Item
          key={`${item.kind}-${item.id}`}
          data-testid={`${props.testId}-item`}
          extra={
            props.onMatch &&
            (item.matchingId === null ? (
              <Typography.Link
                onClick={() => props.onMatch?.(item)}
                data-testid={`${props.testId}-match-${item.id}`}
              >
                {t('techMatching.toMatching')}
              </Typography.Link>
            ) : (
              <Tag color="green">{t('techMatching.matched')}</Tag>
            ))
          }
        >
          <List.Item.Meta
            title={
              <Space>
                <span data-testid={`${props.testId}-title`}>{item.title}</span>
                <Progress
                  percent={Math.round((item.score / best) * 100)}
                  size="small"
                  style={{ width: 120 }}
                  showInfo={false}
                />
              </Space>
            }
            description={item.subtitle}
          />
          <Typography.Text type="secondary" data-testid={`${props.testId}-reason`}>
            {t('techMatching.reason')}：{item.reason}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export const isEnglish = () => currentLanguage() === 'en';
