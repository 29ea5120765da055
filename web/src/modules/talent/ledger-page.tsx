import {
  PERMIT_CLASSES,
  type PermitClass,
  TALENT_ORIGIN_LABELS,
  TALENT_ORIGINS,
  type TalentSummary,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { ImportButton } from '../../app/import-button';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { TalentDrawer } from './talent-drawer';
import { TalentFormModal, useTalentForm } from './talent-form';
import {
  label,
  PERMIT_COLORS,
  permitLabel,
  TALENT_KEY,
  TALENT_URL,
  useTalentChannels,
  useTalentList,
} from './use-talent';

type Filters = {
  keyword?: string;
  origin?: string;
  channelId?: number;
  permitClass?: string;
  arrivalYear?: number;
};

function useColumns(open: (id: number) => void, foreign: boolean): TableProps<TalentSummary>['columns'] {
  const { t } = useTranslation();
  return [
    {
      title: t('talent.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => open(row.id)}>
          {name}
        </Button>
      ),
    },
    ...(foreign
      ? []
      : [
          {
            title: t('talent.origin'),
            dataIndex: 'origin',
            width: 90,
            render: (value: TalentSummary['origin']) => label(TALENT_ORIGIN_LABELS, value),
          },
        ]),
    { title: t('talent.nationality'), dataIndex: 'nationality', width: 90 },
    { title: t('talent.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    { title: t('talent.field'), dataIndex: 'field', width: 120 },
    { title: t('talent.employer'), dataIndex: 'employerName' },
    { title: t('talent.arrivalDate'), dataIndex: 'arrivalDate', width: 110 },
    { title: t('talent.channel'), dataIndex: 'channelName', width: 140 },
    {
      title: t('talent.permitClass'),
      dataIndex: 'permitClass',
      width: 170,
      render: (value: PermitClass | null) =>
        value ? <Tag color={PERMIT_COLORS[value]}>{permitLabel(value)}</Tag> : null,
    },
    ...(foreign ? [{ title: t('talent.permitValidUntil'), dataIndex: 'permitValidUntil', width: 120 }] : []),
  ];
}

/** 人才台账 (and, with `foreign`, the foreign talents by work-permit class): staff add, import, edit; the leader reads. */
function LedgerList(props: { foreign: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const channels = useTalentChannels();
  const { values, page, pageSize, update } = useUrlFilters([
    'keyword',
    'origin',
    'channelId',
    'permitClass',
    'arrivalYear',
    'open',
  ] as const);
  const filters = {
    keyword: values.keyword,
    origin: props.foreign ? 'foreign' : values.origin,
    channelId: values.channelId,
    permitClass: values.permitClass,
    arrivalYear: values.arrivalYear,
  };
  const list = useTalentList({ ...filters, page, pageSize });
  const openId = values.open ? Number(values.open) : null;
  const recordForm = useTalentForm((talent) => update({ open: talent.id }));
  const columns = useColumns((id) => update({ open: id }), props.foreign);
  const cleared = {
    keyword: undefined,
    origin: undefined,
    channelId: undefined,
    permitClass: undefined,
    arrivalYear: undefined,
    page: 1,
  };
  return (
    <ListPage
      title={props.foreign ? t('talent.foreignTitle') : t('talent.ledgerTitle')}
      filters={
        <QueryBar<Filters>
          testId="talent-query"
          values={filters}
          onSearch={(input) =>
            update({ ...cleared, ...input, keyword: input.keyword?.trim() || undefined, page: 1 })
          }
          onReset={() => update(cleared)}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('talent.keywordPlaceholder')} data-testid="talent-keyword" />
            </Form.Item>
          </FilterCol>
          {!props.foreign && (
            <FilterCol>
              <Form.Item name="origin" label={t('talent.origin')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  options={TALENT_ORIGINS.map((value) => ({
                    value,
                    label: label(TALENT_ORIGIN_LABELS, value),
                  }))}
                />
              </Form.Item>
            </FilterCol>
          )}
          <FilterCol>
            <Form.Item name="channelId" label={t('talent.channel')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                options={(channels.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="permitClass" label={t('talent.permitClass')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={PERMIT_CLASSES.map((value) => ({ value, label: permitLabel(value) }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="arrivalYear" label={t('talent.arrivalYear')}>
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      actions={
        <>
          <ExportButton href={`${TALENT_URL}/export${toQueryString(filters)}`} testId="talent-export" />
          {canEdit && (
            <ImportButton
              kind="talent-ledger"
              title={t('talent.importTitle')}
              invalidates={[[...TALENT_KEY]]}
            />
          )}
          {canEdit && (
            <AddButton label={t('talent.add')} onClick={() => recordForm.open('new')} testId="talent-add" />
          )}
        </>
      }
      overlays={
        <>
          <TalentDrawer
            id={openId}
            onClose={() => update({ open: undefined })}
            recordForm={canEdit ? recordForm : undefined}
          />
          {canEdit && <TalentFormModal recordForm={recordForm} />}
        </>
      }
    >
      <ListTable<TalentSummary>
        data-testid="talent-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1300 }}
      />
    </ListPage>
  );
}

export function TalentLedgerPage() {
  return <LedgerList foreign={false} />;
}

export function ForeignTalentPage() {
  return <LedgerList foreign />;
}

/** 本单位人才: the people the enterprise employs (the server lists only those), masked and read-only. */
export function EnterpriseTalentPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useTalentList({ pageSize: 200 });
  const [openId, setOpenId] = useState<number | null>(null);
  const columns = useColumns(setOpenId, false);
  const introduceForm = useTalentForm(undefined, user?.enterpriseId ?? undefined);
  return (
    <Card
      title={t('talent.myTitle')}
      extra={
        user?.enterpriseId ? (
          <AddButton
            label={t('talent.introduce')}
            onClick={() => introduceForm.open('new')}
            testId="talent-introduce"
          />
        ) : null
      }
    >
      <TalentFormModal recordForm={introduceForm} ownEmployer />
      <ListTable<TalentSummary>
        data-testid="my-talent-table"
        columns={columns}
        query={list}
        emptyText={t('talent.noTalents')}
        pagination={false}
      />
      <TalentDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
