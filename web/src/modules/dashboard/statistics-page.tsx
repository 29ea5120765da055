import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorDefinition } from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';

interface Statistic {
  key: string;
  period: string;
  value: number;
  source: string;
  sourceDate: string;
  note: string;
  version: number;
}

interface FormValues {
  key: string;
  period: string;
  value: number;
  source: string;
  sourceDate: dayjs.Dayjs;
  note?: string;
}

/** Figures published outside the bureau (地区生产总值, 全社会研发经费…), entered with their source and date. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<Statistic | 'new' | null>(null);
  const definitions = useQuery({
    queryKey: ['dashboard', 'definitions'],
    queryFn: () => api.get<IndicatorDefinition[]>('/api/dashboard/indicators'),
  });
  const statistics = useQuery({
    queryKey: ['dashboard', 'statistics'],
    queryFn: () => api.get<Statistic[]>('/api/dashboard/statistics'),
  });
  const statisticKinds = (definitions.data ?? []).filter((definition) => definition.kind === 'statistic');
  const nameOf = (key: string) => {
    const definition = statisticKinds.find((item) => item.key === key);
    return definition ? (i18n.language === 'en' ? definition.name.en : definition.name.zh) : key;
  };
  const unitOf = (key: string) => statisticKinds.find((item) => item.key === key)?.unit ?? '';
  const open = (row: Statistic | 'new') => {
    setEditing(row);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue({ ...row, sourceDate: dayjs(row.sourceDate) });
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      await api.put(`/api/dashboard/indicators/${values.key}/statistics`, {
        period: values.period,
        value: values.value,
        source: values.source,
        sourceDate: values.sourceDate.format('YYYY-MM-DD'),
        note: values.note ?? '',
        version: editing !== 'new' && editing ? editing.version : 0,
      });
      showSuccessMessage(t('dashboard.statistics.saved'));
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (error) {
      handleApiError(error, { form });
    }
  };
  const key = Form.useWatch('key', form);

  return (
    <Card
      title={t('dashboard.statistics.title')}
      extra={
        user?.role === 'staff' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => open('new')}
            data-testid="statistic-add"
          >
            {t('dashboard.statistics.add')}
          </Button>
        )
      }
    >
      <Table<Statistic>
        rowKey={(row) => `${row.key}/${row.period}`}
        loading={statistics.isPending}
        dataSource={statistics.data}
        pagination={false}
        columns={[
          { title: t('dashboard.statistics.indicator'), dataIndex: 'key', render: nameOf },
          { title: t('dashboard.statistics.period'), dataIndex: 'period' },
          {
            title: t('dashboard.statistics.value'),
            dataIndex: 'value',
            align: 'right',
            render: (value: number, row) => `${value}${unitOf(row.key)}`,
          },
          { title: t('dashboard.statistics.source'), dataIndex: 'source' },
          { title: t('dashboard.statistics.sourceDate'), dataIndex: 'sourceDate' },
          { title: t('dashboard.statistics.note'), dataIndex: 'note' },
          ...(user?.role === 'staff'
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, row: Statistic) => (
                    <Button type="link" onClick={() => open(row)}>
                      {t('dashboard.statistics.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('dashboard.statistics.add')}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="key" label={t('dashboard.statistics.indicator')} rules={[{ required: true }]}>
            <Select
              disabled={editing !== 'new'}
              options={statisticKinds.map((item) => ({ value: item.key, label: nameOf(item.key) }))}
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('dashboard.statistics.period')}
            extra={t('dashboard.statistics.periodHelp')}
            rules={[{ required: true }]}
          >
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="value" label={t('dashboard.statistics.value')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} addonAfter={key ? unitOf(key) : undefined} />
          </Form.Item>
          <Form.Item name="source" label={t('dashboard.statistics.source')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="sourceDate"
            label={t('dashboard.statistics.sourceDate')}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('dashboard.statistics.note')}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
