import type { notificationPageSchema } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';

export type NotificationPage = ReturnType<typeof notificationPageSchema.parse>;
export type NotificationItem = NotificationPage['items'][number];

const POLL_INTERVAL_MS = 60_000;

export function useNotificationPage(
  query: { page: number; pageSize: number; unreadOnly?: boolean },
  isPolling = false,
) {
  return useQuery({
    queryKey: ['notifications', query],
    queryFn: () =>
      api.get<NotificationPage>(
        `/api/notifications${toQueryString({ ...query, unreadOnly: query.unreadOnly ? 'true' : undefined })}`,
      ),
    refetchInterval: isPolling ? POLL_INTERVAL_MS : false,
    meta: { isSilent: isPolling },
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    void queryClient.invalidateQueries({ queryKey: ['workbench'] });
  };
  const markOne = useMutation({
    mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: refresh,
  });
  return { markOne, markAll };
}
