import type { TechContract } from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';

export const TECH_CONTRACTS_KEY = ['tech-contracts'] as const;

/** A contract as the lists carry it (no lines, checklist, actions or history). */
export type TechContractSummary = Omit<
  TechContract,
  'nonTechnicalCosts' | 'payments' | 'checklist' | 'allowedActions' | 'history'
>;

export interface TechContractPage {
  items: TechContractSummary[];
  total: number;
  page: number;
  pageSize: number;
  totals: { contractFen: number; techFen: number; claimedTechFen: number };
}

export type ContractListQuery = Record<string, string | number | undefined>;

export const CONTRACTS_URL = '/api/tech-transfer/contracts';

export function contractsUrl(query: ContractListQuery): string {
  return `${CONTRACTS_URL}${toQueryString(query)}`;
}

/** One page of the contracts the caller may see, under the list's filters. */
export function useContractList(query: ContractListQuery, isEnabled = true) {
  return useQuery({
    enabled: isEnabled,
    queryKey: [...TECH_CONTRACTS_KEY, 'list', query],
    queryFn: () => api.get<TechContractPage>(contractsUrl(query)),
    placeholderData: keepPreviousData,
  });
}

export function contractKey(id: number | null) {
  return [...TECH_CONTRACTS_KEY, 'detail', id] as const;
}

/** The full record: lines, checklist, the actions the caller may take now, history. */
export function useContract(id: number | null) {
  return useQuery({
    queryKey: contractKey(id),
    queryFn: () => api.get<TechContract>(`${CONTRACTS_URL}/${id}`),
    enabled: id !== null,
  });
}
