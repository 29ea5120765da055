import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface InitialPasswordModalProps {
  grant: { username: string; initialPassword: string } | null;
  onClose: () => void;
}

/** Shows a new or reset password once, with a copy button; it is not kept anywhere in the UI. */
export function InitialPasswordModal({ grant, onClose }: InitialPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={grant !== null}
      title={t('admin.initialPasswordTitle')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.confirm')}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('admin.initialPasswordHint')} style={{ marginBottom: 16 }} />
      {grant && (
        <>
          <Typography.Paragraph>
            {t('admin.username')}：<Typography.Text strong>{grant.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('admin.initialPasswordTitle')}：
            <Typography.Text
              code
              copyable={{ tooltips: [t('common.copy'), t('common.copied')] }}
              data-testid="initial-password"
            >
              {grant.initialPassword}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
