import type { WorkCalendarResponse } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Calendar, Card, Col, InputNumber, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { PageLoading } from '../../app/guards';

type CalendarResponse = WorkCalendarResponse;

const HOLIDAY_COLOR = '#ff4d4f';
const WORKDAY_COLOR = '#fa8c16';
const WEEKEND_COLOR = '#bfbfbf';

const calendarKey = (year: number) => ['admin', 'calendar', year] as const;

function isWeekend(day: Dayjs): boolean {
  return day.day() === 0 || day.day() === 6;
}

interface DayMarks {
  holidays: Set<string>;
  workdays: Set<string>;
}

/** A weekday toggles as a holiday, a weekend day as a make-up working day (调休). */
function toggleDay(marks: DayMarks, day: Dayjs): DayMarks {
  const text = day.format('YYYY-MM-DD');
  const holidays = new Set(marks.holidays);
  const workdays = new Set(marks.workdays);
  const target = isWeekend(day) ? workdays : holidays;
  if (target.has(text)) target.delete(text);
  else target.add(text);
  return { holidays, workdays };
}

function MonthCalendar({
  month,
  marks,
  onToggle,
}: {
  month: Dayjs;
  marks: DayMarks;
  onToggle: (day: Dayjs) => void;
}) {
  return (
    <Calendar
      fullscreen={false}
      value={month}
      validRange={[month.startOf('month'), month.endOf('month')]}
      headerRender={() => (
        <Typography.Text strong style={{ display: 'block', padding: '8px 12px' }}>
          {month.format('YYYY-MM')}
        </Typography.Text>
      )}
      onSelect={(day, info) => {
        if (info.source === 'date' && day.isSame(month, 'month')) onToggle(day);
      }}
      fullCellRender={(day, info) => {
        if (info.type !== 'date' || !day.isSame(month, 'month')) return <div style={{ height: 24 }} />;
        const text = day.format('YYYY-MM-DD');
        const isHoliday = marks.holidays.has(text);
        const isWorkday = marks.workdays.has(text);
        const background = isHoliday ? HOLIDAY_COLOR : isWorkday ? WORKDAY_COLOR : undefined;
        return (
          <div
            data-testid={`day-${text}`}
            data-kind={isHoliday ? 'holiday' : isWorkday ? 'workday' : isWeekend(day) ? 'weekend' : 'weekday'}
            style={{
              margin: '0 auto',
              width: 26,
              height: 24,
              lineHeight: '24px',
              borderRadius: 4,
              background,
              color: background ? '#fff' : isWeekend(day) ? WEEKEND_COLOR : undefined,
            }}
          >
            {day.date()}
          </div>
        );
      }}
    />
  );
}

/** 工作日历: which weekdays are holidays and which weekend days are worked, by year; deadlines count working days. */
export function CalendarPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [marks, setMarks] = useState<DayMarks>({ holidays: new Set(), workdays: new Set() });
  const calendar = useQuery({
    queryKey: calendarKey(year),
    queryFn: () => api.get<CalendarResponse>(`/api/admin/calendar/${year}`),
  });

  useEffect(() => {
    if (calendar.data)
      setMarks({ holidays: new Set(calendar.data.holidays), workdays: new Set(calendar.data.workdays) });
  }, [calendar.data]);

  const save = useMutation({
    mutationFn: () =>
      api.put<CalendarResponse>(`/api/admin/calendar/${year}`, {
        holidays: [...marks.holidays].sort(),
        workdays: [...marks.workdays].sort(),
        version: calendar.data?.version || undefined,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(calendarKey(year), updated);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'calendar-warnings'] });
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) =>
      handleApiError(error, {
        onConflict: () => void queryClient.invalidateQueries({ queryKey: calendarKey(year) }),
      }),
  });
  const restore = useMutation({
    mutationFn: () =>
      api.post<CalendarResponse>(`/api/admin/calendar/${year}/restore-official`, {
        version: calendar.data?.version ?? 0,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(calendarKey(year), updated);
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) =>
      handleApiError(error, {
        onConflict: () => void queryClient.invalidateQueries({ queryKey: calendarKey(year) }),
      }),
  });
  const source = calendar.data?.isOverridden
    ? { color: 'orange', text: t('admin.calendarOverridden') }
    : calendar.data?.officialSource
      ? { color: 'green', text: t('admin.calendarOfficial', { source: calendar.data.officialSource }) }
      : { color: 'red', text: t('admin.calendarNone') };

  const months = Array.from({ length: 12 }, (_unused, index) => dayjs(new Date(year, index, 1)));

  return (
    <Card
      title={t('menu.calendar')}
      extra={
        <Space>
          <span>{t('admin.calendarYear')}</span>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(value) => value && setYear(value)}
            data-testid="calendar-year"
          />
          {calendar.data?.isOverridden && calendar.data.officialSource && (
            <Button
              loading={restore.isPending}
              onClick={() => restore.mutate()}
              data-testid="calendar-restore"
            >
              {t('admin.restoreOfficial')}
            </Button>
          )}
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="calendar-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('admin.calendarHint')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        {calendar.data && (
          <Tag color={source.color} data-testid="calendar-source">
            {source.text}
          </Tag>
        )}
        <Tag color={HOLIDAY_COLOR}>{t('admin.holiday')}</Tag>
        <Tag color={WORKDAY_COLOR}>{t('admin.workday')}</Tag>
        <Tag>
          <span style={{ color: WEEKEND_COLOR }}>■</span> {t('admin.weekend')}
        </Tag>
        <Typography.Text type="secondary">
          {t('admin.holidayCount', { count: marks.holidays.size })}，
          {t('admin.workdayCount', { count: marks.workdays.size })}
        </Typography.Text>
      </Space>
      {calendar.isPending ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]}>
          {months.map((month) => (
            <Col key={month.month()} xs={24} md={12} xl={8} xxl={6}>
              <div style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
                <MonthCalendar
                  month={month}
                  marks={marks}
                  onToggle={(day) => setMarks((current) => toggleDay(current, day))}
                />
              </div>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
