import type { SupervisionProjectDetail } from '@kechuang/domain';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import { AcceptanceTab } from './acceptance-tab';
import { ChangesTab } from './changes-tab';
import { MidTermTab } from './mid-term-tab';
import { ReportsTab } from './report-tab';

/**
 * The supervision tabs of a project detail (执行报告, 中期检查, 变更, 验收), as antd Tabs items so a
 * project detail page can put them next to its own (基本信息, 任务书, 经费…).
 */
export function useProjectSupervisionTabs(
  detail: SupervisionProjectDetail | undefined,
  onChanged: () => void,
) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!detail) return [];
  const isOwner = user?.role === 'enterprise' && user.enterpriseId === detail.project.enterpriseId;
  const canRequestChange =
    isOwner && (detail.project.status === 'inProgress' || detail.project.status === 'suspended');
  const overdue = detail.reports.filter((report) => report.isOverdue).length;
  const pending = detail.changes.filter((change) => change.status === 'submitted').length;
  return [
    {
      key: 'reports',
      label: (
        <Badge count={overdue} size="small" offset={[8, 0]}>
          {t('supervision.tabReports')}
        </Badge>
      ),
      children: <ReportsTab detail={detail} onChanged={onChanged} />,
    },
    {
      key: 'midTerm',
      label: t('supervision.tabMidTerm'),
      children: <MidTermTab detail={detail} onChanged={onChanged} />,
    },
    {
      key: 'changes',
      label: (
        <Badge count={pending} size="small" offset={[8, 0]} color="blue">
          {t('supervision.tabChanges')}
        </Badge>
      ),
      children: <ChangesTab detail={detail} onChanged={onChanged} canRequest={canRequestChange} />,
    },
    {
      key: 'acceptance',
      label: t('supervision.tabAcceptance'),
      children: <AcceptanceTab detail={detail} onChanged={onChanged} />,
    },
  ];
}
