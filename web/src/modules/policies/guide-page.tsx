import type { GuideDistribution } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ExportButton } from '../../app/list-page/list-page';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { GuideEditionsCard } from './guide-editions-card';
import { POLICIES_KEY, POLICIES_URL } from './use-policies';

interface DistributionValues {
  recipient: string;
  copies: number;
  distributedOn: Dayjs;
}

/** 《科技创新政策指引》: the Word edition generated from the library, and the printed copies handed out. */
export function GuidePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { values, update } = useUrlFilters(['edition'] as const);
  const edition = values.edition ? Number(values.edition) : new Date().getFullYear() - 1;
  const list = useQuery({
    queryKey: [...POLICIES_KEY, 'guide', edition],
    queryFn: () =>
      api.get<{ items: GuideDistribution[]; totalCopies: number }>(
        `${POLICIES_URL}/guide?edition=${edition}`,
      ),
  });
  const recordForm = useRecordForm<GuideDistribution & { version?: number }, DistributionValues>({
    url: `${POLICIES_URL}/guide/distributions`,
    invalidateKey: [...POLICIES_KEY, 'guide'],
    toBody: (input) => ({
      edition,
      recipient: input.recipient,
      copies: input.copies,
      distributedOn: input.distributedOn.format('YYYY-MM-DD'),
    }),
  });
  return (
    <Card
      title={t('policies.guideTitle')}
      data-testid="guide-page"
      extra={
        <Space>
          <Select
            style={{ width: 110 }}
            value={edition}
            onChange={(value) => update({ edition: value })}
            options={yearOptions(2019)}
            data-testid="guide-edition"
          />
          <ExportButton
            href={`${POLICIES_URL}/guide/document?edition=${edition}`}
            label={t('policies.downloadGuide')}
            testId="guide-download"
          />
          {user?.role === 'staff' && (
            <AddButton
              label={t('policies.addDistribution')}
              onClick={() => recordForm.open('new')}
              testId="guide-add"
            />
          )}
        </Space>
      }
    >
      <Alert type="info" showIcon message={t('policies.guideIntro')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph strong data-testid="guide-total">
        {t('policies.totalCopies', { count: list.data?.totalCopies ?? 0 })}
      </Typography.Paragraph>
      <Table<GuideDistribution>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('policies.distributedOn'), dataIndex: 'distributedOn', width: 120 },
          { title: t('policies.recipient'), dataIndex: 'recipient' },
          { title: t('policies.copies'), dataIndex: 'copies', width: 100 },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <GuideEditionsCard edition={edition} canGenerate={user?.role === 'staff'} />
      </div>
      <FormModal recordForm={recordForm} title={t('policies.addDistribution')} okTestId="guide-save">
        <Form.Item name="recipient" label={t('policies.recipient')} rules={[{ required: true }]}>
          <Input data-testid="guide-recipient" />
        </Form.Item>
        <Form.Item name="copies" label={t('policies.copies')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="guide-copies" />
        </Form.Item>
        <Form.Item name="distributedOn" label={t('policies.distributedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="guide-date" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
