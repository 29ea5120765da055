import { type ApplicationDetail, BUDGET_CATEGORIES, TEAM_ROLES } from '@kechuang/domain';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWanYuan, textIn } from './plan-shared';

/** The 申报书 read-only, as staff see it in the formal check. */
export function ApplicationContentView({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const { content } = detail;
  return (
    <div data-testid="application-content">
      <Descriptions column={2} size="small" bordered title={t('planCalls.tabBasics')}>
        <Descriptions.Item label={t('planCalls.projectTitle')} span={2}>
          {content.basics.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('planCalls.period')} span={2}>
          {content.basics.startOn ?? '—'} ~ {content.basics.endOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('planCalls.summary')} span={2}>
          {content.basics.summary}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('planCalls.tabTeam')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, index) => String(index)}
        pagination={false}
        dataSource={content.team}
        columns={[
          { title: t('planCalls.memberName'), dataIndex: 'name' },
          {
            title: t('planCalls.memberRole'),
            dataIndex: 'role',
            render: (code) => textIn(TEAM_ROLES.find((role) => role.code === code)!),
          },
          { title: t('planCalls.idNumber'), dataIndex: 'idNumber' },
          { title: t('planCalls.workload'), dataIndex: 'workloadMonths' },
        ]}
      />
      <Typography.Title level={5}>{t('planCalls.tabBudget')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, index) => String(index)}
        pagination={false}
        dataSource={content.budget.rows}
        columns={[
          {
            title: t('planCalls.budgetCategory'),
            dataIndex: 'category',
            render: (code) => textIn(BUDGET_CATEGORIES.find((item) => item.code === code)!),
          },
          { title: t('planCalls.fiscal'), dataIndex: 'fiscalFen', render: formatWanYuan },
          { title: t('planCalls.selfRaised'), dataIndex: 'selfRaisedFen', render: formatWanYuan },
          { title: t('planCalls.other'), dataIndex: 'otherFen', render: formatWanYuan },
        ]}
      />
      <Typography.Title level={5}>{t('planCalls.tabAttachments')}</Typography.Title>
      <ul>
        {detail.attachments.map((file) => (
          <li key={file.id}>
            <a href={`/api/plan/applications/${detail.application.id}/attachments/${file.id}`}>
              {file.fileName}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
