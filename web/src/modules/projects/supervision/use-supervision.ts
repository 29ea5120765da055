import type {
  ChangeRequest,
  ProgressReport,
  SupervisionProjectDetail,
  SupervisionProjectPage,
} from '@kechuang/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../app/api-client';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type QueryValue = string | number | undefined;

export function useSupervisionProjects(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['supervision', 'projects', query],
    queryFn: () => api.get<SupervisionProjectPage>(`/api/supervision/projects${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionProject(id: number) {
  return useQuery({
    queryKey: ['supervision', 'project', id],
    queryFn: () => api.get<SupervisionProjectDetail>(`/api/supervision/projects/${id}`),
  });
}

export function useOverdueReports(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['supervision', 'overdue', query],
    queryFn: () => api.get<Page<ProgressReport>>(`/api/supervision/overdue-reports${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useChangeQueue(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['supervision', 'changes', query],
    queryFn: () => api.get<Page<ChangeRequest>>(`/api/supervision/changes${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Everything supervision shows is refreshed together after any change. */
export function useRefreshSupervision() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['supervision'] });
}

export const STATUS_COLORS: Record<string, string> = {
  contracting: 'default',
  inProgress: 'processing',
  suspended: 'warning',
  acceptanceApplied: 'purple',
  rectifying: 'orange',
  reconsidering: 'gold',
  accepted: 'success',
  closedWithoutPass: 'cyan',
  failed: 'error',
  terminated: 'volcano',
  revoked: 'magenta',
  archived: 'default',
};

export const REPORT_COLORS: Record<string, string> = {
  pending: 'default',
  submitted: 'processing',
  accepted: 'success',
  returned: 'warning',
};
