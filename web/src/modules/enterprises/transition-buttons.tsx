import { type EnterpriseDetail, enterpriseVerificationWorkflow } from '@kechuang/domain';
import { useQueryClient } from '@tanstack/react-query';
import { WorkflowActions } from '../../app/workflow-actions';

interface TransitionButtonsProps {
  detail: EnterpriseDetail;
  /** Query key of the record, refreshed after a change or a version conflict. */
  queryKey: readonly unknown[];
}

/** The verification actions the server allows now on this enterprise. */
export function TransitionButtons({ detail, queryKey }: TransitionButtonsProps) {
  const queryClient = useQueryClient();
  return (
    <WorkflowActions<EnterpriseDetail>
      definition={enterpriseVerificationWorkflow}
      allowedActions={detail.allowedActions}
      actionUrl={(action) => `/api/enterprises/${detail.enterprise.id}/actions/${action}`}
      version={detail.enterprise.version}
      dangerStates={['returned']}
      onDone={(updated) => {
        queryClient.setQueryData(queryKey, updated);
        void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
        void queryClient.invalidateQueries({ queryKey: ['workbench'] });
      }}
      onConflict={() => void queryClient.invalidateQueries({ queryKey })}
    />
  );
}
