import type { CalendarWarning } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';

/**
 * The system administrator's warning of years without a working-day calendar that deadlines need,
 * listing the open deadlines counted in them, so a missing calendar is never found by a refusal.
 */
export function CalendarWarnings() {
  const { t } = useTranslation();
  const warnings = useQuery({
    queryKey: ['admin', 'calendar-warnings'],
    queryFn: () => api.get<{ items: CalendarWarning[] }>('/api/admin/calendar-warnings'),
  });
  const items = warnings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="calendar-warnings">
      {items.map((warning) => (
        <Alert
          key={warning.year}
          type="warning"
          showIcon
          title={t('admin.calendarMissing', { year: warning.year })}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('admin.calendarMissingHint')}
              </Typography.Paragraph>
              {warning.dependents.length === 0 ? (
                <Typography.Text type="secondary">{t('admin.calendarNoDependents')}</Typography.Text>
              ) : (
                <>
                  <Typography.Text>{t('admin.calendarDependents')}</Typography.Text>
                  <ul style={{ margin: '4px 0 0' }}>
                    {warning.dependents.map((dependent) => (
                      <li key={`${dependent.kind}-${dependent.id}`}>
                        {t('admin.publicityDependent', dependent)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          }
          action={
            <Link to="/admin/calendar">
              <Button size="small">{t('admin.openCalendar')}</Button>
            </Link>
          }
        />
      ))}
    </Space>
  );
}
