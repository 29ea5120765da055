import { type Policy, policyWorkflow } from '@kechuang/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryTimeline } from '../../app/history-timeline';
import { WorkflowActions } from '../../app/workflow-actions';
import { ItemNoticesDrawer } from './item-notices-drawer';
import { PolicyDetail } from './policy-detail';
import type { usePolicyForm } from './policy-form';
import { POLICIES_KEY, POLICIES_URL, usePolicy } from './use-policies';

/** One policy for the bureau: the record, staff's edit / 发布 / 废止, and its 流程记录. */
export function PolicyDrawer(props: {
  id: number | null;
  onClose: () => void;
  recordForm?: ReturnType<typeof usePolicyForm>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = usePolicy(props.id);
  const [noticesOf, setNoticesOf] = useState<{ id: number; title: string } | null>(null);
  const policy = detail.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={960}
      title={policy?.title ?? t('policies.detail')}
      data-testid="policy-drawer"
      extra={
        policy &&
        props.recordForm &&
        policy.status !== 'repealed' && (
          <Button onClick={() => props.recordForm?.open(policy)} data-testid="policy-edit">
            {t('policies.edit')}
          </Button>
        )
      }
    >
      {!policy ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {props.recordForm && (
            <WorkflowActions<Policy>
              definition={policyWorkflow}
              allowedActions={policy.allowedActions}
              actionUrl={(action) => `${POLICIES_URL}/${policy.id}/actions/${action}`}
              version={policy.version}
              onDone={reload}
              onConflict={reload}
              dangerStates={['repealed']}
            />
          )}
          <PolicyDetail
            policy={policy}
            itemActions={(item) => (
              <Button
                size="small"
                onClick={() => setNoticesOf({ id: item.id, title: item.title })}
                data-testid={`item-notices-${item.id}`}
              >
                {t('policies.noticesButton')}
              </Button>
            )}
          />
          <Card size="small" title={t('policies.history')}>
            <HistoryTimeline history={policy.history} definition={policyWorkflow} />
          </Card>
        </Space>
      )}
      <ItemNoticesDrawer item={noticesOf} onClose={() => setNoticesOf(null)} />
    </Drawer>
  );
}
