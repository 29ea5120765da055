import { CheckCircleOutlined, FileWordOutlined } from '@ant-design/icons';
import { techContractWorkflow, type WorkflowDefinition } from '@kechuang/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HistoryTimeline } from '../../app/history-timeline';
import { ContractDescriptions } from './contract-detail-view';
import { StaffActions } from './staff-actions';
import { CONTRACTS_URL, contractKey, TECH_CONTRACTS_KEY, useContract } from './use-contracts';

/** Downloads the 登记证明 (Word) of a registered contract. */
export function CertificateButton({ id, isPrimary = false }: { id: number; isPrimary?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      type={isPrimary ? 'primary' : 'default'}
      icon={<FileWordOutlined />}
      href={`${CONTRACTS_URL}/${id}/certificate`}
      data-testid="contract-certificate"
    >
      {t('techTransfer.certificate')}
    </Button>
  );
}

/**
 * One contract for the bureau: what was filed, the class's acceptance checklist, the steps the
 * caller may take now (staff only; the leader and the observer read), and its history.
 */
export function ContractDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useContract(id);
  const contract = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={960}
      title={contract ? contract.title : t('techTransfer.contractDetail')}
      extra={
        contract && (
          <Space>
            {contract.status === 'registered' && <CertificateButton id={contract.id} />}
            <StaffActions
              contract={contract}
              onDone={(result) => {
                queryClient.setQueryData(contractKey(id), result);
                void queryClient.invalidateQueries({ queryKey: TECH_CONTRACTS_KEY });
              }}
              onConflict={() => void detail.refetch()}
            />
          </Space>
        )
      }
    >
      <div data-testid="contract-drawer">
        {!contract ? (
          <Spin />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ContractDescriptions contract={contract} />
            <Card size="small" title={t('techTransfer.checklist')}>
              <List
                size="small"
                dataSource={contract.checklist}
                data-testid="contract-checklist"
                renderItem={(item) => (
                  <List.Item>
                    <Space>
                      <CheckCircleOutlined style={{ color: '#8c8c8c' }} />
                      {item}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <div>
              <Typography.Title level={5}>{t('techTransfer.history')}</Typography.Title>
              <HistoryTimeline
                history={contract.history}
                definition={techContractWorkflow as WorkflowDefinition}
              />
            </div>
          </Space>
        )}
      </div>
    </Drawer>
  );
}
