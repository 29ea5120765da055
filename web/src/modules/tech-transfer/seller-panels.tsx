import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import type { TechContract } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { CertificateButton } from './contract-drawer';
import { wan } from './contract-shared';
import { CONTRACTS_URL } from './use-contracts';

/** The signed contract (PDF only): what is on file, and a new upload while the contract may change. */
export function SignedFilePanel({
  contract,
  onUploaded,
}: {
  contract: TechContract | undefined;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const [isUploading, setIsUploading] = useState(false);
  const upload = async (file: File) => {
    if (!contract) return;
    const body = new FormData();
    body.append('file', file, file.name);
    setIsUploading(true);
    try {
      await api.upload(`${CONTRACTS_URL}/${contract.id}/signed-file`, body);
      showSuccessMessage(t('techTransfer.uploaded'));
      onUploaded();
    } catch (error) {
      handleApiError(error);
    } finally {
      setIsUploading(false);
    }
  };
  return (
    <Space wrap>
      <Upload
        accept=".pdf,application/pdf"
        maxCount={1}
        showUploadList={false}
        disabled={!contract}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button
          icon={<UploadOutlined />}
          loading={isUploading}
          disabled={!contract}
          data-testid="signed-file-upload"
        >
          {contract?.signedFileId ? t('techTransfer.replaceSignedFile') : t('techTransfer.uploadSignedFile')}
        </Button>
      </Upload>
      {contract?.signedFileId ? (
        <Typography.Link
          href={`${CONTRACTS_URL}/${contract.id}/signed-file`}
          target="_blank"
          data-testid="signed-file-link"
        >
          <FilePdfOutlined /> {t('techTransfer.openSignedFile')}
        </Typography.Link>
      ) : (
        <Typography.Text type="secondary">
          {contract ? t('techTransfer.noSignedFile') : t('techTransfer.saveBeforeUpload')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** After registration: the number, the 登记证明, and whether the seller claimed the 免税. */
export function RegisteredPanel({
  contract,
  onChanged,
  onConflict,
}: {
  contract: TechContract;
  onChanged: (result: TechContract) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const claim = useMutation({
    mutationFn: (claimed: boolean) =>
      api.post<TechContract>(`${CONTRACTS_URL}/${contract.id}/exemption-claim`, {
        version: contract.version,
        claimed,
      }),
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      onChanged(result);
    },
    onError: (error) => handleApiError(error, { onConflict }),
  });
  return (
    <Card title={t('techTransfer.registeredCard')} data-testid="registered-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size="large" wrap>
          <Typography.Text>
            {t('techTransfer.registrationNo')}：
            <Typography.Text strong copyable data-testid="registered-no">
              {contract.registrationNo}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text>
            {t('techTransfer.registeredOn')}：{contract.registeredOn}
          </Typography.Text>
          <Typography.Text>
            {t('techTransfer.totalTech')}：{wan(contract.techFen)} {t('techTransfer.wanYuan')}
          </Typography.Text>
          <CertificateButton id={contract.id} isPrimary />
        </Space>
        {contract.exemptionEligible ? (
          <Alert
            type={contract.exemptionClaimed ? 'success' : 'info'}
            showIcon
            title={
              contract.exemptionClaimed
                ? contract.exemptionConfirmedAt
                  ? t('techTransfer.claimConfirmed', { date: contract.exemptionConfirmedAt.slice(0, 10) })
                  : t('techTransfer.claimMarked')
                : t('techTransfer.claimEligible')
            }
            description={contract.exemptionReason}
            action={
              contract.exemptionClaimed ? (
                <Popconfirm
                  title={t('techTransfer.unclaimConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => claim.mutate(false)}
                >
                  <Button size="small" loading={claim.isPending} data-testid="exemption-unclaim">
                    {t('techTransfer.unclaim')}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm
                  title={t('techTransfer.claimConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'exemption-claim-confirm' }}
                  onConfirm={() => claim.mutate(true)}
                >
                  <Button type="primary" size="small" loading={claim.isPending} data-testid="exemption-claim">
                    {t('techTransfer.claim')}
                  </Button>
                </Popconfirm>
              )
            }
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('techTransfer.notEligible')}
            description={contract.exemptionReason}
          />
        )}
      </Space>
    </Card>
  );
}
