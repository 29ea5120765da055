import { ENTERPRISE_FIELD_LABELS, enterpriseRegisterSchema } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { zodRule } from '../../app/form-rules';
import { PublicFormCard, PublicLayout } from '../../app/public-layout';

interface RegisterValues {
  creditCode: string;
  name: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  password: string;
  confirmPassword: string;
}

interface Registered {
  enterpriseId: number;
  username: string;
}

const fields = enterpriseRegisterSchema.shape;

export function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const [registered, setRegistered] = useState<Registered | null>(null);

  const register = useMutation({
    mutationFn: ({ confirmPassword: _confirm, contactEmail, ...values }: RegisterValues) =>
      api.post<Registered>('/api/enterprises/register', {
        ...values,
        contactEmail: contactEmail?.trim() ? contactEmail.trim() : undefined,
      }),
    onSuccess: setRegistered,
    onError: (error) => handleApiError(error, { form }),
  });

  if (registered) {
    return (
      <PublicLayout>
        <Result
          status="success"
          title={t('auth.registered')}
          subTitle={t('auth.registeredHint')}
          extra={[
            <Typography.Title
              key="username"
              level={3}
              copyable
              data-testid="registered-username"
              style={{ marginTop: 0 }}
            >
              {registered.username}
            </Typography.Title>,
            <Link key="login" to="/login">
              <Button type="primary" data-testid="go-login">
                {t('auth.goLogin')}
              </Button>
            </Link>,
          ]}
        />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <PublicFormCard title={t('auth.registerTitle')}>
        <Form<RegisterValues>
          form={form}
          layout="vertical"
          data-testid="register-form"
          onFinish={(values) => register.mutate(values)}
        >
          <Form.Item
            name="creditCode"
            label={t('enterprise.creditCode')}
            required
            validateTrigger="onBlur"
            rules={[zodRule(fields.creditCode, 'creditCode')]}
          >
            <Input maxLength={24} data-testid="register-credit-code" placeholder="91370811MA3XXXXXXX" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('enterprise.name')}
            required
            rules={[zodRule(fields.name, 'name', undefined, ENTERPRISE_FIELD_LABELS)]}
          >
            <Input data-testid="register-name" />
          </Form.Item>
          <Form.Item
            name="contactName"
            label={t('enterprise.contactName')}
            required
            rules={[zodRule(fields.contactName, 'contactName')]}
          >
            <Input data-testid="register-contact-name" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('enterprise.contactPhone')}
            required
            rules={[zodRule(fields.contactPhone, 'contactPhone')]}
          >
            <Input data-testid="register-contact-phone" />
          </Form.Item>
          <Form.Item
            name="contactEmail"
            label={t('enterprise.contactEmail')}
            rules={[zodRule(fields.contactEmail, 'contactEmail')]}
          >
            <Input data-testid="register-contact-email" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            required
            extra={t('auth.passwordRule')}
            rules={[zodRule(fields.password, 'password')]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            required
            dependencies={['password']}
            rules={[
              { required: true, message: t('auth.passwordMismatch') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (value !== getFieldValue('password')) throw new Error(t('auth.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-confirm-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={register.isPending}
            data-testid="register-submit"
          >
            {t('auth.registerSubmit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('auth.haveAccount')} <Link to="/login">{t('auth.login')}</Link>
        </Typography.Paragraph>
      </PublicFormCard>
    </PublicLayout>
  );
}
