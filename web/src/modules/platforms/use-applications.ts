import {
  type PlatformApplication,
  type PlatformApplicationPage,
  type PlatformApplicationStatus,
  platformApplicationWorkflow,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { PLATFORMS_KEY, PLATFORMS_URL } from './use-platforms';

export const APPLICATIONS_KEY = [...PLATFORMS_KEY, 'applications'] as const;
export const APPLICATIONS_URL = `${PLATFORMS_URL}/applications`;

export function useApplicationList(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'list', query],
    queryFn: () => api.get<PlatformApplicationPage>(`${APPLICATIONS_URL}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number | null) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'detail', id],
    queryFn: () => api.get<PlatformApplication>(`${APPLICATIONS_URL}/${id}`),
    enabled: id !== null,
  });
}

export const applicationStatusLabel = (status: PlatformApplicationStatus) =>
  translate(platformApplicationWorkflow.states[status], currentLanguage());

export const APPLICATION_STATUS_COLORS: Record<PlatformApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'orange',
  recommended: 'blue',
  notRecommended: 'red',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};
