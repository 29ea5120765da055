import { changePasswordSchema } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { PageLoading } from '../../app/guards';
import { homePathOf } from '../../app/navigation';
import { PublicFormCard, PublicLayout } from '../../app/public-layout';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = changePasswordSchema.shape;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const { user, isLoading, setUser } = useAuth();
  const navigate = useNavigate();
  const [isChanged, setIsChanged] = useState(false);

  const change = useMutation({
    mutationFn: ({ oldPassword, newPassword }: ChangePasswordValues) =>
      api.post<{ ok: true }>('/api/auth/password', { oldPassword, newPassword }),
    onSuccess: () => {
      if (!user) return;
      showSuccessMessage(t('auth.passwordChanged'));
      setUser({ ...user, mustChangePassword: false });
      // Leave once the auth context has the updated user, or the guards would send us back here.
      setIsChanged(true);
    },
    onError: (error) => handleApiError(error, { form }),
  });

  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace />;
  if (isChanged && !user.mustChangePassword) return <Navigate to={homePathOf(user.role)} replace />;

  return (
    <PublicLayout>
      <PublicFormCard title={t('auth.changePasswordTitle')}>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t('auth.mustChangeHint')} style={{ marginBottom: 16 }} />
        )}
        <Form<ChangePasswordValues>
          form={form}
          layout="vertical"
          data-testid="change-password-form"
          onFinish={(values) => change.mutate(values)}
        >
          <Form.Item
            name="oldPassword"
            label={t('auth.oldPassword')}
            required
            rules={[zodRule(fields.oldPassword, 'oldPassword')]}
          >
            <Input.Password autoComplete="current-password" data-testid="old-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            required
            extra={t('auth.passwordRule')}
            rules={[zodRule(fields.newPassword, 'newPassword')]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            required
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordMismatch') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={change.isPending}
            data-testid="change-password-submit"
          >
            {t('common.submit')}
          </Button>
          {!user.mustChangePassword && (
            <Button
              type="link"
              block
              onClick={() => navigate(homePathOf(user.role))}
              style={{ marginTop: 8 }}
            >
              {t('common.back')}
            </Button>
          )}
        </Form>
      </PublicFormCard>
    </PublicLayout>
  );
}
