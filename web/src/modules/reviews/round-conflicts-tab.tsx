import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { textIn } from '../cultivation/registers-shared';
import type { ConflictPair } from './round-types';

/** 回避情形: each item–expert pair that conflicts, and 解除回避 with a reason where the rule allows it. */
export function RoundConflictsTab({
  id,
  roundStatus,
  isActive,
}: {
  id: number;
  roundStatus: string;
  /** Load only once the tab is opened. */
  isActive: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const conflicts = useQuery({
    queryKey: ['reviews', 'conflicts', id],
    queryFn: () => api.get<{ pairs: ConflictPair[] }>(`/api/reviews/rounds/${id}/conflicts`),
    enabled: isActive,
  });
  const [overriding, setOverriding] = useState<{ itemId: number; expertId: number; type: string } | null>(
    null,
  );
  const [overrideReason, setOverrideReason] = useState('');
  const override = useMutation({
    mutationFn: () =>
      api.post(`/api/reviews/rounds/${id}/conflict-overrides`, { ...overriding, reason: overrideReason }),
    onSuccess: () => {
      setOverriding(null);
      setOverrideReason('');
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'conflicts', id] });
    },
    onError: (error) => handleApiError(error),
  });
  return (
    <>
      <List
        loading={conflicts.isFetching}
        dataSource={conflicts.data?.pairs ?? []}
        pagination={{ pageSize: 10 }}
        renderItem={(pair) => (
          <List.Item>
            <List.Item.Meta
              title={`${pair.itemTitle} ↔ ${pair.expertName}`}
              description={pair.conflicts.map((conflict) => (
                <div key={conflict.reason.zh}>
                  <Tag color={conflict.override ? 'default' : 'red'}>{textIn(conflict.label)}</Tag>
                  {textIn(conflict.reason)}
                  {conflict.override && (
                    <Typography.Text type="secondary">
                      （{t('reviews.overridden', { reason: conflict.override.reason })}）
                    </Typography.Text>
                  )}
                  {conflict.isOverridable && !conflict.override && roundStatus !== 'finished' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        setOverriding({
                          itemId: pair.itemId,
                          expertId: pair.expertId,
                          type: conflict.type,
                        })
                      }
                    >
                      {t('reviews.override')}
                    </Button>
                  )}
                </div>
              ))}
            />
          </List.Item>
        )}
      />
      <Modal
        open={overriding !== null}
        title={t('reviews.override')}
        onCancel={() => setOverriding(null)}
        onOk={() => override.mutate()}
        okButtonProps={{ disabled: overrideReason.trim().length < 5 }}
        confirmLoading={override.isPending}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('reviews.overrideReason')}
          value={overrideReason}
          onChange={(event) => setOverrideReason(event.target.value)}
        />
      </Modal>
    </>
  );
}
