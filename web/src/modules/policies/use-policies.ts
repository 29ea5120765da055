import {
  type EnterpriseMatches,
  FULFIL_MODE_LABELS,
  type FulfilMode,
  ITEM_OUTCOME_LABELS,
  POLICY_ITEM_TYPE_LABELS,
  POLICY_LEVEL_LABELS,
  POLICY_THEME_LABELS,
  POLICY_VALIDITY_LABELS,
  type Policy,
  type PolicyItemType,
  type PolicyLevel,
  type PolicyPage,
  type PolicyTheme,
  type PolicyValidity,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

export const POLICIES_KEY = ['policies'] as const;
export const POLICIES_URL = '/api/policies';
export const PUBLIC_POLICIES_URL = '/api/public/policies';

export function usePolicyList(
  query: Record<string, string | number | undefined>,
  options: { isPublic?: boolean } = {},
) {
  const url = options.isPublic ? PUBLIC_POLICIES_URL : POLICIES_URL;
  return useQuery({
    queryKey: [...POLICIES_KEY, 'list', url, query],
    queryFn: () => api.get<PolicyPage>(`${url}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: number | null, options: { isPublic?: boolean } = {}) {
  const url = options.isPublic ? PUBLIC_POLICIES_URL : POLICIES_URL;
  return useQuery({
    queryKey: [...POLICIES_KEY, 'detail', url, id],
    queryFn: () => api.get<Policy>(`${url}/${id}`),
    enabled: id !== null,
  });
}

export function useMatches(enterpriseId: number | null, year: number) {
  return useQuery({
    queryKey: [...POLICIES_KEY, 'matches', enterpriseId, year],
    queryFn: () => api.get<EnterpriseMatches>(`${POLICIES_URL}/matches/${enterpriseId}?year=${year}`),
    enabled: enterpriseId !== null,
  });
}

const label = (text: { zh: string; en: string }) => translate(text, currentLanguage());
export const levelLabel = (level: PolicyLevel) => label(POLICY_LEVEL_LABELS[level]);
export const themeLabel = (theme: PolicyTheme) => label(POLICY_THEME_LABELS[theme]);
export const validityLabel = (validity: PolicyValidity) => label(POLICY_VALIDITY_LABELS[validity]);
export const itemTypeLabel = (type: PolicyItemType) => label(POLICY_ITEM_TYPE_LABELS[type]);
export const fulfilModeLabel = (mode: FulfilMode) => label(FULFIL_MODE_LABELS[mode]);
export const outcomeLabel = (outcome: keyof typeof ITEM_OUTCOME_LABELS) =>
  label(ITEM_OUTCOME_LABELS[outcome]);

export const VALIDITY_COLORS: Record<PolicyValidity, string> = {
  draft: 'default',
  valid: 'green',
  'not-yet': 'blue',
  expired: 'orange',
  repealed: 'red',
};
export const OUTCOME_COLORS = { eligible: 'green', unknown: 'gold', ineligible: 'default' } as const;

/** 分 as 万元 with two decimals. */
export const wan = (fen: number | null) => (fen === null ? '—' : (fen / 1_000_000).toFixed(2));
