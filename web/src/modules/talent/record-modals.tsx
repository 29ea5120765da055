import { HELP_KINDS, parseWanYuanToFen, type TalentDetail } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { helpLabel, levelLabel, TALENT_KEY, TALENT_URL, useTalentProgrammes } from './use-talent';

type Values = Record<string, unknown>;

/** A button opening a small form that posts to one of the talent's record routes and reloads the talent. */
function PostFormButton(props: {
  talentId: number;
  path: string;
  label: string;
  testId: string;
  toBody: (values: Values) => object;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.post<TalentDetail>(`${TALENT_URL}/${props.talentId}/${props.path}`, props.toBody(values)),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: TALENT_KEY });
    },
    onError: (error) => handleApiError(error, { form }),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={props.testId}>
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.label}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: save.isPending, ...{ 'data-testid': `${props.testId}-save` } }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {props.children}
        </Form>
      </Modal>
    </>
  );
}

const date = (value: unknown) => (value as Dayjs).format('YYYY-MM-DD');
const orNull = (value: unknown) => (value === undefined || value === '' ? null : value);

/** Options of the platform register and the plan projects, searched by typing. */
function usePlatformAndProjectOptions() {
  const platforms = useQuery({
    queryKey: [...TALENT_KEY, 'platform-options'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/platforms?pageSize=200'),
    staleTime: 60_000,
  });
  const projects = useQuery({
    queryKey: [...TALENT_KEY, 'project-options'],
    queryFn: () =>
      api.get<{ items: { id: number; title: string; projectNo: string }[] }>(
        '/api/plan-projects?pageSize=200',
      ),
    staleTime: 60_000,
  });
  return {
    platforms: (platforms.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })),
    projects: (projects.data?.items ?? []).map((item) => ({
      value: item.id,
      label: `${item.projectNo} ${item.title}`,
    })),
  };
}

function PlatformProjectFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const options = usePlatformAndProjectOptions();
  return (
    <>
      <Form.Item name="platformId" label={t('talent.platform')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options.platforms}
          data-testid={`${testId}-platform`}
        />
      </Form.Item>
      <Form.Item name="projectId" label={t('talent.project')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options.projects}
          data-testid={`${testId}-project`}
        />
      </Form.Item>
    </>
  );
}

export function AddHelpButton({ talentId }: { talentId: number }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('talent.required') }];
  return (
    <PostFormButton
      talentId={talentId}
      path="help-records"
      label={t('talent.addHelp')}
      testId="talent-add-help"
      toBody={(values) => ({ ...values, helpedOn: date(values.helpedOn) })}
    >
      <Form.Item name="kind" label={t('talent.helpKind')} rules={required}>
        <Select
          data-testid="talent-help-kind"
          options={HELP_KINDS.map((kind) => ({ value: kind, label: helpLabel(kind) }))}
        />
      </Form.Item>
      <Form.Item name="helpedOn" label={t('talent.helpedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} data-testid="talent-help-date" />
      </Form.Item>
      <Form.Item name="handledBy" label={t('talent.handledBy')} rules={required}>
        <Input data-testid="talent-help-by" />
      </Form.Item>
      <Form.Item name="outcome" label={t('talent.outcome')} rules={required}>
        <Input.TextArea rows={3} data-testid="talent-help-outcome" />
      </Form.Item>
    </PostFormButton>
  );
}

export function NominateButton({ talentId }: { talentId: number }) {
  const { t } = useTranslation();
  const programmes = useTalentProgrammes();
  const required = [{ required: true, message: t('talent.required') }];
  return (
    <PostFormButton
      talentId={talentId}
      path="programme-records"
      label={t('talent.nominate')}
      testId="talent-nominate"
      toBody={(values) => ({
        programmeId: values.programmeId,
        year: values.year,
        nominatedOn: date(values.nominatedOn),
        fundingFen: values.fundingWan ? parseWanYuanToFen(String(values.fundingWan)) : null,
        platformId: orNull(values.platformId),
        projectId: orNull(values.projectId),
        note: orNull(values.note),
      })}
    >
      <Form.Item name="programmeId" label={t('talent.programme')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="talent-programme"
          options={(programmes.data?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.name}（${levelLabel(item.level)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t('talent.year')} rules={required}>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          style={{ width: '100%' }}
          data-testid="talent-programme-year"
        />
      </Form.Item>
      <Form.Item name="nominatedOn" label={t('talent.nominatedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} data-testid="talent-programme-date" />
      </Form.Item>
      <Form.Item name="fundingWan" label={t('talent.fundingWan')}>
        <Input />
      </Form.Item>
      <PlatformProjectFields testId="talent-nominate" />
      <Form.Item name="note" label={t('talent.note')}>
        <Input />
      </Form.Item>
    </PostFormButton>
  );
}

export function AddLinkButton({ talentId }: { talentId: number }) {
  const { t } = useTranslation();
  return (
    <PostFormButton
      talentId={talentId}
      path="links"
      label={t('talent.addLink')}
      testId="talent-add-link"
      toBody={(values) => ({
        platformId: orNull(values.platformId),
        projectId: orNull(values.projectId),
        role: orNull(values.role),
      })}
    >
      <PlatformProjectFields testId="talent-add-link" />
      <Form.Item name="role" label={t('talent.role')}>
        <Input />
      </Form.Item>
    </PostFormButton>
  );
}

/** Erasure on request (PIPL): the reason is required and kept in the audit trail. */
export function EraseButton({ talent }: { talent: TalentDetail }) {
  const { t } = useTranslation();
  return (
    <PostFormButton
      talentId={talent.id}
      path="erase"
      label={t('talent.erase')}
      testId="talent-erase"
      toBody={(values) => ({ version: talent.version, reason: values.reason })}
    >
      <Form.Item
        label={t('talent.eraseReason')}
        name="reason"
        rules={[{ required: true, min: 4 }]}
        extra={t('talent.eraseHint')}
      >
        <Input.TextArea rows={3} data-testid="talent-erase-reason" />
      </Form.Item>
    </PostFormButton>
  );
}
