import type { dictionariesSchema } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { currentLanguage } from './i18n';

export type Dictionaries = ReturnType<typeof dictionariesSchema.parse>;
type DictionaryEntry = Dictionaries['industries'][number];

export function useDictionaries() {
  return useQuery({
    queryKey: ['dictionaries'],
    queryFn: () => api.get<Dictionaries>('/api/dictionaries'),
    staleTime: 10 * 60_000,
  });
}

export function entryLabel(entries: readonly DictionaryEntry[] | undefined, code: string | null): string {
  if (!code) return '';
  const entry = entries?.find((item) => item.code === code);
  if (!entry) return code;
  return currentLanguage() === 'en' ? entry.en : entry.zh;
}

export function entryOptions(entries: readonly DictionaryEntry[] | undefined) {
  const isEnglish = currentLanguage() === 'en';
  return (entries ?? []).map((item) => ({ value: item.code, label: isEnglish ? item.en : item.zh }));
}

export function platformName(districtName: string | undefined): string {
  if (currentLanguage() === 'en') return `${districtName ?? ''} S&T Innovation Platform`.trim();
  return `${districtName ?? ''}科技创新管理平台`;
}
