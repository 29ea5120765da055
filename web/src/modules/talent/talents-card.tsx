import { TALENT_DEGREE_LABELS, TALENT_ORIGIN_LABELS, type TalentSummary } from '@kechuang/domain';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { label, PERMIT_COLORS, permitLabel, useTalentList } from './use-talent';

/**
 * The talents of a platform (employed there or linked to it) or of an enterprise, for their pages:
 * document numbers and contacts masked, as on the ledger. An enterprise sees only its own people.
 */
export function TalentsCard(props: { platformId?: number; enterpriseId?: number }) {
  const { t } = useTranslation();
  const list = useTalentList({
    platformId: props.platformId,
    employerEnterpriseId: props.enterpriseId,
    pageSize: 50,
    sort: 'name',
    order: 'asc',
  });
  return (
    <Card
      size="small"
      title={t('talent.talentsCard', { count: list.data?.total ?? 0 })}
      data-testid="talents-card"
    >
      <Table<TalentSummary>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('talent.none') }}
        columns={[
          { title: t('talent.name'), dataIndex: 'name', width: 120 },
          {
            title: t('talent.origin'),
            dataIndex: 'origin',
            width: 90,
            render: (origin: TalentSummary['origin']) => label(TALENT_ORIGIN_LABELS, origin),
          },
          {
            title: t('talent.degree'),
            dataIndex: 'degree',
            width: 80,
            render: (degree: TalentSummary['degree']) => label(TALENT_DEGREE_LABELS, degree),
          },
          { title: t('talent.title'), dataIndex: 'title', width: 120 },
          { title: t('talent.field'), dataIndex: 'field' },
          { title: t('talent.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
          { title: t('talent.contact'), dataIndex: 'contactMasked', width: 130 },
          {
            title: t('talent.permitClass'),
            dataIndex: 'permitClass',
            width: 100,
            render: (value: TalentSummary['permitClass']) =>
              value ? <Tag color={PERMIT_COLORS[value]}>{permitLabel(value)}</Tag> : null,
          },
          { title: t('talent.arrivalDate'), dataIndex: 'arrivalDate', width: 110 },
        ]}
      />
    </Card>
  );
}
