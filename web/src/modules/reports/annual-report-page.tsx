import { CopyOutlined, DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { AnnualReportContent, AnnualReportPreview, IndicatorDefinition } from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { WithReportingYear } from '../../app/reporting-year';
import { yearOptions } from '../../app/year-options';

interface ReportView {
  year: number;
  content: AnnualReportContent;
  status: 'draft' | 'final';
  version: number;
  editions: { edition: number; finalisedAt: string; finalisedBy: string }[];
}
interface Changes {
  edition: number | null;
  changes: {
    placeholder: string;
    name: { zh: string; en: string };
    period: string;
    before: string;
    after: string;
  }[];
}

/** 年度工作报告: staff write the text around the registry's figures, preview it, download it and finalise editions. */
export function AnnualReportPage() {
  return <WithReportingYear>{(year) => <AnnualReport year={year} />}</WithReportingYear>;
}

function AnnualReport({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'edit';
  const [form] = Form.useForm<{ content: AnnualReportContent }>();
  const key = ['annual-report', year];
  const report = useQuery({
    queryKey: key,
    queryFn: () => api.get<ReportView>(`/api/annual-reports/${year}`),
  });
  const preview = useQuery({
    queryKey: [...key, 'preview', report.data?.version],
    queryFn: () => api.get<AnnualReportPreview>(`/api/annual-reports/${year}/preview`),
    enabled: tab === 'preview',
  });
  const changes = useQuery({
    queryKey: [...key, 'changes', report.data?.version],
    queryFn: () => api.get<Changes>(`/api/annual-reports/${year}/changes`),
    enabled: tab === 'editions',
  });
  const indicators = useQuery({
    queryKey: ['dashboard', 'definitions'],
    queryFn: () => api.get<IndicatorDefinition[]>('/api/dashboard/indicators'),
  });
  useEffect(() => {
    if (report.data) form.setFieldsValue({ content: report.data.content });
  }, [report.data, form]);
  const text = (value: { zh: string; en: string }) => (i18n.language === 'en' ? value.en : value.zh);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next);
  };

  const save = async () => {
    const values = await form.validateFields();
    try {
      const saved = await api.put<ReportView>(`/api/annual-reports/${year}`, {
        content: values.content,
        version: report.data?.version ?? 0,
      });
      queryClient.setQueryData(key, saved);
      showSuccessMessage(t('annualReport.saved'));
    } catch (error) {
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: key }),
      });
    }
  };
  const finalise = async () => {
    try {
      const finalised = await api.post<ReportView>(`/api/annual-reports/${year}/finalise`, {
        version: report.data?.version ?? 0,
      });
      queryClient.setQueryData(key, finalised);
      showSuccessMessage(t('annualReport.finalised'));
    } catch (error) {
      handleApiError(error, { onConflict: () => void queryClient.invalidateQueries({ queryKey: key }) });
    }
  };

  const editor = (
    <Row gutter={16}>
      <Col span={17}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('annualReport.placeholderHelp', {
            key: '{{cultivation.hte-valid}}',
            ytd: '{{…@ytd}}',
            half: '{{…@next-H1}}',
            words: '{{year}} {{nextYear}} {{district}}',
            interpolation: { escapeValue: false },
          })}
        />
        <Form form={form} layout="vertical" disabled={!isStaff} data-testid="report-form">
          <Form.Item name={['content', 'title']} label={t('annualReport.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name={['content', 'opening']} label={t('annualReport.opening')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.List name={['content', 'sections']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('annualReport.section', { index: index + 1 })}
                    style={{ marginBottom: 12 }}
                    extra={
                      isStaff && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                        >
                          {t('annualReport.removeSection')}
                        </Button>
                      )
                    }
                  >
                    <Form.Item
                      name={[field.name, 'heading']}
                      label={t('annualReport.heading')}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'body']}
                      label={t('annualReport.body')}
                      rules={[{ required: true }]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 4, maxRows: 20 }}
                        data-testid={`report-body-${index}`}
                      />
                    </Form.Item>
                  </Card>
                ))}
                {isStaff && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ heading: '', body: '' })}>
                    {t('annualReport.addSection')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
      </Col>
      <Col span={7}>
        <Card
          size="small"
          title={t('annualReport.indicators')}
          styles={{ body: { maxHeight: 640, overflow: 'auto' } }}
        >
          <List
            size="small"
            dataSource={indicators.data ?? []}
            renderItem={(indicator) => (
              <List.Item
                actions={[
                  <Button
                    key="copy"
                    type="text"
                    size="small"
                    icon={<CopyOutlined />}
                    aria-label={`{{${indicator.key}}}`}
                    onClick={() => void navigator.clipboard?.writeText(`{{${indicator.key}}}`)}
                  />,
                ]}
              >
                <List.Item.Meta
                  title={`${text(indicator.name)}（${indicator.unit}）`}
                  description={<Typography.Text code>{`{{${indicator.key}}}`}</Typography.Text>}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );

  const previewPane = preview.data && (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card data-testid="report-preview">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {preview.data.title}
        </Typography.Title>
        {preview.data.opening && (
          <Typography.Paragraph style={{ textIndent: '2em' }}>{preview.data.opening}</Typography.Paragraph>
        )}
        {preview.data.sections.map((section) => (
          <Typography.Paragraph key={section.heading} style={{ textIndent: '2em', lineHeight: 1.9 }}>
            <Typography.Text strong>{section.heading}</Typography.Text>
            {section.body}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card size="small" title={t('annualReport.figures')}>
        <Table
          size="small"
          rowKey={(row) => `${row.key}@${row.period}`}
          dataSource={preview.data.figures}
          pagination={false}
          columns={[
            { title: t('annualReport.columns.name'), render: (_, row) => text(row.name) },
            { title: t('annualReport.columns.period'), dataIndex: 'period' },
            {
              title: t('annualReport.columns.value'),
              render: (_, row) =>
                row.incomplete.length > 0 ? (
                  <Tag color="warning">{row.incomplete.map(text).join('；')}</Tag>
                ) : (
                  `${row.display}${row.unit}`
                ),
            },
            { title: t('annualReport.columns.basis'), dataIndex: 'basis' },
          ]}
        />
      </Card>
    </Space>
  );

  const editionsPane = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List
        bordered
        dataSource={report.data?.editions ?? []}
        renderItem={(edition) => (
          <List.Item
            actions={[
              <Button
                key="download"
                icon={<DownloadOutlined />}
                href={`/api/annual-reports/${year}/editions/${edition.edition}/document`}
                data-testid={`report-edition-${edition.edition}`}
              >
                {t('annualReport.downloadEdition')}
              </Button>,
            ]}
          >
            {t('annualReport.edition', { edition: edition.edition })}{' '}
            <Typography.Text type="secondary">
              {t('annualReport.editionBy', {
                time: dayjs(edition.finalisedAt).format('YYYY-MM-DD HH:mm'),
                name: edition.finalisedBy,
              })}
            </Typography.Text>
          </List.Item>
        )}
      />
      {changes.data?.edition != null && (
        <Card size="small" title={t('annualReport.changes')} data-testid="report-changes">
          {changes.data.changes.length === 0
            ? t('annualReport.noChanges', { edition: changes.data.edition })
            : changes.data.changes.map((change) => (
                <div key={change.placeholder}>
                  {t('annualReport.changeRow', { ...change, name: text(change.name) })}
                </div>
              ))}
        </Card>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Typography.Text>{t('annualReport.year')}</Typography.Text>
            <Select
              value={year}
              options={yearOptions(2018)}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value) => setParam('year', String(value))}
              style={{ width: 100 }}
              data-testid="report-year"
            />
            {report.data && (
              <Tag color={report.data.status === 'final' ? 'green' : 'default'} data-testid="report-status">
                {t(`annualReport.status.${report.data.status}`)}
              </Tag>
            )}
          </Space>
          <Space>
            {isStaff && (
              <Button type="primary" onClick={save} data-testid="report-save">
                {t('annualReport.save')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/annual-reports/${year}/document`}
              data-testid="report-download"
            >
              {t('annualReport.download')}
            </Button>
            {isStaff && (
              <Popconfirm title={t('annualReport.finaliseConfirm')} onConfirm={finalise}>
                <Button data-testid="report-finalise">{t('annualReport.finalise')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(value) => setParam('tab', value)}
        items={[
          { key: 'edit', label: t('annualReport.edit'), children: editor },
          { key: 'preview', label: t('annualReport.preview'), children: previewPane },
          { key: 'editions', label: t('annualReport.editions'), children: editionsPane },
        ]}
      />
    </Space>
  );
}
