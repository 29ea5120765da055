import { type CurrentUser, loginSchema } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, apiRequest, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { homePathOf } from '../../app/navigation';
import { PublicFormCard, PublicLayout } from '../../app/public-layout';

interface LoginValues {
  username: string;
  password: string;
  /** Asked for once the server says the account has a second factor. */
  code?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const { user, setUser } = useAuth();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  // Where to go once the auth context holds the signed-in user; navigating earlier would let the
  // route guards see the previous (empty) session and send us back here.
  const [redirect, setRedirect] = useState<{ userId: number; path: string } | null>(null);
  const [isCodeAsked, setIsCodeAsked] = useState(false);

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      apiRequest<CurrentUser>('/api/auth/login', { method: 'POST', body: values, isAuthProbe: true }),
    onSuccess: (signedIn) => {
      setUser(signedIn);
      const home = homePathOf(signedIn.role);
      const path = signedIn.mustChangePassword
        ? '/change-password'
        : signedIn.mustEnrolSecondFactor
          ? '/account/second-factor'
          : from?.startsWith(home)
            ? from
            : home;
      setRedirect({ userId: signedIn.id, path });
    },
    onError: (error) => {
      // The password was right and the account has a second factor: ask for the code, no error shown.
      if (error instanceof ApiError && error.code === 'secondFactorRequired' && !isCodeAsked) {
        setIsCodeAsked(true);
        return;
      }
      handleApiError(error, { form });
    },
  });

  if (redirect && user?.id === redirect.userId) return <Navigate to={redirect.path} replace />;

  return (
    <PublicLayout>
      <PublicFormCard title={t('auth.loginTitle')}>
        <Form<LoginValues>
          form={form}
          layout="vertical"
          size="large"
          data-testid="login-form"
          onFinish={(values) => login.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            required
            rules={[zodRule(loginSchema.shape.username, 'username')]}
          >
            <Input
              autoComplete="username"
              placeholder={t('auth.usernamePlaceholder')}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            required
            rules={[zodRule(loginSchema.shape.password, 'password')]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {isCodeAsked && (
            <>
              <Alert type="info" showIcon title={t('auth.loginCodeHint')} style={{ marginBottom: 16 }} />
              <Form.Item name="code" label={t('auth.loginCode')} required>
                <Input
                  autoFocus
                  autoComplete="one-time-code"
                  maxLength={20}
                  placeholder="123456"
                  data-testid="login-code"
                />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link>
        </Typography.Paragraph>
      </PublicFormCard>
    </PublicLayout>
  );
}
