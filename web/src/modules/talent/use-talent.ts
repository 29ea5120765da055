import {
  HELP_KIND_LABELS,
  type HelpKind,
  PERMIT_CLASS_LABELS,
  type PermitClass,
  PROGRAMME_LEVEL_LABELS,
  type ProgrammeLevel,
  type TalentChannel,
  type TalentDetail,
  type TalentPage,
  type TalentProgramme,
  type TalentProgrammeStatus,
  talentProgrammeWorkflow,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

export const TALENT_KEY = ['talent'] as const;
export const TALENT_URL = '/api/talent';

export function useTalentChannels() {
  return useQuery({
    queryKey: [...TALENT_KEY, 'channels'],
    queryFn: () => api.get<{ items: TalentChannel[] }>(`${TALENT_URL}/channels`),
    staleTime: 60_000,
  });
}

export function useTalentProgrammes() {
  return useQuery({
    queryKey: [...TALENT_KEY, 'programmes'],
    queryFn: () => api.get<{ items: TalentProgramme[] }>(`${TALENT_URL}/programmes`),
    staleTime: 60_000,
  });
}

export function useTalentList(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...TALENT_KEY, 'list', query],
    queryFn: () => api.get<TalentPage>(`${TALENT_URL}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useTalent(id: number | null) {
  return useQuery({
    queryKey: [...TALENT_KEY, 'detail', id],
    queryFn: () => api.get<TalentDetail>(`${TALENT_URL}/${id}`),
    enabled: id !== null,
  });
}

/** A label of the domain's { zh, en } tables in the current language. */
export const label = <T extends string>(table: Record<T, { zh: string; en: string }>, key: T) =>
  translate(table[key], currentLanguage());
export const permitLabel = (value: PermitClass) => label(PERMIT_CLASS_LABELS, value);
export const helpLabel = (value: HelpKind) => label(HELP_KIND_LABELS, value);
export const levelLabel = (value: ProgrammeLevel) => label(PROGRAMME_LEVEL_LABELS, value);
export const programmeStatusLabel = (value: TalentProgrammeStatus) =>
  translate(talentProgrammeWorkflow.states[value], currentLanguage());

export const PERMIT_COLORS: Record<PermitClass, string> = {
  A: 'red',
  B: 'blue',
  C: 'default',
  NONE: 'default',
};
export const PROGRAMME_STATUS_COLORS: Record<TalentProgrammeStatus, string> = {
  nominated: 'processing',
  selected: 'green',
  'not-selected': 'default',
};
