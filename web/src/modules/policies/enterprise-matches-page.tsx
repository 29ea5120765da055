import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { MatchesView } from './matches-view';

/** 企业可享政策 for the bureau: any verified enterprise's match against every item, with the reasons. */
export function EnterpriseMatchesPage() {
  const { t } = useTranslation();
  const { values, update } = useUrlFilters(['enterprise', 'year'] as const);
  const enterpriseId = values.enterprise ? Number(values.enterprise) : null;
  const year = values.year ? Number(values.year) : new Date().getFullYear() - 1;
  return (
    <Card title={t('policies.matchesTitle')} data-testid="enterprise-matches">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ maxWidth: 520 }}>
          <EnterprisePicker
            value={enterpriseId ?? undefined}
            onChange={(id) => update({ enterprise: id })}
            data-testid="matches-enterprise"
          />
        </div>
        {enterpriseId !== null && (
          <MatchesView
            enterpriseId={enterpriseId}
            year={year}
            onYearChange={(next) => update({ year: next })}
          />
        )}
      </Space>
    </Card>
  );
}
