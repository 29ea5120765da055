import type { PlatformSummary } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../app/list-page/list-table';
import { PlatformDrawer } from './platform-drawer';
import { LEVEL_COLORS, levelLabel, STATUS_COLORS, statusLabel, usePlatformList } from './use-platforms';

/** 我的科创平台: the platforms the enterprise hosts (the server lists only those), read-only. */
export function EnterprisePlatformsPage() {
  const { t } = useTranslation();
  const list = usePlatformList({ pageSize: 200 });
  const [openId, setOpenId] = useState<number | null>(null);
  const columns: TableProps<PlatformSummary>['columns'] = [
    {
      title: t('platforms.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {name}
        </Button>
      ),
    },
    { title: t('platforms.type'), dataIndex: 'typeName', width: 160 },
    {
      title: t('platforms.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: PlatformSummary['level']) => <Tag color={LEVEL_COLORS[level]}>{levelLabel(level)}</Tag>,
    },
    { title: t('platforms.documentNo'), dataIndex: 'documentNo', width: 180 },
    { title: t('platforms.recognizedOn'), dataIndex: 'recognizedOn', width: 120 },
    {
      title: t('platforms.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: PlatformSummary['status']) => (
        <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>
      ),
    },
  ];
  return (
    <Card title={t('platforms.myTitle')}>
      <ListTable<PlatformSummary>
        data-testid="my-platform-table"
        columns={columns}
        query={list}
        emptyText={t('platforms.noPlatforms')}
        pagination={false}
      />
      <PlatformDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
