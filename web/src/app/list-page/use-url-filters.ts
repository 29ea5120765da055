import { useSearchParams } from 'react-router';
import { toQueryString } from '../api-client';

type UrlValue = string | number | undefined;

/** A list's filters and page live in the URL, so back, refresh and shared links keep them. */
export function useUrlFilters<TKey extends string>(keys: readonly TKey[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Partial<
    Record<TKey, string>
  >;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const update = (changes: Partial<Record<TKey | 'page' | 'pageSize', UrlValue>>) => {
    const next: Record<string, UrlValue> = { ...values, page, pageSize, ...changes };
    setParams(
      new URLSearchParams(
        toQueryString({
          ...next,
          page: next.page === 1 ? undefined : next.page,
          pageSize: next.pageSize === 20 ? undefined : next.pageSize,
        }),
      ),
    );
  };
  return { values, page, pageSize, update };
}

export type UrlFilters<TKey extends string> = ReturnType<typeof useUrlFilters<TKey>>;
