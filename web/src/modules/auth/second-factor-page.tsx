import {
  type RecoveryCodes,
  SECOND_FACTOR_FIELD_LABELS,
  type SecondFactorSetup,
  secondFactorCodeSchema,
} from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, QRCode, Space, Steps, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { PageLoading } from '../../app/guards';
import { homePathOf } from '../../app/navigation';
import { PublicFormCard, PublicLayout } from '../../app/public-layout';

interface CodeValues {
  code: string;
}

const codeRule = zodRule(secondFactorCodeSchema.shape.code, 'code', undefined, SECOND_FACTOR_FIELD_LABELS);

function CodeForm({
  testId,
  submitLabel,
  isPending,
  onSubmit,
  danger,
}: {
  testId: string;
  submitLabel: string;
  isPending: boolean;
  onSubmit: (values: CodeValues, form: ReturnType<typeof Form.useForm<CodeValues>>[0]) => void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CodeValues>();
  return (
    <Form<CodeValues>
      form={form}
      layout="vertical"
      data-testid={testId}
      onFinish={(values) => onSubmit(values, form)}
    >
      <Form.Item name="code" label={t('auth.secondFactorCode')} required rules={[codeRule]}>
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          data-testid={`${testId}-code`}
        />
      </Form.Item>
      <Button
        type="primary"
        danger={danger}
        htmlType="submit"
        block
        loading={isPending}
        data-testid={`${testId}-submit`}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Recovery codes, shown once: to be printed or written down and kept apart from the phone. */
function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('auth.recoveryCodesHint')} />
      <List
        bordered
        size="small"
        grid={{ column: 2 }}
        dataSource={codes}
        data-testid="recovery-codes"
        renderItem={(code) => (
          <List.Item>
            <Typography.Text code copyable>
              {code}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Button type="primary" block onClick={onDone} data-testid="recovery-codes-done">
        {t('auth.recoveryCodesSaved')}
      </Button>
    </Space>
  );
}

/**
 * 动态验证码 (two-factor authentication): binding an authenticator app by QR code, the recovery codes,
 * renewing them and turning the factor off where the role allows. A role that requires it lands here
 * after sign-in until the binding is done.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const { user, isLoading, setUser } = useAuth();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<SecondFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const start = useMutation({
    mutationFn: () => api.post<SecondFactorSetup>('/api/auth/second-factor/setup', {}),
    onSuccess: setSetup,
    onError: (error) => handleApiError(error),
  });
  const enable = useMutation({
    mutationFn: (values: CodeValues & { form: ReturnType<typeof Form.useForm<CodeValues>>[0] }) =>
      api.post<RecoveryCodes>('/api/auth/second-factor/enable', { code: values.code }),
    onSuccess: (result) => {
      setCodes(result.recoveryCodes);
      setSetup(null);
      if (user) setUser({ ...user, secondFactorEnabled: true, mustEnrolSecondFactor: false });
    },
    onError: (error, values) => handleApiError(error, { form: values.form }),
  });
  const renew = useMutation({
    mutationFn: (values: CodeValues & { form: ReturnType<typeof Form.useForm<CodeValues>>[0] }) =>
      api.post<RecoveryCodes>('/api/auth/second-factor/recovery-codes', { code: values.code }),
    onSuccess: (result) => setCodes(result.recoveryCodes),
    onError: (error, values) => handleApiError(error, { form: values.form }),
  });
  const disable = useMutation({
    mutationFn: (values: CodeValues & { form: ReturnType<typeof Form.useForm<CodeValues>>[0] }) =>
      api.post<{ ok: true }>('/api/auth/second-factor/disable', { code: values.code }),
    onSuccess: () => {
      if (user) setUser({ ...user, secondFactorEnabled: false });
      showSuccessMessage(t('auth.secondFactorOff'));
    },
    onError: (error, values) => handleApiError(error, { form: values.form }),
  });

  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  const goHome = () => navigate(homePathOf(user.role));

  let body: ReactNode;
  if (codes) {
    body = <RecoveryCodeList codes={codes} onDone={goHome} />;
  } else if (user.secondFactorEnabled) {
    body = (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('auth.secondFactorIsOn')} />
        <Typography.Title level={5}>{t('auth.renewRecoveryCodes')}</Typography.Title>
        <CodeForm
          testId="renew-codes"
          submitLabel={t('auth.renewRecoveryCodes')}
          isPending={renew.isPending}
          onSubmit={(values, form) => renew.mutate({ ...values, form })}
        />
        <Typography.Title level={5}>{t('auth.turnOffSecondFactor')}</Typography.Title>
        <CodeForm
          testId="disable-second-factor"
          submitLabel={t('auth.turnOffSecondFactor')}
          danger
          isPending={disable.isPending}
          onSubmit={(values, form) => disable.mutate({ ...values, form })}
        />
        <Button type="link" block onClick={goHome}>
          {t('common.back')}
        </Button>
      </Space>
    );
  } else {
    body = (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {user.mustEnrolSecondFactor && <Alert type="warning" showIcon title={t('auth.mustEnrolHint')} />}
        <Steps
          direction="vertical"
          size="small"
          current={setup ? 1 : 0}
          items={[
            { title: t('auth.enrolStepApp'), description: t('auth.enrolStepAppHint') },
            { title: t('auth.enrolStepScan') },
            { title: t('auth.enrolStepCode') },
          ]}
        />
        {setup ? (
          <>
            <Space align="start" wrap>
              <QRCode value={setup.uri} size={180} data-testid="second-factor-qr" />
              <Space direction="vertical">
                <Typography.Text type="secondary">{t('auth.enrolManualKey')}</Typography.Text>
                <Typography.Text code copyable data-testid="second-factor-secret">
                  {setup.secret}
                </Typography.Text>
              </Space>
            </Space>
            <CodeForm
              testId="enable-second-factor"
              submitLabel={t('auth.enableSecondFactor')}
              isPending={enable.isPending}
              onSubmit={(values, form) => enable.mutate({ ...values, form })}
            />
          </>
        ) : (
          <Button
            type="primary"
            block
            loading={start.isPending}
            onClick={() => start.mutate()}
            data-testid="start-second-factor"
          >
            {t('auth.startSecondFactor')}
          </Button>
        )}
      </Space>
    );
  }

  return (
    <PublicLayout>
      <PublicFormCard title={t('auth.secondFactorTitle')}>{body}</PublicFormCard>
    </PublicLayout>
  );
}
