import type {
  ServiceBoardQuestion,
  ServiceCampaign,
  ServiceDepartment,
  ServiceEvent,
  ServiceEventSummary,
  ServiceEventType,
  ServiceProblem,
  ServiceProblemDetail,
  ServiceSignup,
  ServiceVisit,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';

export const SERVICES_KEY = ['services'] as const;
export const SERVICES_URL = '/api/services';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Query = Record<string, string | number | undefined>;

function useList<T>(path: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [...SERVICES_KEY, path, query],
    queryFn: () => api.get<Page<T>>(`${SERVICES_URL}/${path}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useItems<T>(path: string, enabled = true) {
  return useQuery({
    queryKey: [...SERVICES_KEY, path],
    queryFn: () => api.get<{ items: T[] }>(`${SERVICES_URL}/${path}`),
    staleTime: 60_000,
    enabled,
  });
}

export const useEventTypes = () => useItems<ServiceEventType>('event-types');
export const useDepartments = (enabled = true) => useItems<ServiceDepartment>('departments', enabled);
export const useCampaigns = () => useItems<ServiceCampaign>('campaigns');
export const useEventList = (query: Query) => useList<ServiceEventSummary>('events', query);
export const useMySignups = () => useList<ServiceSignup>('my-signups', { pageSize: 100 });
export const useVisitList = (query: Query, enabled: boolean) =>
  useList<ServiceVisit>('visits', query, enabled);
export const useProblemList = (query: Query) => useList<ServiceProblem>('problems', query);

export const useQuestionList = (query: Query) => useList<ServiceBoardQuestion>('questions', query);

export function useServiceRecord<T extends ServiceEvent | ServiceProblemDetail | ServiceBoardQuestion>(
  path: 'events' | 'problems' | 'questions',
  id: number | null,
) {
  return useQuery({
    queryKey: [...SERVICES_KEY, path, 'detail', id],
    queryFn: () => api.get<T>(`${SERVICES_URL}/${path}/${id}`),
    enabled: id !== null,
  });
}

export const TIMING_COLORS: Record<ServiceProblem['timing'], string> = {
  overdue: 'red',
  'due-soon': 'orange',
  'on-track': 'blue',
  'closed-on-time': 'green',
  'closed-late': 'gold',
};
