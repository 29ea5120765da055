import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { type TechContract, techContractWorkflow, type WorkflowDefinition } from '@kechuang/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Popconfirm, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, handleApiError } from '../../app/api-client';
import { showErrorMessage, showSuccessMessage } from '../../app/feedback';
import { HistoryTimeline } from '../../app/history-timeline';
import { currentLanguage, textIn } from '../../app/i18n';
import { ContractDescriptions, ReturnReasons } from './contract-detail-view';
import { ContractFormFields } from './contract-form-fields';
import { ContractStatusTag } from './contract-shared';
import { type ContractFormValues, toContractInput, toFormValues } from './contract-values';
import { RegisteredPanel, SignedFilePanel } from './seller-panels';
import {
  CONTRACTS_URL,
  contractKey,
  TECH_CONTRACTS_KEY,
  useContract,
  useContractList,
} from './use-contracts';

const EDITABLE = ['draft', 'returned'];
const NEW_VALUES: ContractFormValues = {
  buyerRegionCode: '3708',
  contractFen: '',
  carrierFen: '',
  nonTechnicalCosts: [],
  payments: [],
  linkedContractId: null,
  sameInvoice: false,
  disputed: false,
  exemptionClaimed: false,
};

/**
 * The seller's contract: filed and corrected in the form while a draft or returned for 补正 (save,
 * upload the signed PDF, submit), read-only once with the registry, and after registration the
 * 登记证明 and the 免税 claim.
 */
export function ContractFilingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const detail = useContract(id);
  const contract = detail.data;
  const [form] = Form.useForm<ContractFormValues>();
  const [loadedFor, setLoadedFor] = useState<number | 'new' | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // The seller's own 开发/转让/许可 contracts a 咨询/服务 contract may be tied to.
  const own = useContractList({ pageSize: 200 });
  const linkable = (own.data?.items ?? []).filter(
    (item) =>
      item.id !== id &&
      ['development', 'transfer', 'license'].includes(item.statCategory) &&
      !['refused', 'cancelled'].includes(item.status),
  );

  // The form shows the record once per contract; uploads and claims do not overwrite typing.
  useEffect(() => {
    if (id === null && loadedFor !== 'new') {
      form.resetFields();
      form.setFieldsValue(NEW_VALUES);
      setLoadedFor('new');
    } else if (id !== null && contract && loadedFor !== id) {
      form.resetFields();
      form.setFieldsValue(toFormValues(contract));
      setLoadedFor(id);
    }
  }, [id, contract, loadedFor, form]);

  const isEditable = id === null || (contract !== undefined && EDITABLE.includes(contract.status));
  const showRecord = (result: TechContract) => {
    queryClient.setQueryData(contractKey(result.id), result);
    void queryClient.invalidateQueries({ queryKey: [...TECH_CONTRACTS_KEY, 'list'] });
  };
  const reloadAfterConflict = async () => {
    const fresh = await detail.refetch();
    if (fresh.data) form.setFieldsValue(toFormValues(fresh.data));
  };

  /** Saves the form; the saved contract, or null when something was refused (shown on its field). */
  const save = async (): Promise<TechContract | null> => {
    try {
      await form.validateFields();
    } catch {
      showErrorMessage(t('techTransfer.fixErrors'));
      return null;
    }
    const checked = toContractInput(form.getFieldsValue(true), currentLanguage());
    if ('errors' in checked) {
      form.setFields(checked.errors as Parameters<typeof form.setFields>[0]);
      showErrorMessage(checked.errors[0].errors[0]);
      return null;
    }
    try {
      if (id === null) {
        const created = await api.post<TechContract>(CONTRACTS_URL, checked.input, { idempotencyKey });
        showRecord(created);
        return created;
      }
      const saved = await api.put<TechContract>(`${CONTRACTS_URL}/${id}`, {
        ...checked.input,
        version: contract?.version,
      });
      showRecord(saved);
      return saved;
    } catch (error) {
      handleApiError(error, { form, onConflict: () => void reloadAfterConflict() });
      return null;
    }
  };

  const saveDraft = async () => {
    setIsBusy(true);
    const saved = await save();
    setIsBusy(false);
    if (!saved) return;
    showSuccessMessage(t('common.saved'));
    if (id === null) {
      setLoadedFor(saved.id);
      navigate(`/enterprise/tech-contracts/${saved.id}`, { replace: true });
    }
  };

  const action = contract?.allowedActions.includes('resubmit') ? 'resubmit' : 'submit';
  const submit = async () => {
    setIsBusy(true);
    const saved = await save();
    if (saved) {
      try {
        const result = await api.post<TechContract>(`${CONTRACTS_URL}/${saved.id}/actions/${action}`, {
          version: saved.version,
        });
        showRecord(result);
        showSuccessMessage(t('techTransfer.submitted'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) void reloadAfterConflict();
        handleApiError(error, { form });
      }
    }
    setIsBusy(false);
  };

  if (id !== null && detail.isError)
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        extra={<Link to="/enterprise/tech-contracts">{t('common.back')}</Link>}
      />
    );
  if (id !== null && !contract) return <Spin />;

  const actionLabel = textIn(
    techContractWorkflow.transitions.find((transition) => transition.action === action)?.label ?? {
      zh: '提交登记',
      en: 'Submit',
    },
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/enterprise/tech-contracts">
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="filing-title">{contract ? contract.title : t('techTransfer.fileNew')}</span>
            {contract && <ContractStatusTag status={contract.status} />}
          </Space>
        }
        extra={
          contract && (
            <Typography.Text type="secondary">
              {t('techTransfer.versionOf', { version: contract.version })}
            </Typography.Text>
          )
        }
      >
        {contract && <ReturnReasons contract={contract} />}
        {contract && !isEditable && <ContractDescriptions contract={contract} />}
        {isEditable && (
          <Form<ContractFormValues> form={form} layout="vertical" data-testid="contract-form">
            <ContractFormFields form={form} linkable={linkable} />
            <Card size="small" title={t('techTransfer.signedFile')} style={{ marginBottom: 16 }}>
              <SignedFilePanel contract={contract} onUploaded={() => void detail.refetch()} />
            </Card>
            <Space>
              <Button
                icon={<SaveOutlined />}
                onClick={() => void saveDraft()}
                loading={isBusy}
                data-testid="contract-save"
              >
                {t('techTransfer.saveDraft')}
              </Button>
              <Popconfirm
                title={t('techTransfer.submitConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'contract-submit-confirm' }}
                onConfirm={() => void submit()}
                disabled={!contract}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  disabled={!contract}
                  loading={isBusy}
                  data-testid="contract-submit"
                >
                  {actionLabel}
                </Button>
              </Popconfirm>
              {!contract && <Typography.Text type="secondary">{t('techTransfer.saveFirst')}</Typography.Text>}
            </Space>
          </Form>
        )}
      </Card>
      {contract?.status === 'registered' && (
        <RegisteredPanel
          contract={contract}
          onChanged={showRecord}
          onConflict={() => void detail.refetch()}
        />
      )}
      {contract && (
        <Card title={t('techTransfer.history')}>
          <HistoryTimeline
            history={contract.history}
            definition={techContractWorkflow as WorkflowDefinition}
          />
        </Card>
      )}
    </Space>
  );
}
