import { type CurrentUser, loginSchema } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { apiRequest, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { homePathOf } from '../../app/navigation';
import { PublicFormCard, PublicLayout } from '../../app/public-layout';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const { setUser } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      apiRequest<CurrentUser>('/api/auth/login', { method: 'POST', body: values, isAuthProbe: true }),
    onSuccess: (user) => {
      setUser(user);
      if (user.mustChangePassword) {
        navigate('/change-password', { replace: true });
        return;
      }
      const home = homePathOf(user.role);
      navigate(from?.startsWith(home) ? from : home, { replace: true });
    },
    onError: (error) => handleApiError(error, { form }),
  });

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
