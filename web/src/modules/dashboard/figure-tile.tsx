import { WarningOutlined } from '@ant-design/icons';
import type { IndicatorDefinition, IndicatorFigure } from '@kechuang/domain';
import { Card, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChange, formatFigureValue, formatWithUnit } from './figure-format';

/** One figure: its value and unit, the change on a year earlier, the target's progress, and what is missing. */
export function FigureTile(props: {
  definition: IndicatorDefinition;
  figure: IndicatorFigure | undefined;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { definition, figure } = props;
  const name = i18n.language === 'en' ? definition.name.en : definition.name.zh;
  const change = figure ? formatChange(figure, t('dashboard.points')) : null;
  return (
    <Card
      hoverable
      size="small"
      onClick={props.onOpen}
      data-testid={`figure-${definition.key}`}
      style={{ height: '100%' }}
      styles={{ body: { padding: 14 } }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {name}
      </Typography.Text>
      <div style={{ margin: '6px 0' }}>
        <span style={{ fontSize: 26, fontWeight: 600 }} data-testid="figure-value">
          {figure ? formatFigureValue(figure.value, definition.unit) : '…'}
        </span>
        <span style={{ marginLeft: 4 }}>{definition.unit}</span>
      </div>
      <Space size={4} wrap style={{ fontSize: 12 }}>
        {figure && figure.incomplete.length > 0 && (
          <Tooltip
            title={figure.incomplete.map((item) => (i18n.language === 'en' ? item.en : item.zh)).join('；')}
          >
            <Tag color="warning" icon={<WarningOutlined />} data-testid="figure-incomplete">
              {t('dashboard.incomplete')}
            </Tag>
          </Tooltip>
        )}
        {change && (
          <Typography.Text
            type={figure && (figure.change ?? 0) < 0 ? 'danger' : 'success'}
            style={{ fontSize: 12 }}
          >
            {t((figure?.change ?? 0) < 0 ? 'dashboard.changeDown' : 'dashboard.changeUp', {
              value: change.replace(/^\+/, ''),
            })}
          </Typography.Text>
        )}
        {figure?.previous && figure.previous.value !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.previous', { value: formatWithUnit(figure.previous.value, definition.unit) })}
          </Typography.Text>
        )}
      </Space>
      {figure?.target && (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.target', { value: formatWithUnit(figure.target.value, definition.unit) })}
          </Typography.Text>
          <Progress
            percent={Math.min(100, figure.target.progress ?? 0)}
            size="small"
            format={() => t('dashboard.progress', { value: figure.target?.progress ?? 0 })}
          />
        </div>
      )}
    </Card>
  );
}
