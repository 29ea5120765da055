import { platformWorkflow } from '@kechuang/domain';
import { Button, Card, Descriptions, Drawer, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { HistoryTimeline } from '../../app/history-timeline';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { TalentsCard } from '../talent';
import { PlatformActions } from './lifecycle-modals';
import type { usePlatformForm } from './platform-form';
import { LEVEL_COLORS, levelLabel, STATUS_COLORS, statusLabel, usePlatform } from './use-platforms';

/**
 * One platform: what is on record, its level history (认定 then each 升级, with date and 文号), its
 * status history from the workflow, its hosts (linked to their records for the bureau), and for staff
 * the edit, upgrade and status buttons.
 */
export function PlatformDrawer(props: {
  id: number | null;
  onClose: () => void;
  /** Given for staff: opens the edit form on the record. */
  recordForm?: ReturnType<typeof usePlatformForm>;
}) {
  const { t } = useTranslation();
  const detail = usePlatform(props.id);
  const platform = detail.data;
  const { user } = useAuth();
  const isBureau = user?.role === 'staff' || user?.role === 'leader';
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={880}
      title={platform?.name ?? t('platforms.detail')}
      data-testid="platform-drawer"
      extra={
        platform &&
        props.recordForm && (
          <Space>
            {platform.allowedActions.length > 0 && (
              <Button onClick={() => props.recordForm?.open(platform)} data-testid="platform-edit">
                {t('platforms.edit')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!platform ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {props.recordForm && <PlatformActions platform={platform} />}
          <Descriptions bordered size="small" column={2} data-testid="platform-descriptions">
            <Descriptions.Item label={t('platforms.type')}>{platform.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.level')}>
              <Tag color={LEVEL_COLORS[platform.level]} data-testid="platform-level-tag">
                {levelLabel(platform.level)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.status')}>
              <Tag color={STATUS_COLORS[platform.status]} data-testid="platform-status-tag">
                {statusLabel(platform.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.hosts')}>
              <Space wrap size={4} separator="、">
                {platform.hosts.map((host) =>
                  isBureau ? (
                    <Link key={host.enterpriseId} to={`/bureau/enterprises/${host.enterpriseId}`}>
                      {host.name}
                    </Link>
                  ) : (
                    <span key={host.enterpriseId}>{host.name}</span>
                  ),
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.approvingBody')}>
              {platform.approvingBody}
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.documentNo')}>{platform.documentNo}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.recognizedOn')}>{platform.recognizedOn}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.firstRecognizedOn')}>
              {platform.firstRecognizedOn}
            </Descriptions.Item>
            {platform.endedOn && (
              <Descriptions.Item label={t('platforms.endedOn')}>{platform.endedOn}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('platforms.field')}>{platform.field}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.street')}>{platform.street}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.area')}>{platform.areaSquareMeters}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.staffCount')}>{platform.staffCount}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.equipment')}>
              {fenToWanYuanText(platform.equipmentFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.contactName')}>
              {[platform.contactName, platform.contactPhone].filter(Boolean).join(' ')}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('platforms.levelHistory')}>
            {platform.levelHistory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Timeline
                data-testid="platform-level-history"
                items={platform.levelHistory.map((entry) => ({
                  key: entry.id,
                  color: entry.kind === 'upgrade' ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>
                        {entry.recognizedOn}{' '}
                        {entry.kind === 'upgrade' ? t('platforms.upgradeStep') : t('platforms.recognition')}{' '}
                        {levelLabel(entry.level)}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {entry.approvingBody} {entry.documentNo}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
          {(isBureau || user?.role === 'enterprise') && <TalentsCard platformId={platform.id} />}
          <Card size="small" title={t('platforms.statusHistory')}>
            <HistoryTimeline history={platform.statusHistory} definition={platformWorkflow} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
