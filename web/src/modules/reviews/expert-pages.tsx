import type { Rubric } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { ListTable } from '../../app/list-page/list-table';
import { textIn } from '../cultivation/registers-shared';

interface OwnAssignmentRow {
  id: number;
  roundTitle: string;
  mode: string;
  deadline: string;
  itemTitle: string;
  status: string;
  canEdit: boolean;
}

/** The expert's landing page: invitations and sheets, nearest deadline first. */
export function ExpertAssignmentsPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['expert', 'assignments'],
    queryFn: () => api.get<{ items: OwnAssignmentRow[] }>('/api/expert/assignments'),
  });
  return (
    <Card title={t('reviews.myAssignments')}>
      <ListTable<OwnAssignmentRow>
        data-testid="expert-assignments"
        query={list}
        pagination={false}
        columns={[
          { title: t('reviews.rounds'), dataIndex: 'roundTitle' },
          { title: t('reviews.items'), dataIndex: 'itemTitle' },
          {
            title: t('reviews.mode'),
            dataIndex: 'mode',
            render: (mode: string) => t(`reviews.modes.${mode}`),
          },
          {
            title: t('reviews.deadline'),
            dataIndex: 'deadline',
            render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag>{t(`reviews.expertStatus.${status}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Link to={`/expert/assignments/${row.id}`} data-testid={`assignment-open-${row.status}`}>
                {t('reviews.open')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

interface OwnAssignment {
  id: number;
  status: string;
  canEdit: boolean;
  round: { title: string; mode: string; deadline: string; rubric: Rubric; commentBelow: number | null };
  item: { title: string };
  application: {
    applicationNo: string | null;
    basics: { title: string; summary: string; partners: { name: string }[] };
    team: { name: string; role: string; title: string; organisation: string }[];
    attachments: { fileId: number; fileName: string }[];
  } | null;
  sheet: {
    scores: Record<string, number>;
    vote: 'pass' | 'fail' | null;
    comment: string;
    savedAt: string | null;
  };
}

interface SheetValues {
  scores: Record<string, number | null>;
  vote: 'pass' | 'fail' | null;
  comment: string;
}

function toSheet(values: SheetValues) {
  const scores: Record<string, number> = {};
  for (const [key, value] of Object.entries(values.scores ?? {}))
    if (typeof value === 'number') scores[key] = value;
  return { scores, vote: values.vote ?? null, comment: values.comment ?? '' };
}

/** One assignment: accept or decline with the conflict declaration, read the application, score with autosave. */
export function ExpertAssignmentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SheetValues>();
  const [hasNoConflict, setHasNoConflict] = useState(false);
  const [conflictReason, setConflictReason] = useState('');
  const [declineReason, setDeclineReason] = useState('');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = ['expert', 'assignment', id];
  const detail = useQuery({
    queryKey: key,
    queryFn: () => api.get<OwnAssignment>(`/api/expert/assignments/${id}`),
  });
  const data = detail.data;
  useEffect(() => {
    if (data) {
      form.setFieldsValue({ scores: data.sheet.scores, vote: data.sheet.vote, comment: data.sheet.comment });
      setSavedAt(data.sheet.savedAt);
    }
  }, [data, form]);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const respond = useMutation({
    mutationFn: (body: { accept: boolean; conflict?: string | null; reason?: string | null }) =>
      api.post<OwnAssignment>(`/api/expert/assignments/${id}/respond`, body),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      void queryClient.invalidateQueries({ queryKey: ['expert', 'assignments'] });
    },
    onError: (error) => handleApiError(error),
  });
  const save = useMutation({
    mutationFn: (values: SheetValues) =>
      api.put<OwnAssignment>(`/api/expert/assignments/${id}/sheet`, toSheet(values)),
    onSuccess: (next) => setSavedAt(next.sheet.savedAt),
    onError: (error) => handleApiError(error, { form }),
  });
  const submit = useMutation({
    mutationFn: (values: SheetValues) =>
      api.post<OwnAssignment>(`/api/expert/assignments/${id}/submit`, toSheet(values)),
    onSuccess: (next) => {
      if (timer.current) clearTimeout(timer.current);
      queryClient.setQueryData(key, next);
      showSuccessMessage(t('common.done'));
    },
    onError: (error) => handleApiError(error, { form }),
  });
  const watched: Record<string, number | null> = Form.useWatch('scores', form) ?? {};
  if (!data) return <Card loading />;
  const rubric = data.round.rubric;
  const isReadOnly = !data.canEdit;
  const scheduleSave = () => {
    if (isReadOnly) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save.mutate(form.getFieldsValue(true)), 800);
  };
  const total = rubric.criteria.reduce(
    (sum, criterion) => sum + criterion.weight * (Number(watched[criterion.id]) || 0),
    0,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${data.round.title} · ${data.item.title}`}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('reviews.mode')}>
            {t(`reviews.modes.${data.round.mode}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.deadline')}>
            {dayjs(data.round.deadline).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <Tag data-testid="assignment-status">{t(`reviews.expertStatus.${data.status}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {data.status === 'invited' && (
        <Card>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Checkbox
              checked={hasNoConflict}
              onChange={(event) => setHasNoConflict(event.target.checked)}
              data-testid="declare-none"
            >
              {t('reviews.declareNone')}
            </Checkbox>
            <Button
              type="primary"
              disabled={!hasNoConflict}
              onClick={() => respond.mutate({ accept: true })}
              data-testid="invitation-accept"
            >
              {t('reviews.accept')}
            </Button>
            <Input.TextArea
              placeholder={t('reviews.conflictReason')}
              value={conflictReason}
              onChange={(event) => setConflictReason(event.target.value)}
              rows={2}
            />
            <Button
              danger
              disabled={conflictReason.trim().length < 2}
              onClick={() => respond.mutate({ accept: true, conflict: conflictReason })}
            >
              {t('reviews.declareConflict')}
            </Button>
            <Input
              placeholder={t('reviews.declineReason')}
              value={declineReason}
              onChange={(event) => setDeclineReason(event.target.value)}
            />
            <Button onClick={() => respond.mutate({ accept: false, reason: declineReason || null })}>
              {t('reviews.decline')}
            </Button>
          </Space>
        </Card>
      )}
      {data.application && (
        <Card title={t('reviews.application')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('reviews.summary')}>
              {data.application.basics.summary}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.team')}>
              {data.application.team.map((member) => `${member.name}（${member.title}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.attachments')}>
              {data.application.attachments.length === 0
                ? t('common.none')
                : data.application.attachments.map((attachment) => (
                    <a
                      key={attachment.fileId}
                      href={`/api/expert/assignments/${id}/files/${attachment.fileId}`}
                    >
                      {attachment.fileName}
                    </a>
                  ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {(data.status === 'accepted' || data.status === 'submitted') && (
        <Card
          title={t('reviews.scoreSheet')}
          extra={
            <Typography.Text type="secondary" data-testid="sheet-saved">
              {data.status === 'submitted'
                ? t('reviews.submitted')
                : savedAt
                  ? t('reviews.autosaved', { time: dayjs(savedAt).format('HH:mm:ss') })
                  : ''}
            </Typography.Text>
          }
        >
          {data.status === 'accepted' && !data.canEdit && (
            <Alert type="warning" showIcon title={t('reviews.readOnly')} style={{ marginBottom: 16 }} />
          )}
          <Form
            form={form}
            layout="vertical"
            disabled={isReadOnly}
            onValuesChange={scheduleSave}
            onFinish={(values) => {
              if (timer.current) clearTimeout(timer.current);
              submit.mutate(values);
            }}
          >
            {rubric.criteria.map((criterion) => (
              <Form.Item
                key={criterion.id}
                name={['scores', criterion.id]}
                label={`${textIn(criterion.label)}（${criterion.minimum}–${criterion.maximum}）`}
              >
                <InputNumber
                  min={criterion.minimum}
                  max={criterion.maximum}
                  data-testid={`score-${criterion.id}`}
                />
              </Form.Item>
            ))}
            {rubric.hasVote && (
              <Form.Item name="vote" label={t('reviews.vote')}>
                <Radio.Group data-testid="sheet-vote">
                  <Radio value="pass">{t('reviews.votePass')}</Radio>
                  <Radio value="fail">{t('reviews.voteFail')}</Radio>
                </Radio.Group>
              </Form.Item>
            )}
            <Form.Item name="comment" label={t('reviews.comment')}>
              <Input.TextArea rows={3} data-testid="sheet-comment" />
            </Form.Item>
            <Space>
              <Typography.Text strong data-testid="sheet-total">
                {t('reviews.total', { total })}
              </Typography.Text>
              {!isReadOnly && (
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={submit.isPending}
                  data-testid="sheet-submit"
                >
                  {t('reviews.submitSheet')}
                </Button>
              )}
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
