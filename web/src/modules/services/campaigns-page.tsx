import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PROBLEM_CATEGORIES, type ServiceCampaign, type ServiceVisit } from '@kechuang/domain';
import type { TableProps } from 'antd';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { ExportButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ActionModal, useActionModal } from './action-modal';
import { SERVICES_URL, useCampaigns, useDepartments, useVisitList } from './use-services';

interface VisitValues {
  enterpriseId: number;
  visitedOn: Dayjs;
  team: string;
  visitors: string;
  met: string;
  findings: string;
  suggestions?: string;
  problems?: { category: string; description: string; departmentId: number; assignee?: string }[];
}

/** 大调研: the campaign's progress (visited / planned by team and street), its visits, and a visit recorded with its problems. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const campaigns = useCampaigns();
  const departments = useDepartments();
  const { values, page, pageSize, update } = useUrlFilters(['campaignId'] as const);
  const campaign: ServiceCampaign | undefined =
    campaigns.data?.items.find((item) => String(item.id) === values.campaignId) ?? campaigns.data?.items[0];
  const visits = useVisitList({ campaignId: campaign?.id, page, pageSize }, campaign !== undefined);
  const record = useActionModal<VisitValues, ServiceCampaign>({
    submit: (input, target) =>
      api.post(`${SERVICES_URL}/visits`, {
        ...input,
        campaignId: target.id,
        visitedOn: input.visitedOn.format('YYYY-MM-DD'),
        suggestions: input.suggestions?.trim() || null,
        problems: (input.problems ?? []).map((problem) => ({
          ...problem,
          assignee: problem.assignee?.trim() || null,
        })),
      }),
    successText: t('common.saved'),
  });
  const required = [{ required: true, message: t('services.required') }];
  if (campaigns.data && !campaign)
    return (
      <Card title={t('services.campaignsTitle')}>
        <Empty description={t('services.noCampaign')} />
      </Card>
    );
  if (!campaign) return <Card loading />;

  const visitColumns: TableProps<ServiceVisit>['columns'] = [
    { title: t('services.visitedOn'), dataIndex: 'visitedOn', width: 110 },
    { title: t('services.visitTarget'), dataIndex: 'enterpriseName' },
    { title: t('services.street'), dataIndex: 'street', width: 110 },
    { title: t('services.team'), dataIndex: 'team', width: 110 },
    { title: t('services.met'), dataIndex: 'met', width: 120 },
    { title: t('services.findings'), dataIndex: 'findings' },
    { title: t('services.problemCount'), dataIndex: 'problemCount', width: 80 },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('services.campaignsTitle')}
        extra={
          <Select
            style={{ minWidth: 360 }}
            value={campaign.id}
            onChange={(id) => update({ campaignId: id, page: 1 })}
            options={(campaigns.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        }
      >
        <Space size="large" wrap>
          <Statistic title={t('services.planned')} value={campaign.planned} />
          <Statistic title={t('services.visited')} value={campaign.visited} />
          <Statistic title={t('services.problems')} value={campaign.problems} />
          <Progress
            type="circle"
            size={80}
            percent={campaign.planned ? Math.round((campaign.visited / campaign.planned) * 100) : 0}
          />
        </Space>
        <Table
          rowKey={(row) => `${row.team}-${row.street}`}
          size="small"
          style={{ marginTop: 16 }}
          pagination={false}
          dataSource={campaign.progress}
          columns={[
            { title: t('services.team'), dataIndex: 'team' },
            { title: t('services.street'), dataIndex: 'street' },
            { title: t('services.planned'), dataIndex: 'planned' },
            { title: t('services.visited'), dataIndex: 'visited' },
          ]}
        />
      </Card>
      <Card
        title={t('services.visits')}
        extra={
          <Space>
            <ExportButton
              href={`${SERVICES_URL}/visits/export${toQueryString({ campaignId: campaign.id })}`}
            />
            {user?.role === 'staff' && (
              <Button type="primary" onClick={() => record.open(campaign)} data-testid="visit-add">
                {t('services.recordVisit')}
              </Button>
            )}
          </Space>
        }
      >
        <ListTable<ServiceVisit>
          data-testid="visit-table"
          columns={visitColumns}
          query={visits}
          paging={{ page, pageSize, update }}
        />
      </Card>
      <ActionModal action={record} title={t('services.recordVisit')} okTestId="visit-save" width={760}>
        <Form.Item name="enterpriseId" label={t('services.visitTarget')} rules={required}>
          <EnterprisePicker data-testid="visit-target" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="visitedOn" label={t('services.visitedOn')} rules={required}>
            <DatePicker data-testid="visit-date" />
          </Form.Item>
          <Form.Item name="team" label={t('services.team')} rules={required}>
            <Input data-testid="visit-team" />
          </Form.Item>
          <Form.Item name="visitors" label={t('services.visitors')} rules={required}>
            <Input data-testid="visit-visitors" />
          </Form.Item>
          <Form.Item name="met" label={t('services.met')} rules={required}>
            <Input data-testid="visit-met" />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label={t('services.findings')} rules={required}>
          <Input.TextArea rows={2} data-testid="visit-findings" />
        </Form.Item>
        <Form.Item name="suggestions" label={t('services.suggestions')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'category']} label={t('services.category')} rules={required}>
                    <Select
                      style={{ width: 140 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid={`problem-category-${index}`}
                      options={PROBLEM_CATEGORIES.map((category) => ({
                        value: category.code,
                        label: category.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('services.description')}
                    rules={required}
                  >
                    <Input style={{ width: 220 }} data-testid={`problem-description-${index}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'departmentId']}
                    label={t('services.department')}
                    rules={required}
                  >
                    <Select
                      style={{ width: 200 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid={`problem-department-${index}`}
                      options={(departments.data?.items ?? []).map((item) => ({
                        value: item.id,
                        label: item.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'assignee']} label={t('services.assignee')}>
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="problem-add">
                {t('services.addProblem')}
              </Button>
            </>
          )}
        </Form.List>
      </ActionModal>
    </Space>
  );
}
