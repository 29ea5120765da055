import { UploadOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORIES, type PlanProjectDetail, taskContractWorkflow } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { HistoryTimeline } from '../../app/history-timeline';
import { WorkflowActions } from '../../app/workflow-actions';
import { StateTag, textOf, wan, wanToFen } from './shared';

type Detail = PlanProjectDetail;

/** The 任务书: its content, budget (editable while drafted), Word download, signed scan and actions. */
export function ContractTab({ detail, onChange }: { detail: Detail; onChange: (result?: Detail) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const contract = detail.contract;
  const projectId = detail.project.id;
  const [isEditing, setEditing] = useState(false);
  const [budgetForm] = Form.useForm();
  const save = useMutation({
    mutationFn: (values: {
      rows: { category: string; fiscal: number; selfRaised: number; other: number }[];
    }) =>
      api.put<Detail>(`/api/plan-projects/${projectId}/contract`, {
        version: contract?.version,
        rows: values.rows.map((row) => ({
          category: row.category,
          fiscalFen: wanToFen(row.fiscal ?? 0),
          selfRaisedFen: wanToFen(row.selfRaised ?? 0),
          otherFen: wanToFen(row.other ?? 0),
        })),
      }),
    onSuccess: (result) => {
      setEditing(false);
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { form: budgetForm, onConflict: () => onChange() }),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('version', String(contract?.version));
      form.append('file', file);
      return api.upload<Detail>(`/api/plan-projects/${projectId}/contract/signed`, form);
    },
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { onConflict: () => onChange() }),
  });
  if (!contract) return <Alert type="info" title={t('plan.noContract')} />;
  const content = contract.content;
  const isStaff = user?.role === 'staff';
  const totals = content.budgetRows.reduce(
    (sum, row) => [sum[0] + row.fiscalFen, sum[1] + row.selfRaisedFen, sum[2] + row.otherFen],
    [0, 0, 0],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <StateTag state={contract.status} label={taskContractWorkflow.states[contract.status]} />
        <Typography.Text type="secondary">
          {t('plan.revision', { revision: contract.revision })}
        </Typography.Text>
        <Button href={`/api/plan-projects/${projectId}/contract/word`} data-testid="contract-word">
          {t('plan.downloadWord')}
        </Button>
        {contract.signedFileId && (
          <Button
            type="link"
            href={`/api/plan-projects/${projectId}/contract/signed`}
            data-testid="contract-signed-link"
          >
            {t('plan.signedScan')}：{contract.signedFileName}
          </Button>
        )}
        {contract.allowedActions.includes('uploadSigned') && (
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="contract-upload"
            >
              {t('plan.uploadSigned')}
            </Button>
          </Upload>
        )}
        <WorkflowActions<Detail>
          definition={taskContractWorkflow}
          allowedActions={contract.allowedActions.filter((action) => action !== 'uploadSigned')}
          actionUrl={(action) => `/api/plan-projects/${projectId}/contract/actions/${action}`}
          version={contract.version}
          onDone={(result) => onChange(result)}
          onConflict={() => onChange()}
        />
      </Space>
      {contract.allowedActions.includes('uploadSigned') && (
        <Alert type="info" showIcon title={t('plan.uploadHint')} />
      )}
      {content.approvedFen !== content.requestedFen && (
        <Alert type="warning" showIcon title={t('plan.scaledNote')} />
      )}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('plan.title')}>{content.title}</Descriptions.Item>
        <Descriptions.Item label={t('plan.enterprise')}>{content.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('plan.period2')}>
          {content.startOn} ~ {content.endOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('plan.approved')}>
          {wan(content.approvedFen)}（{t('plan.requested')} {wan(content.requestedFen)}）
        </Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t('plan.budgetTable')}
        extra={
          isStaff &&
          contract.status === 'drafted' &&
          !isEditing && (
            <Button
              size="small"
              onClick={() => {
                budgetForm.setFieldsValue({
                  rows: content.budgetRows.map((row) => ({
                    category: row.category,
                    fiscal: row.fiscalFen / 1_000_000,
                    selfRaised: row.selfRaisedFen / 1_000_000,
                    other: row.otherFen / 1_000_000,
                  })),
                });
                setEditing(true);
              }}
              data-testid="contract-edit-budget"
            >
              {t('plan.editBudget')}
            </Button>
          )
        }
      >
        {isEditing ? (
          <Form form={budgetForm} onFinish={(values) => save.mutate(values)}>
            <Form.List name="rows">
              {(fields) =>
                fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'category']} style={{ width: 100 }}>
                      <Input disabled />
                    </Form.Item>
                    <Form.Item name={[field.name, 'fiscal']} label={t('plan.fiscal')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'selfRaised']} label={t('plan.selfRaised')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'other']} label={t('plan.other')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('plan.saveBudget')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="category"
            dataSource={[
              ...content.budgetRows,
              { category: 'total', fiscalFen: totals[0], selfRaisedFen: totals[1], otherFen: totals[2] },
            ]}
            columns={[
              {
                title: t('plan.category'),
                dataIndex: 'category',
                render: (code: string) => {
                  const category = BUDGET_CATEGORIES.find((item) => item.code === code);
                  return category ? textOf(category) : t('plan.total');
                },
              },
              { title: t('plan.fiscal'), dataIndex: 'fiscalFen', render: (fen: number) => wan(fen) },
              { title: t('plan.selfRaised'), dataIndex: 'selfRaisedFen', render: (fen: number) => wan(fen) },
              { title: t('plan.other'), dataIndex: 'otherFen', render: (fen: number) => wan(fen) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('plan.targets')}>
        <ul style={{ margin: 0 }}>
          {content.targets.map((target) => (
            <li key={target.name}>
              {target.name}：{target.value}
              {target.unit}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('plan.milestones')}>
        <ul style={{ margin: 0 }}>
          {content.milestones.map((milestone) => (
            <li key={`${milestone.dueOn}-${milestone.description}`}>
              {milestone.dueOn}：{milestone.description}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('plan.history')}>
        <HistoryTimeline history={contract.history} />
      </Card>
    </Space>
  );
}
