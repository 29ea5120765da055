import type { EnterpriseDetail } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export const enterpriseKey = (id: number | 'mine') => ['enterprise', id] as const;

export function useEnterpriseDetail(id: number | 'mine') {
  return useQuery({
    queryKey: enterpriseKey(id),
    queryFn: () =>
      api.get<EnterpriseDetail>(id === 'mine' ? '/api/enterprises/mine' : `/api/enterprises/${id}`),
    enabled: id === 'mine' || Number.isInteger(id),
  });
}
