import { type Objection, type PublicityNoticeDetail, projectApplicationWorkflow } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { ListTable } from '../../app/list-page/list-table';
import { StateTag, wan } from './shared';

interface StaffNotice {
  id: number;
  title: string;
  startOn: string;
  endOn: string;
  establishedAt: string | null;
  isCurrent: boolean;
  itemCount: number;
  openObjectionCount: number;
}

const KEY = ['publicity-notices'] as const;

function NoticeDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...KEY, id],
    queryFn: () => api.get<PublicityNoticeDetail>(`/api/publicity-notices/${id}`),
    enabled: id !== null,
  });
  const [objectionForm] = Form.useForm();
  const [resolveForm] = Form.useForm();
  const [isRecording, setRecording] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const done = (result: PublicityNoticeDetail) => {
    queryClient.setQueryData([...KEY, id], result);
    void queryClient.invalidateQueries({ queryKey: KEY });
    void queryClient.invalidateQueries({ queryKey: ['plan-approval'] });
    showSuccessMessage(t('common.done'));
  };
  const reload = () => void detail.refetch();
  const record = useMutation({
    mutationFn: (values: {
      applicationId: number;
      source: string;
      content: string;
      contact?: string;
      receivedOn: Dayjs;
    }) =>
      api.post<PublicityNoticeDetail>(`/api/publicity-notices/${id}/objections`, {
        ...values,
        contact: values.contact ?? '',
        receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
      }),
    onSuccess: (result) => {
      setRecording(false);
      objectionForm.resetFields();
      done(result);
    },
    onError: (error) => handleApiError(error, { form: objectionForm }),
  });
  const resolve = useMutation({
    mutationFn: (values: { resolution: string; note: string }) =>
      api.post<PublicityNoticeDetail>(`/api/publicity-objections/${resolving?.id}/resolve`, {
        version: resolving?.version,
        ...values,
      }),
    onSuccess: (result) => {
      setResolving(null);
      resolveForm.resetFields();
      done(result);
    },
    onError: (error) => handleApiError(error, { form: resolveForm, onConflict: reload }),
  });
  const establish = useMutation({
    mutationFn: () =>
      api.post<PublicityNoticeDetail>(`/api/publicity-notices/${id}/establish`, {
        version: detail.data?.version,
      }),
    onSuccess: done,
    onError: (error) => handleApiError(error, { onConflict: reload }),
  });
  const notice = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={900} title={notice?.title}>
      {notice && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('plan.period')}>
              {notice.startOn} ~ {notice.endOn}（{t('plan.workingDays', { days: notice.workingDays })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.status')}>
              {notice.establishedAt ? (
                <Tag color="green">{t('plan.establishedTag')}</Tag>
              ) : notice.isCurrent ? (
                <Tag color="purple">{t('plan.current')}</Tag>
              ) : (
                <Tag>{t('plan.ended')}</Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {notice.establishBlocker && !notice.establishedAt && (
            <Alert type="warning" showIcon title={notice.establishBlocker} data-testid="establish-blocker" />
          )}
          {isStaff && !notice.establishedAt && (
            <Space>
              <Popconfirm
                title={t('plan.establishConfirm')}
                onConfirm={() => establish.mutate()}
                okButtonProps={{ 'data-testid': 'confirm-establish' }}
              >
                <Button type="primary" loading={establish.isPending} data-testid="notice-establish">
                  {t('plan.establish')}
                </Button>
              </Popconfirm>
              <Button onClick={() => setRecording(true)} data-testid="notice-record-objection">
                {t('plan.recordObjection')}
              </Button>
            </Space>
          )}
          <Card size="small" title={t('plan.items')}>
            <Table
              rowKey="applicationId"
              size="small"
              pagination={false}
              dataSource={notice.items}
              columns={[
                { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('plan.title'), dataIndex: 'title' },
                { title: t('plan.approved'), dataIndex: 'approvedFen', render: (fen: number) => wan(fen) },
                {
                  title: t('plan.status'),
                  dataIndex: 'status',
                  render: (status: keyof typeof projectApplicationWorkflow.states) => (
                    <StateTag state={status} label={projectApplicationWorkflow.states[status]} />
                  ),
                },
              ]}
              data-testid="notice-items"
            />
          </Card>
          <Card size="small" title={t('plan.objections')}>
            <Table<Objection>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={notice.objections}
              columns={[
                { title: t('plan.title'), dataIndex: 'projectTitle' },
                { title: t('plan.source'), dataIndex: 'source' },
                { title: t('plan.content'), dataIndex: 'content' },
                { title: t('plan.receivedOn'), dataIndex: 'receivedOn' },
                {
                  title: t('plan.resolution'),
                  render: (_, row) =>
                    row.resolution ? (
                      `${t(`plan.${row.resolution}`)}：${row.resolutionNote ?? ''}`
                    ) : isStaff ? (
                      <Button
                        size="small"
                        onClick={() => setResolving(row)}
                        data-testid={`resolve-${row.id}`}
                      >
                        {t('plan.resolve')}
                      </Button>
                    ) : (
                      <Tag color="orange">{t('plan.openObjections')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      <Modal
        open={isRecording}
        title={t('plan.recordObjection')}
        onCancel={() => setRecording(false)}
        onOk={() => objectionForm.submit()}
        okButtonProps={{ loading: record.isPending }}
      >
        <Form form={objectionForm} layout="vertical" onFinish={(values) => record.mutate(values)}>
          <Form.Item
            name="applicationId"
            label={t('plan.title')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Select
              options={(notice?.items ?? []).map((item) => ({
                value: item.applicationId,
                label: `${item.title}（${item.enterpriseName}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('plan.source')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('plan.content')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="contact" label={t('plan.contact')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label={t('plan.receivedOn')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resolving !== null}
        title={t('plan.resolve')}
        onCancel={() => setResolving(null)}
        onOk={() => resolveForm.submit()}
        okButtonProps={{ loading: resolve.isPending }}
      >
        <Form form={resolveForm} layout="vertical" onFinish={(values) => resolve.mutate(values)}>
          <Form.Item
            name="resolution"
            label={t('plan.resolution')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Radio.Group
              options={[
                { value: 'dismissed', label: t('plan.dismissed') },
                { value: 'upheld', label: t('plan.upheld') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('plan.resolutionNote')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** 立项公示 management: notices with their period, projects and objections, and establishment. */
export function PublicityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const notices = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: StaffNotice[] }>('/api/publicity-notices'),
  });
  const openId = Number(params.get('notice')) || null;
  return (
    <Card title={t('plan.notices')}>
      <ListTable<StaffNotice>
        query={notices}
        columns={[
          { title: t('plan.noticeTitle'), dataIndex: 'title' },
          { title: t('plan.period'), render: (_, row) => `${row.startOn} ~ ${row.endOn}` },
          { title: t('plan.items'), dataIndex: 'itemCount', width: 100 },
          { title: t('plan.openObjections'), dataIndex: 'openObjectionCount', width: 110 },
          {
            title: t('plan.status'),
            width: 120,
            render: (_, row) =>
              row.establishedAt ? (
                <Tag color="green">{t('plan.establishedTag')}</Tag>
              ) : row.isCurrent ? (
                <Tag color="purple">{t('plan.current')}</Tag>
              ) : (
                <Tag>{t('plan.ended')}</Tag>
              ),
          },
          {
            title: '',
            width: 80,
            render: (_, row) => (
              <Button
                type="link"
                onClick={() => setParams({ notice: String(row.id) })}
                data-testid={`open-notice-${row.id}`}
              >
                {t('plan.open')}
              </Button>
            ),
          },
        ]}
        data-testid="notice-table"
      />
      <NoticeDrawer id={openId} onClose={() => setParams({})} />
    </Card>
  );
}
