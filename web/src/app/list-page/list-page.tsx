import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame every bureau list shares: the query bar in its own card, then the titled card with
 * the page's buttons (新增, 导出) over its tabs and table; modals and drawers follow.
 */
export function ListPage(props: {
  filters?: ReactNode;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Modals and drawers the page opens. */
  overlays?: ReactNode;
}) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {props.filters && <Card>{props.filters}</Card>}
      <Card title={props.title} extra={props.actions && <Space>{props.actions}</Space>}>
        {props.children}
      </Card>
      {props.overlays}
    </Space>
  );
}

/** Downloads the list under the current filters as xlsx (the server builds it from the same query). */
export function ExportButton({ href, testId, label }: { href: string; testId?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={href} data-testid={testId}>
      {label ?? t('common.export')}
    </Button>
  );
}

export function AddButton({
  label,
  onClick,
  testId,
  isPrimary = true,
}: {
  label: string;
  onClick: () => void;
  testId?: string;
  isPrimary?: boolean;
}) {
  return (
    <Button
      type={isPrimary ? 'primary' : 'default'}
      icon={<PlusOutlined />}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
