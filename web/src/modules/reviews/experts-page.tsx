import {
  EXPERT_FIELDS,
  EXPERT_TITLES,
  type ExpertStatus,
  type ExpertSummary,
  expertWorkflow,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { textIn } from '../cultivation/registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}

const FIELD_OPTIONS = EXPERT_FIELDS.map((field) => ({ value: field.code, label: field.zh }));

interface ExpertFormValues {
  username: string;
  name: string;
  title: string;
  fields: string[];
  organisationName: string;
  creditCode?: string;
  phone: string;
}

/** 专家库: staff enter experts, approve them, and look up a phone number (audited). */
export function ExpertsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [keyword, setKeyword] = useState('');
  const [initialPassword, setInitialPassword] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['reviews', 'experts', page, keyword],
    queryFn: () =>
      api.get<Page<ExpertSummary>>(`/api/reviews/experts${toQueryString({ page, pageSize: 20, keyword })}`),
    placeholderData: keepPreviousData,
  });
  const expert = useRecordForm<ExpertSummary, ExpertFormValues, { initialPassword: string }>({
    url: '/api/reviews/experts',
    invalidateKey: ['reviews', 'experts'],
    toBody: (values) => ({
      username: values.username,
      name: values.name,
      title: values.title,
      fields: values.fields,
      organisation: { name: values.organisationName, creditCode: values.creditCode || null },
      phone: values.phone,
    }),
    // The one-time password is the outcome to show, in the alert above the table.
    successText: null,
    onSaved: (result) => setInitialPassword(result.initialPassword),
  });
  const act = useMutation({
    mutationFn: (expert: ExpertSummary) =>
      api.post(`/api/reviews/experts/${expert.id}/actions/approve`, { version: expert.version }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'experts'] });
    },
    onError: (error) => handleApiError(error),
  });
  const reveal = async (expert: ExpertSummary) => {
    try {
      const contact = await api.post<{ phone: string }>(`/api/reviews/experts/${expert.id}/contact`);
      Modal.info({ title: expert.name, content: t('reviews.contact', { phone: contact.phone }) });
    } catch (error) {
      handleApiError(error);
    }
  };
  const fieldLabel = (code: string) => {
    const found = EXPERT_FIELDS.find((field) => field.code === code);
    return found ? textIn(found) : code;
  };

  return (
    <Card
      title={t('reviews.experts')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('common.keyword')}
            onSearch={(value) => {
              setKeyword(value);
              setPage(1);
            }}
          />
          {isStaff && (
            <AddButton
              label={t('reviews.addExpert')}
              onClick={() => expert.open('new')}
              testId="expert-add"
            />
          )}
        </Space>
      }
    >
      {initialPassword && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setInitialPassword(null)}
          title={t('reviews.initialPassword', { password: initialPassword })}
          style={{ marginBottom: 16 }}
        />
      )}
      <ListTable<ExpertSummary>
        query={list}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('reviews.name'), dataIndex: 'name' },
          { title: t('reviews.title'), dataIndex: 'title' },
          {
            title: t('reviews.fields'),
            dataIndex: 'fields',
            render: (fields: string[]) => fields.map((code) => <Tag key={code}>{fieldLabel(code)}</Tag>),
          },
          { title: t('reviews.organisation'), render: (_, row) => row.organisation.name },
          { title: t('reviews.phone'), dataIndex: 'phoneMasked' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: ExpertStatus) => <Tag>{textIn(expertWorkflow.states[status])}</Tag>,
          },
          ...(isStaff
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, row: ExpertSummary) => (
                    <Space>
                      <Button size="small" onClick={() => reveal(row)}>
                        {t('reviews.revealContact')}
                      </Button>
                      {row.status === 'pending' && (
                        <Button size="small" type="primary" onClick={() => act.mutate(row)}>
                          {textIn(expertWorkflow.transitions[0].label)}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal recordForm={expert} title={t('reviews.addExpert')} okText={t('common.confirm')}>
        <Form.Item name="name" label={t('reviews.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label={t('reviews.username')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('reviews.title')} rules={[{ required: true }]}>
          <Select options={EXPERT_TITLES.map((title) => ({ value: title, label: title }))} />
        </Form.Item>
        <Form.Item name="fields" label={t('reviews.fields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={FIELD_OPTIONS} />
        </Form.Item>
        <Form.Item name="organisationName" label={t('reviews.organisation')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t('reviews.creditCode')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('reviews.phone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
