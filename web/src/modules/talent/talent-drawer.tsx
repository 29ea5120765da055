import {
  EMPLOYMENT_MODE_LABELS,
  POINT_ITEM_LABELS,
  POINT_ITEMS,
  type ProgrammeRecord,
  TALENT_DEGREE_LABELS,
  TALENT_GENDER_LABELS,
  TALENT_ID_TYPE_LABELS,
  TALENT_ORIGIN_LABELS,
  type TalentDetail,
  talentProgrammeWorkflow,
  translate,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { WorkflowActions } from '../../app/workflow-actions';
import { AddHelpButton, AddLinkButton, EraseButton, NominateButton } from './record-modals';
import type { useTalentForm } from './talent-form';
import {
  helpLabel,
  label,
  PERMIT_COLORS,
  PROGRAMME_STATUS_COLORS,
  permitLabel,
  programmeStatusLabel,
  TALENT_KEY,
  TALENT_URL,
  useTalent,
} from './use-talent';

function PermitCard({ talent }: { talent: TalentDetail }) {
  const { t } = useTranslation();
  const permit = talent.permit;
  if (!permit) return null;
  const language = currentLanguage();
  const lines = (items: { zh: string; en: string }[]) => items.map((item) => translate(item, language));
  return (
    <Card
      size="small"
      title={t('talent.permitTitle', { document: permit.document })}
      data-testid="talent-permit"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <Tag color={PERMIT_COLORS[permit.permitClass]} data-testid="talent-permit-class">
            {permitLabel(permit.permitClass)}
          </Tag>
          <Typography.Text data-testid="talent-permit-points">
            {t('talent.totalPoints', { points: permit.totalPoints, age: permit.age })}
          </Typography.Text>
        </Space>
        <Table
          size="small"
          pagination={false}
          rowKey="item"
          data-testid="talent-permit-items"
          dataSource={POINT_ITEMS.map((item) => ({ item, points: permit.points[item] }))}
          columns={[
            {
              title: t('talent.pointItem'),
              dataIndex: 'item',
              render: (item: (typeof POINT_ITEMS)[number]) => translate(POINT_ITEM_LABELS[item], language),
            },
            { title: t('talent.points'), dataIndex: 'points', width: 80 },
            {
              title: t('talent.maxPoints'),
              key: 'max',
              width: 80,
              render: (_value, row) => POINT_ITEM_LABELS[row.item].max,
            },
          ]}
        />
        {permit.reasons.length > 0 && (
          <Alert type="success" title={t('talent.reasons')} description={lines(permit.reasons).join('；')} />
        )}
        {permit.nextClassHints.length > 0 && (
          <Alert
            type="info"
            title={t('talent.nextClass')}
            description={lines(permit.nextClassHints).join('；')}
          />
        )}
        {permit.toConfirm.length > 0 && (
          <Alert
            type="warning"
            title={t('talent.toConfirm')}
            description={lines(permit.toConfirm).join('；')}
          />
        )}
      </Space>
    </Card>
  );
}

function Reveal({ talent }: { talent: TalentDetail }) {
  const { t } = useTranslation();
  const reveal = useMutation({
    mutationFn: () =>
      api.post<{ idNumber: string; contact: string | null }>(`${TALENT_URL}/${talent.id}/reveal`),
    onError: (error) => handleApiError(error),
  });
  if (!talent.canReveal) return null;
  return reveal.data ? (
    <Alert
      type="warning"
      title={t('talent.revealed')}
      description={[reveal.data.idNumber, reveal.data.contact].filter(Boolean).join('　')}
      data-testid="talent-revealed"
    />
  ) : (
    <Button
      size="small"
      onClick={() => reveal.mutate()}
      loading={reveal.isPending}
      data-testid="talent-reveal"
    >
      {t('talent.reveal')}
    </Button>
  );
}

/**
 * One talent: who they are (document and contact masked; staff may reveal them, audited), the
 * work-permit class with its points, the 全程帮扶 records, the programmes and the platform/project links.
 */
export function TalentDrawer(props: {
  id: number | null;
  onClose: () => void;
  recordForm?: ReturnType<typeof useTalentForm>;
}) {
  const { t } = useTranslation();
  const detail = useTalent(props.id);
  const talent = detail.data;
  const queryClient = useQueryClient();
  const canEdit = Boolean(props.recordForm);
  const reload = () => void queryClient.invalidateQueries({ queryKey: TALENT_KEY });
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={920}
      title={talent?.name ?? t('talent.detail')}
      data-testid="talent-drawer"
      extra={
        talent &&
        props.recordForm &&
        !talent.erasedAt && (
          <Space>
            <Button href={`${TALENT_URL}/${talent.id}/personal-data`} data-testid="talent-export-personal">
              {t('talent.exportPersonal')}
            </Button>
            <EraseButton talent={talent} />
            <Button onClick={() => props.recordForm?.open(talent)} data-testid="talent-edit">
              {t('talent.edit')}
            </Button>
          </Space>
        )
      }
    >
      {!talent ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {talent.erasedAt && (
            <Alert
              type="info"
              title={t('talent.erased', { date: talent.erasedAt.slice(0, 10) })}
              data-testid="talent-erased"
            />
          )}
          <Descriptions bordered size="small" column={2} data-testid="talent-descriptions">
            <Descriptions.Item label={t('talent.gender')}>
              {label(TALENT_GENDER_LABELS, talent.gender)}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.birthYear')}>{talent.birthYear}</Descriptions.Item>
            <Descriptions.Item label={t('talent.origin')}>
              {label(TALENT_ORIGIN_LABELS, talent.origin)}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.nationality')}>{talent.nationality}</Descriptions.Item>
            <Descriptions.Item label={label(TALENT_ID_TYPE_LABELS, talent.idType)}>
              <Space>
                <span data-testid="talent-id-masked">{talent.idNumberMasked}</span>
                <Reveal talent={talent} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.contact')}>{talent.contactMasked}</Descriptions.Item>
            <Descriptions.Item label={t('talent.degree')}>
              {label(TALENT_DEGREE_LABELS, talent.degree)}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.title')}>{talent.title}</Descriptions.Item>
            <Descriptions.Item label={t('talent.field')}>{talent.field}</Descriptions.Item>
            <Descriptions.Item label={t('talent.employer')}>{talent.employerName}</Descriptions.Item>
            <Descriptions.Item label={t('talent.position')}>{talent.position}</Descriptions.Item>
            <Descriptions.Item label={t('talent.arrivalDate')}>{talent.arrivalDate}</Descriptions.Item>
            <Descriptions.Item label={t('talent.channel')}>{talent.channelName}</Descriptions.Item>
            <Descriptions.Item label={t('talent.employmentMode')}>
              {label(EMPLOYMENT_MODE_LABELS, talent.employmentMode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.discovery')}>{talent.discovery}</Descriptions.Item>
            {talent.permitNo && (
              <Descriptions.Item label={t('talent.permitNo')}>
                {talent.permitNo}（{t('talent.permitValidUntil')} {talent.permitValidUntil}）
              </Descriptions.Item>
            )}
          </Descriptions>
          <PermitCard talent={talent} />
          <Card
            size="small"
            title={t('talent.links')}
            extra={canEdit && <AddLinkButton talentId={talent.id} />}
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="talent-links"
              dataSource={talent.links}
              locale={{ emptyText: t('talent.none') }}
              columns={[
                { title: t('talent.platform'), dataIndex: 'platformName' },
                { title: t('talent.project'), dataIndex: 'projectTitle' },
                { title: t('talent.role'), dataIndex: 'role', width: 120 },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('talent.programmes')}
            extra={canEdit && <NominateButton talentId={talent.id} />}
          >
            <Table<ProgrammeRecord>
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="talent-programmes"
              dataSource={talent.programmes}
              locale={{ emptyText: t('talent.none') }}
              columns={[
                { title: t('talent.year'), dataIndex: 'year', width: 70 },
                { title: t('talent.programme'), dataIndex: 'programmeName' },
                { title: t('talent.platform'), dataIndex: 'platformName' },
                {
                  title: t('talent.fundingWan'),
                  dataIndex: 'fundingFen',
                  width: 110,
                  render: (fen: number | null) => fenToWanYuanText(fen),
                },
                {
                  title: t('talent.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (status: ProgrammeRecord['status']) => (
                    <Tag color={PROGRAMME_STATUS_COLORS[status]}>{programmeStatusLabel(status)}</Tag>
                  ),
                },
                {
                  key: 'actions',
                  width: 200,
                  render: (_value, row) => (
                    <WorkflowActions
                      definition={talentProgrammeWorkflow}
                      allowedActions={row.allowedActions}
                      actionUrl={(action) => `${TALENT_URL}/programme-records/${row.id}/actions/${action}`}
                      version={row.version}
                      onDone={reload}
                      onConflict={reload}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('talent.helpRecords')}
            extra={canEdit && <AddHelpButton talentId={talent.id} />}
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="talent-help-records"
              dataSource={talent.helpRecords}
              locale={{ emptyText: t('talent.none') }}
              columns={[
                { title: t('talent.helpedOn'), dataIndex: 'helpedOn', width: 110 },
                { title: t('talent.helpKind'), dataIndex: 'kind', width: 100, render: helpLabel },
                { title: t('talent.handledBy'), dataIndex: 'handledBy', width: 140 },
                { title: t('talent.outcome'), dataIndex: 'outcome' },
              ]}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
