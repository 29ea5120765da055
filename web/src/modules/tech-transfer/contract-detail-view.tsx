import { FilePdfOutlined } from '@ant-design/icons';
import { TECH_CONTRACT_FIELD_LABELS, type TechContract } from '@kechuang/domain';
import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../app/i18n';
import {
  COST_KIND_KEYS,
  ContractStatusTag,
  DaysLeft,
  ExemptionTag,
  regionName,
  wan,
} from './contract-shared';
import { CONTRACTS_URL } from './use-contracts';

function label(field: string): string {
  return textIn(TECH_CONTRACT_FIELD_LABELS[field]);
}

/** The reasons the 登记员 gave when returning the contract for 补正, newest first. */
export function ReturnReasons({ contract }: { contract: TechContract }) {
  const { t } = useTranslation();
  const returns = contract.history
    .filter((entry) => entry.action === 'return' && entry.comment)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (contract.status !== 'returned' || returns.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('techTransfer.returnedTitle')}
      description={
        <Space orientation="vertical" size={2}>
          <Typography.Text data-testid="return-reason">{returns[0].comment}</Typography.Text>
          <Typography.Text type="secondary">
            {t('techTransfer.returnedBy', {
              name: returns[0].actorName,
              date: returns[0].createdAt.slice(0, 10),
            })}
          </Typography.Text>
        </Space>
      }
    />
  );
}

/** Everything filed and decided about one contract, read-only. */
export function ContractDescriptions({ contract }: { contract: TechContract }) {
  const { t } = useTranslation();
  const wanYuan = t('techTransfer.wanYuan');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-details">
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={label('title')} span={2}>
          {contract.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <ContractStatusTag status={contract.status} />
          {contract.imported && (
            <Typography.Text type="secondary">{t('techTransfer.imported')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={label('registrationNo')}>
          <Typography.Text strong data-testid="contract-registration-no">
            {contract.registrationNo ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={label('category')}>{contract.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label={label('registeredOn')}>{contract.registeredOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('techTransfer.seller')}>{contract.sellerName}</Descriptions.Item>
        <Descriptions.Item label={t('techTransfer.sellerCreditCode')}>
          {contract.sellerCreditCode}
        </Descriptions.Item>
        <Descriptions.Item label={label('buyerName')}>{contract.buyerName}</Descriptions.Item>
        <Descriptions.Item label={label('buyerCreditCode')}>
          {contract.buyerCreditCode ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={label('buyerRegionCode')}>
          {regionName(contract.buyerRegionCode)}
        </Descriptions.Item>
        <Descriptions.Item label={label('signedOn')}>{contract.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t('techTransfer.term')} span={2}>
          {contract.termStartOn} ~ {contract.termEndOn}
        </Descriptions.Item>
        <Descriptions.Item label={label('contractFen')}>
          {wan(contract.contractFen)} {wanYuan}
        </Descriptions.Item>
        <Descriptions.Item label={label('techFen')}>
          <Typography.Text strong data-testid="contract-tech-fen">
            {wan(contract.techFen)} {wanYuan}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={label('carrierFen')}>
          {wan(contract.carrierFen)} {wanYuan}
        </Descriptions.Item>
        <Descriptions.Item label={label('disputed')}>
          {contract.disputed ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('techTransfer.timeLimit')}>
          {contract.acceptedOn
            ? t('techTransfer.timeLimitText', {
                acceptedOn: contract.acceptedOn,
                days: contract.timeLimitDays ?? '',
                dueOn: contract.dueOn ?? '',
              })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('techTransfer.daysLeftColumn')}>
          <DaysLeft contract={contract} />
        </Descriptions.Item>
        {contract.linkedContractId !== null && (
          <Descriptions.Item label={label('linkedContractId')} span={2}>
            #{contract.linkedContractId}（{label('sameInvoice')}：
            {contract.sameInvoice ? t('common.yes') : t('common.no')}）
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('techTransfer.exemption')} span={2}>
          <Space orientation="vertical" size={2}>
            <span>
              {contract.exemptionEligible === null ? (
                contract.exemptionClaimed ? (
                  t('techTransfer.exemptionRequested')
                ) : (
                  t('techTransfer.exemptionNotRequested')
                )
              ) : (
                <ExemptionTag contract={contract} />
              )}
            </span>
            {contract.exemptionReason && (
              <Typography.Text type="secondary" data-testid="exemption-reason">
                {contract.exemptionReason}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        {contract.refusalReason && (
          <Descriptions.Item label={t('techTransfer.refusalReason')} span={2}>
            <Typography.Text type="danger">{contract.refusalReason}</Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={label('signedFileId')} span={2}>
          {contract.signedFileId ? (
            <Typography.Link href={`${CONTRACTS_URL}/${contract.id}/signed-file`} target="_blank">
              <FilePdfOutlined /> {t('techTransfer.openSignedFile')}
            </Typography.Link>
          ) : (
            <Typography.Text type="secondary">{t('techTransfer.noSignedFile')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(_row, index) => `cost-${index}`}
        pagination={false}
        title={() => label('nonTechnicalCosts')}
        dataSource={contract.nonTechnicalCosts}
        locale={{ emptyText: t('techTransfer.noCosts') }}
        columns={[
          {
            title: label('kind'),
            dataIndex: 'kind',
            width: 140,
            render: (kind: keyof typeof COST_KIND_KEYS) => t(COST_KIND_KEYS[kind]),
          },
          { title: label('description'), dataIndex: 'description' },
          {
            title: `${label('amountFen')}（${wanYuan}）`,
            dataIndex: 'amountFen',
            width: 140,
            align: 'right',
            render: (fen: number) => wan(fen),
          },
        ]}
      />
      <Table
        size="small"
        rowKey={(_row, index) => `payment-${index}`}
        pagination={false}
        title={() => label('payments')}
        dataSource={contract.payments}
        locale={{ emptyText: t('techTransfer.noPayments') }}
        columns={[
          { title: label('dueOn'), dataIndex: 'dueOn', width: 140 },
          {
            title: `${label('amountFen')}（${wanYuan}）`,
            dataIndex: 'amountFen',
            width: 140,
            align: 'right',
            render: (fen: number) => wan(fen),
          },
          { title: t('techTransfer.paymentNote'), dataIndex: 'note', render: (note?: string) => note ?? '' },
        ]}
      />
    </Space>
  );
}
