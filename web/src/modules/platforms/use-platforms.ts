import {
  PLATFORM_LEVEL_LABELS,
  type Platform,
  type PlatformLevel,
  type PlatformPage,
  type PlatformStatus,
  type PlatformType,
  platformWorkflow,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

export const PLATFORMS_KEY = ['platforms'] as const;
export const PLATFORMS_URL = '/api/platforms';

export function usePlatformTypes() {
  return useQuery({
    queryKey: [...PLATFORMS_KEY, 'types'],
    queryFn: () => api.get<{ items: PlatformType[] }>(`${PLATFORMS_URL}/types`),
    staleTime: 60_000,
  });
}

export function usePlatformList(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...PLATFORMS_KEY, 'list', query],
    queryFn: () => api.get<PlatformPage>(`${PLATFORMS_URL}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePlatform(id: number | null) {
  return useQuery({
    queryKey: [...PLATFORMS_KEY, 'detail', id],
    queryFn: () => api.get<Platform>(`${PLATFORMS_URL}/${id}`),
    enabled: id !== null,
  });
}

export const levelLabel = (level: PlatformLevel) =>
  translate(PLATFORM_LEVEL_LABELS[level], currentLanguage());
export const statusLabel = (status: PlatformStatus) =>
  translate(platformWorkflow.states[status], currentLanguage());

export const STATUS_COLORS: Record<PlatformStatus, string> = {
  operating: 'green',
  warned: 'orange',
  revoked: 'red',
  delisted: 'default',
};
export const LEVEL_COLORS: Record<PlatformLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'blue',
  district: 'default',
};
