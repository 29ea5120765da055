import { UploadOutlined } from '@ant-design/icons';
import { type ApplicationDetail, TEAM_ROLES } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ListSection } from './list-section';
import { textIn } from './plan-shared';

/** A plain text cell of a list section; `name` is the row's field path. */
function useTextCell(isEditable: boolean) {
  return (name: (string | number)[], testId?: string) => (
    <Form.Item name={name} noStyle>
      <Input data-testid={testId} disabled={!isEditable} />
    </Form.Item>
  );
}

/** 基本信息: title, dates and summary. */
export function BasicsSection() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['basics', 'title']} label={t('planCalls.projectTitle')}>
        <Input data-testid="basics-title" />
      </Form.Item>
      <Space>
        <Form.Item name={['basics', 'startOn']} label={t('planCalls.startOn')}>
          <DatePicker data-testid="basics-start" />
        </Form.Item>
        <Form.Item name={['basics', 'endOn']} label={t('planCalls.endOn')}>
          <DatePicker data-testid="basics-end" />
        </Form.Item>
      </Space>
      <Form.Item name={['basics', 'summary']} label={t('planCalls.summary')}>
        <Input.TextArea rows={6} data-testid="basics-summary" />
      </Form.Item>
    </>
  );
}

/** 项目团队: members with role, ID number and workload. */
export function TeamSection({ isEditable }: { isEditable: boolean }) {
  const { t } = useTranslation();
  const text = useTextCell(isEditable);
  return (
    <ListSection
      name="team"
      testId="team"
      empty={{ name: '', role: 'member', idNumber: null, workloadMonths: 0 }}
      columns={[
        {
          key: 'name',
          label: t('planCalls.memberName'),
          render: (field) => text([field, 'name'], `team-${field}-name`),
        },
        {
          key: 'role',
          label: t('planCalls.memberRole'),
          render: (field) => (
            <Form.Item name={[field, 'role']} noStyle>
              <Select
                style={{ width: 140 }}
                data-testid={`team-${field}-role`}
                options={TEAM_ROLES.map((role) => ({ value: role.code, label: textIn(role) }))}
              />
            </Form.Item>
          ),
        },
        {
          key: 'idNumber',
          label: t('planCalls.idNumber'),
          render: (field) => (
            <Form.Item name={[field, 'idNumber']} style={{ margin: 0 }}>
              <Input data-testid={`team-${field}-idNumber`} style={{ width: 200 }} />
            </Form.Item>
          ),
        },
        {
          key: 'title',
          label: t('planCalls.memberTitle'),
          render: (field) => text([field, 'title']),
        },
        {
          key: 'workload',
          label: t('planCalls.workload'),
          render: (field) => (
            <Form.Item name={[field, 'workloadMonths']} noStyle>
              <InputNumber min={0} max={12} data-testid={`team-${field}-workload`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** 进度安排: dated milestones. */
export function MilestonesSection() {
  const { t } = useTranslation();
  return (
    <ListSection
      name="milestones"
      testId="milestones"
      empty={{ dueOn: '', description: '' }}
      columns={[
        {
          key: 'dueOn',
          label: t('planCalls.dueOn'),
          render: (field) => (
            <Form.Item name={[field, 'dueOn']} style={{ margin: 0 }}>
              <Input placeholder="2022-06-30" data-testid={`milestones-${field}-dueOn`} />
            </Form.Item>
          ),
        },
        {
          key: 'description',
          label: t('planCalls.milestone'),
          render: (field) => (
            <Form.Item name={[field, 'description']} noStyle>
              <Input style={{ width: 400 }} data-testid={`milestones-${field}-description`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** 考核指标: technical and economic targets. */
export function TargetsSection({ isEditable }: { isEditable: boolean }) {
  const { t } = useTranslation();
  const text = useTextCell(isEditable);
  return (
    <ListSection
      name="targets"
      testId="targets"
      empty={{ name: '', kind: 'technical', unit: '', value: '' }}
      columns={[
        {
          key: 'name',
          label: t('planCalls.targetName'),
          render: (field) => text([field, 'name'], `targets-${field}-name`),
        },
        {
          key: 'kind',
          label: t('planCalls.targetKind'),
          render: (field) => (
            <Form.Item name={[field, 'kind']} noStyle>
              <Select
                style={{ width: 120 }}
                options={['technical', 'economic', 'other'].map((kind) => ({
                  value: kind,
                  label: t(`planCalls.targetKinds.${kind}`),
                }))}
              />
            </Form.Item>
          ),
        },
        {
          key: 'value',
          label: t('planCalls.targetValue'),
          render: (field) => text([field, 'value'], `targets-${field}-value`),
        },
        {
          key: 'unit',
          label: t('planCalls.targetUnit'),
          render: (field) => text([field, 'unit']),
        },
      ]}
    />
  );
}

/** 回避专家: experts the applicant asks to keep off its review. */
export function ExcludedExpertsSection({ isEditable }: { isEditable: boolean }) {
  const { t } = useTranslation();
  const text = useTextCell(isEditable);
  return (
    <ListSection
      name="excludedExperts"
      testId="experts"
      empty={{ name: '', organisation: '', reason: '' }}
      columns={[
        {
          key: 'name',
          label: t('planCalls.memberName'),
          render: (field) => text([field, 'name']),
        },
        {
          key: 'organisation',
          label: t('planCalls.organisation'),
          render: (field) => text([field, 'organisation']),
        },
        {
          key: 'reason',
          label: t('planCalls.reason'),
          render: (field) => text([field, 'reason']),
        },
      ]}
    />
  );
}

/** 附件: the files uploaded so far and, while editable, an upload button. */
export function AttachmentsSection({
  id,
  attachments,
  isEditable,
  onUpload,
}: {
  id: number;
  attachments: ApplicationDetail['attachments'];
  isEditable: boolean;
  onUpload: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical">
      <ul data-testid="attachments">
        {attachments.map((file) => (
          <li key={file.id}>
            <a href={`/api/plan/applications/${id}/attachments/${file.id}`}>{file.fileName}</a>
          </li>
        ))}
      </ul>
      {isEditable && (
        <Upload
          showUploadList={false}
          accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
          beforeUpload={(file) => {
            onUpload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="attachment-upload">
            {t('planCalls.uploadAttachment')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

type Option = { id: number; name?: string; title?: string; projectNo?: string };

/** The enterprise's own people, platforms or plan projects, for the "平台+项目+人才" pickers. */
function useOwnOptions(url: string) {
  return useQuery({
    queryKey: ['plan-calls', 'bundle-options', url],
    queryFn: () => api.get<{ items: Option[] }>(`${url}?pageSize=200`),
    staleTime: 60_000,
  });
}

/**
 * 平台+项目+人才 of a talent-programme call: the person, the platform and the plan project are picked
 * from the registries (the enterprise's own), never retyped.
 */
export function TalentBundleSection() {
  const { t } = useTranslation();
  const people = useOwnOptions('/api/talent');
  const platforms = useOwnOptions('/api/platforms');
  const projects = useOwnOptions('/api/plan-projects');
  const options = (list: typeof people, text: (item: Option) => string) =>
    (list.data?.items ?? []).map((item) => ({ value: item.id, label: text(item) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('planCalls.bundleHint')}</Typography.Text>
      <Form.Item label={t('planCalls.bundleTalent')} name={['talentBundle', 'talentId']}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={people.isLoading}
          options={options(people, (item) => item.name ?? '')}
          data-testid="bundle-talent"
        />
      </Form.Item>
      <Form.Item label={t('planCalls.bundlePlatform')} name={['talentBundle', 'platformId']}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={platforms.isLoading}
          options={options(platforms, (item) => item.name ?? '')}
          data-testid="bundle-platform"
        />
      </Form.Item>
      <Form.Item label={t('planCalls.bundleProject')} name={['talentBundle', 'projectId']}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={projects.isLoading}
          options={options(projects, (item) => [item.projectNo, item.title].filter(Boolean).join(' '))}
          data-testid="bundle-project"
        />
      </Form.Item>
      <Form.Item label={t('planCalls.bundleRole')} name={['talentBundle', 'role']}>
        <Input data-testid="bundle-role" />
      </Form.Item>
    </Space>
  );
}
