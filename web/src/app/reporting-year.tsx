import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api } from './api-client';
import { PageLoading } from './guards';

/**
 * A yearly view (驾驶舱, 年度工作报告) opens on the year in its URL, or else on the newest year the
 * bureau holds annual figures for up to last year — not on an empty last year before its figures are in.
 */
export function WithReportingYear({ children }: { children: (year: number) => ReactNode }) {
  const [params] = useSearchParams();
  const named = params.get('year');
  const years = useQuery({
    queryKey: ['dashboard', 'years'],
    queryFn: () => api.get<{ years: number[]; defaultYear: number }>('/api/dashboard/years'),
    enabled: named === null,
    staleTime: 60_000,
  });
  if (named !== null) return children(Number(named));
  if (years.isPending) return <PageLoading />;
  return children(years.data?.defaultYear ?? new Date().getFullYear() - 1);
}
