import type { ServiceEventSummary } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { EventFormModal, useEventForm } from './event-form';
import { SERVICES_URL, useEventList, useEventTypes } from './use-services';

type Filters = { keyword?: string; typeId?: number; year?: number };

/** 科技服务活动: every event by type and year, with sign-ups and attendance; staff add events. */
export function ServiceEventsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const types = useEventTypes();
  const { values, page, pageSize, update } = useUrlFilters(['keyword', 'typeId', 'year'] as const);
  const filters = { keyword: values.keyword, typeId: values.typeId, year: values.year };
  const list = useEventList({ ...filters, page, pageSize });
  const open = (id: number) => navigate(`/bureau/services/events/${id}`);
  const eventForm = useEventForm((event) => open(event.id));

  const columns: TableProps<ServiceEventSummary>['columns'] = [
    { title: t('services.eventType'), dataIndex: 'typeName', width: 120 },
    {
      title: t('services.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => open(row.id)}>
          {title}
        </Button>
      ),
    },
    { title: t('services.heldOn'), dataIndex: 'heldOn', width: 120 },
    { title: t('services.place'), key: 'place', render: (_value, row) => row.place ?? row.onlineLink },
    { title: t('services.capacity'), dataIndex: 'capacity', width: 100 },
    { title: t('services.signedUp'), dataIndex: 'signedUp', width: 100 },
    { title: t('services.attended'), dataIndex: 'attended', width: 100 },
  ];

  return (
    <ListPage
      title={t('services.eventsTitle')}
      filters={
        <QueryBar<Filters>
          testId="service-event-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              typeId: input.typeId,
              year: input.year,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, typeId: undefined, year: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('services.keyword')}>
              <Input allowClear />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="typeId" label={t('services.eventType')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('services.year')}>
              <Select allowClear placeholder={t('common.all')} options={yearOptions(2020)} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      actions={
        <>
          <ExportButton
            href={`${SERVICES_URL}/events/export${toQueryString(filters)}`}
            testId="event-export"
          />
          {user?.role === 'staff' && (
            <AddButton
              label={t('services.addEvent')}
              onClick={() => eventForm.open('new')}
              testId="event-add"
            />
          )}
        </>
      }
      overlays={user?.role === 'staff' && <EventFormModal recordForm={eventForm} />}
    >
      <ListTable<ServiceEventSummary>
        data-testid="service-event-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
