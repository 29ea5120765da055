import type { EnterpriseClassification, EnterpriseYearFigures, Text } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

/** One year's figures as the server keeps them: the filed figures and their version. */
export interface StoredFigures extends EnterpriseYearFigures {
  source: string;
  version: number;
  updatedAt: string;
}

export interface Checkup {
  enterpriseId: number;
  name: string;
  asOf: string;
  hasFoundingDate: boolean;
  figures: StoredFigures[];
  classification: EnterpriseClassification | null;
}

export type ClassificationLevel = EnterpriseClassification['techSme']['level'];
export const CLASSIFICATION_LEVELS: readonly ClassificationLevel[] = ['qualified', 'close', 'far'];

export const checkupKey = (enterpriseId: number) => ['checkup', enterpriseId] as const;
export const figuresKey = (enterpriseId: number) => ['figures', enterpriseId] as const;

export function useCheckup(enterpriseId: number | undefined) {
  return useQuery({
    queryKey: checkupKey(enterpriseId ?? 0),
    queryFn: () => api.get<Checkup>(`/api/enterprises/${enterpriseId}/checkup`),
    enabled: Number.isInteger(enterpriseId) && (enterpriseId ?? 0) > 0,
  });
}

export function useFigures(enterpriseId: number | undefined) {
  return useQuery({
    queryKey: figuresKey(enterpriseId ?? 0),
    queryFn: () => api.get<{ items: StoredFigures[] }>(`/api/enterprises/${enterpriseId}/figures`),
    enabled: Number.isInteger(enterpriseId) && (enterpriseId ?? 0) > 0,
  });
}

/** A rule engine's bilingual text in the user's language. */
export function textOf(text: Text | null | undefined): string {
  if (!text) return '—';
  return currentLanguage() === 'en' ? text.en : text.zh;
}

/** Strips the server's bookkeeping so the figures can go back into the rule engines. */
export function plainFigures(stored: StoredFigures): EnterpriseYearFigures {
  const { source: _source, version: _version, updatedAt: _updatedAt, ...figures } = stored;
  return figures;
}
