import { PlusOutlined } from '@ant-design/icons';
import {
  type HteApplication,
  type HteApplicationStatus,
  hteApplicationWorkflow,
  hteBatchCreateSchema,
  translate,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { HteApplicationDrawer } from './hte-application-drawer';

interface Batch {
  id: number;
  year: number;
  name: string;
  submissionDeadline: string;
  applicationCount: number;
}
interface Board {
  batch: Batch;
  columns: { status: HteApplicationStatus; items: HteApplication[] }[];
  overdueCount: number;
}

/** 高企申报跟踪: the year's batches, and for the chosen batch a board of every stage with its enterprises. */
export function HteBoardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [openApplication, setOpenApplication] = useState<number | null>(null);
  const [isCreatingBatch, setIsCreatingBatch] = useState(false);
  const [isAdding, setIsAdding] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [batchForm] = Form.useForm<{ year: number; name: string; submissionDeadline: Dayjs }>();
  const language = currentLanguage();

  const batches = useQuery({
    queryKey: ['hte', 'batches'],
    queryFn: () => api.get<{ items: Batch[] }>('/api/cultivation/hte-batches'),
  });
  const batchId = Number(params.get('batch')) || batches.data?.items.at(-1)?.id || null;
  const board = useQuery({
    queryKey: ['hte', 'board', batchId],
    queryFn: () => api.get<Board>(`/api/cultivation/hte-batches/${batchId}/board`),
    enabled: batchId !== null,
  });
  const candidates = useQuery({
    queryKey: ['hte', 'candidates', keyword],
    queryFn: () =>
      api.get<{ items: { id: number; name: string; creditCode: string }[] }>(
        `/api/enterprises?status=verified&pageSize=20&keyword=${encodeURIComponent(keyword)}`,
      ),
    enabled: isAdding,
  });

  const createBatch = useMutation({
    mutationFn: (values: { year: number; name: string; submissionDeadline: Dayjs }) =>
      api.post<Batch>('/api/cultivation/hte-batches', {
        ...values,
        submissionDeadline: values.submissionDeadline.format('YYYY-MM-DD'),
      }),
    onSuccess: (batch) => {
      void queryClient.invalidateQueries({ queryKey: ['hte'] });
      setIsCreatingBatch(false);
      batchForm.resetFields();
      setParams({ batch: String(batch.id) });
    },
    onError: (error) => handleApiError(error, { form: batchForm }),
  });
  const addEnterprise = useMutation({
    mutationFn: (enterpriseId: number) =>
      api.post('/api/cultivation/hte-applications', { enterpriseId, batchId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['hte'] });
      setIsAdding(false);
      showSuccessMessage(t('common.done'));
    },
    onError: (error) => handleApiError(error),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text>{t('hte.batch')}：</Typography.Text>
          <Select
            style={{ width: 220 }}
            value={batchId ?? undefined}
            onChange={(value) => setParams({ batch: String(value) })}
            options={(batches.data?.items ?? []).map((batch) => ({
              value: batch.id,
              label: `${batch.name}（${batch.applicationCount}）`,
            }))}
            data-testid="hte-batch-select"
          />
          {isStaff && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setIsCreatingBatch(true)}
                data-testid="hte-new-batch"
              >
                {t('hte.newBatch')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={batchId === null}
                onClick={() => setIsAdding(true)}
                data-testid="hte-add-enterprise"
              >
                {t('hte.addEnterprise')}
              </Button>
            </>
          )}
          {board.data && (
            <Typography.Text type="secondary">
              {t('hte.deadline', { date: board.data.batch.submissionDeadline })}
              {board.data.overdueCount > 0 && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('hte.overdueCount', { count: board.data.overdueCount })}
                </Tag>
              )}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {batchId === null ? (
        <Card>
          <Empty description={t('hte.noBatch')} />
        </Card>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Row gutter={12} wrap={false} data-testid="hte-board">
            {(board.data?.columns ?? []).map((column) => (
              <Col key={column.status} flex="0 0 220px">
                <Card
                  size="small"
                  title={
                    <Space>
                      {translate(hteApplicationWorkflow.states[column.status], language)}
                      <Badge
                        count={column.items.length}
                        showZero
                        color={column.items.length ? '#1456c6' : '#bfbfbf'}
                      />
                    </Space>
                  }
                  styles={{ body: { minHeight: 120, padding: 8 } }}
                  data-testid={`hte-column-${column.status}`}
                >
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {column.items.map((item) => (
                      <Card
                        key={item.id}
                        size="small"
                        hoverable
                        onClick={() => setOpenApplication(item.id)}
                        style={item.isOverdue ? { borderColor: '#ff4d4f' } : undefined}
                        data-testid={`hte-card-${item.enterpriseId}`}
                      >
                        <Typography.Text strong ellipsis style={{ width: 180 }}>
                          {item.enterpriseName}
                        </Typography.Text>
                        <div>
                          {item.helpers.find((helper) => helper.isLead)?.displayName ?? t('hte.noTeam')}
                          {item.isOverdue && (
                            <Tag color="red" style={{ marginInlineStart: 6 }}>
                              {t('hte.overdue')}
                            </Tag>
                          )}
                        </div>
                      </Card>
                    ))}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      )}
      <HteApplicationDrawer applicationId={openApplication} onClose={() => setOpenApplication(null)} />
      <Modal
        open={isCreatingBatch}
        title={t('hte.newBatch')}
        onCancel={() => setIsCreatingBatch(false)}
        onOk={() => batchForm.submit()}
        confirmLoading={createBatch.isPending}
        destroyOnHidden
        forceRender
      >
        <Form
          form={batchForm}
          layout="vertical"
          onFinish={(values) => createBatch.mutate(values)}
          initialValues={{ year: new Date().getFullYear() }}
        >
          <Form.Item
            name="year"
            label={t('hte.year')}
            rules={[zodRule(hteBatchCreateSchema.shape.year, 'year')]}
          >
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('hte.batchName')}
            rules={[zodRule(hteBatchCreateSchema.shape.name, 'name')]}
          >
            <Input placeholder="2026年第一批" data-testid="hte-batch-name" />
          </Form.Item>
          <Form.Item
            name="submissionDeadline"
            label={t('hte.submissionDeadline')}
            rules={[{ required: true, message: t('hte.deadlineRequired') }]}
          >
            <DatePicker data-testid="hte-batch-deadline" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isAdding}
        title={t('hte.addEnterprise')}
        onCancel={() => setIsAdding(false)}
        footer={null}
        destroyOnHidden
      >
        <Input.Search
          placeholder={t('enterprise.keywordPlaceholder')}
          onSearch={setKeyword}
          allowClear
          data-testid="hte-candidate-search"
        />
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {(candidates.data?.items ?? []).map((candidate) => (
            <Card
              key={candidate.id}
              size="small"
              hoverable
              onClick={() => addEnterprise.mutate(candidate.id)}
              data-testid={`hte-candidate-${candidate.id}`}
            >
              {candidate.name} <Typography.Text type="secondary">{candidate.creditCode}</Typography.Text>
            </Card>
          ))}
        </Space>
      </Modal>
    </Space>
  );
}
