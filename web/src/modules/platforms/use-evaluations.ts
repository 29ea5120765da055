import {
  type EvaluationPage,
  type EvaluationRoundPage,
  type PlatformEvaluation,
  type PlatformEvaluationStatus,
  platformEvaluationWorkflow,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { PLATFORMS_KEY, PLATFORMS_URL } from './use-platforms';

export const EVALUATIONS_KEY = [...PLATFORMS_KEY, 'evaluations'] as const;
export const EVALUATIONS_URL = `${PLATFORMS_URL}/evaluations`;
export const ROUNDS_URL = `${PLATFORMS_URL}/evaluation-rounds`;

export function useRounds(enabled: boolean) {
  return useQuery({
    queryKey: [...EVALUATIONS_KEY, 'rounds'],
    queryFn: () => api.get<EvaluationRoundPage>(`${ROUNDS_URL}?pageSize=200`),
    enabled,
  });
}

export function useEvaluationList(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...EVALUATIONS_KEY, 'list', query],
    queryFn: () => api.get<EvaluationPage>(`${EVALUATIONS_URL}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useEvaluation(id: number | null) {
  return useQuery({
    queryKey: [...EVALUATIONS_KEY, 'detail', id],
    queryFn: () => api.get<PlatformEvaluation>(`${EVALUATIONS_URL}/${id}`),
    enabled: id !== null,
  });
}

export const evaluationStatusLabel = (status: PlatformEvaluationStatus) =>
  translate(platformEvaluationWorkflow.states[status], currentLanguage());

export const FIGURE_KEYS = [
  'rdSpendWan',
  'staff',
  'patents',
  'projects',
  'incubated',
  'services',
  'incomeWan',
] as const;
