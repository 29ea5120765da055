import {
  DISTRICT_FIELD_LABELS,
  type DistrictSettings,
  type districtSettingsResponseSchema,
  districtSettingsSchema,
  projectNumberPatternSchema,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Result, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { PageLoading } from '../../app/guards';

type SettingsResponse = ReturnType<typeof districtSettingsResponseSchema.parse>;

const SETTINGS_KEY = ['admin', 'settings'] as const;
const fields = districtSettingsSchema.shape;

/** 区县设置: the district this installation serves; streets feed every street/town select. */
export function SettingsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<DistrictSettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.get<SettingsResponse>('/api/admin/settings'),
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: DistrictSettings) =>
      api.put<SettingsResponse>('/api/admin/settings', { ...values, version: settings.data?.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(SETTINGS_KEY, updated);
      void queryClient.invalidateQueries({ queryKey: ['dictionaries'] });
      void queryClient.invalidateQueries({ queryKey: ['public'] });
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: SETTINGS_KEY }),
      }),
  });

  if (settings.isPending) return <PageLoading />;
  if (!settings.data) return <Result status="warning" title={t('errors.loadFailed')} />;

  return (
    <Card title={t('menu.settings')}>
      <Form<DistrictSettings>
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={(values) => save.mutate(values)}
        data-testid="settings-form"
        style={{ maxWidth: 880 }}
      >
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              name="name"
              label={t('admin.districtName')}
              required
              rules={[zodRule(fields.name, 'name', undefined, DISTRICT_FIELD_LABELS)]}
            >
              <Input data-testid="settings-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="cityName"
              label={t('admin.cityName')}
              rules={[zodRule(fields.cityName, 'cityName')]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="regionCode"
              label={t('admin.regionCode')}
              required
              rules={[zodRule(fields.regionCode, 'regionCode')]}
            >
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="streets"
              label={t('admin.streets')}
              required
              extra={t('admin.streetsHint')}
              rules={[zodRule(fields.streets, 'streets')]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', '、']}
                data-testid="settings-streets"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idleTimeoutMinutes"
              label={t('admin.idleTimeoutMinutes')}
              required
              rules={[zodRule(fields.idleTimeoutMinutes, 'idleTimeoutMinutes')]}
            >
              <InputNumber min={5} max={240} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="auditRetentionDays"
              label={t('admin.auditRetentionDays')}
              required
              rules={[zodRule(fields.auditRetentionDays, 'auditRetentionDays')]}
            >
              <InputNumber min={184} max={36500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="projectNumberPattern"
              label={t('admin.projectNumberPattern')}
              required
              extra={t('admin.projectNumberPatternHint')}
              rules={[zodRule(projectNumberPatternSchema, 'projectNumberPattern')]}
            >
              <Input maxLength={60} data-testid="settings-project-number-pattern" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
