import {
  FUND_AWARD_KIND_LABELS,
  FUND_AWARD_KINDS,
  type FundAward,
  type RiskCompensation,
} from '@kechuang/domain';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EnterprisePicker, yearOptions } from '../cultivation/registers-shared';
import { FundRecordsTab } from './fund-records-tab';
import { textOf, wan, wanToFen } from './shared';

interface AwardForm {
  enterpriseId: number;
  year: number;
  kind: string;
  amount: number;
  documentNo: string;
  grantedOn: Dayjs;
  note?: string;
}

interface CompensationForm {
  enterpriseId: number;
  bankName: string;
  loan: number;
  compensation: number;
  compensatedOn: Dayjs;
  note?: string;
}

/** A required field of the funds forms; they all say 必填 the same way. */
function RequiredItem({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('plan.required') }]}>
      {children}
    </Form.Item>
  );
}

function EnterpriseItem({ record }: { record: { enterpriseName: string } | undefined }) {
  const { t } = useTranslation();
  return (
    <RequiredItem name="enterpriseId" label={t('plan.enterprise')}>
      <EnterprisePicker initialLabel={record?.enterpriseName} />
    </RequiredItem>
  );
}

/** 补助与奖励: subsidies and awards paid to enterprises, by year. */
export function AwardsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <FundRecordsTab<FundAward, AwardForm>
      canWrite={canWrite}
      url="/api/funds/awards"
      addTestId="award-add"
      columns={[
        { title: t('plan.year'), dataIndex: 'year', width: 80 },
        { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
        {
          title: t('plan.kind'),
          dataIndex: 'kind',
          render: (kind: FundAward['kind']) => textOf(FUND_AWARD_KIND_LABELS[kind]),
        },
        { title: t('plan.amount'), dataIndex: 'amountFen', render: wan },
        { title: t('plan.documentNo'), dataIndex: 'documentNo' },
        { title: t('plan.grantedOn'), dataIndex: 'grantedOn' },
      ]}
      toBody={(values) => ({
        enterpriseId: values.enterpriseId,
        year: values.year,
        kind: values.kind,
        amountFen: wanToFen(values.amount ?? 0),
        documentNo: values.documentNo,
        grantedOn: values.grantedOn?.format('YYYY-MM-DD'),
        note: values.note ?? '',
      })}
      toFormValues={(row) => ({
        enterpriseId: row.enterpriseId,
        year: row.year,
        kind: row.kind,
        amount: row.amountFen / 1_000_000,
        documentNo: row.documentNo,
        grantedOn: dayjs(row.grantedOn),
        note: row.note,
      })}
      fields={(record) => (
        <>
          <EnterpriseItem record={record} />
          <RequiredItem name="year" label={t('plan.year')}>
            <Select options={yearOptions(2017)} />
          </RequiredItem>
          <RequiredItem name="kind" label={t('plan.kind')}>
            <Select
              options={FUND_AWARD_KINDS.map((kind) => ({
                value: kind,
                label: textOf(FUND_AWARD_KIND_LABELS[kind]),
              }))}
            />
          </RequiredItem>
          <RequiredItem name="amount" label={t('plan.amount')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </RequiredItem>
          <RequiredItem name="documentNo" label={t('plan.documentNo')}>
            <Input maxLength={100} />
          </RequiredItem>
          <RequiredItem name="grantedOn" label={t('plan.grantedOn')}>
            <DatePicker />
          </RequiredItem>
          <Form.Item name="note" label={t('plan.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    />
  );
}

/** 风险补偿: loans the district compensated a bank for, by year. */
export function CompensationTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <FundRecordsTab<RiskCompensation, CompensationForm>
      canWrite={canWrite}
      url="/api/funds/risk-compensations"
      columns={[
        { title: t('plan.compensatedOn'), dataIndex: 'compensatedOn', width: 120 },
        { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('plan.bank'), dataIndex: 'bankName' },
        { title: t('plan.loanAmount'), dataIndex: 'loanFen', render: wan },
        { title: t('plan.compensationAmount'), dataIndex: 'compensationFen', render: wan },
      ]}
      toBody={(values) => ({
        enterpriseId: values.enterpriseId,
        bankName: values.bankName,
        loanFen: wanToFen(values.loan ?? 0),
        compensationFen: wanToFen(values.compensation ?? 0),
        compensatedOn: values.compensatedOn?.format('YYYY-MM-DD'),
        note: values.note ?? '',
      })}
      toFormValues={(row) => ({
        enterpriseId: row.enterpriseId,
        bankName: row.bankName,
        loan: row.loanFen / 1_000_000,
        compensation: row.compensationFen / 1_000_000,
        compensatedOn: dayjs(row.compensatedOn),
        note: row.note,
      })}
      fields={(record) => (
        <>
          <EnterpriseItem record={record} />
          <RequiredItem name="bankName" label={t('plan.bank')}>
            <Input maxLength={100} />
          </RequiredItem>
          <RequiredItem name="loan" label={t('plan.loanAmount')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </RequiredItem>
          <RequiredItem name="compensation" label={t('plan.compensationAmount')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </RequiredItem>
          <RequiredItem name="compensatedOn" label={t('plan.compensatedOn')}>
            <DatePicker />
          </RequiredItem>
          <Form.Item name="note" label={t('plan.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    />
  );
}
