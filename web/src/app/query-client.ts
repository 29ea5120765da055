import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, handleApiError } from './api-client';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not get better by asking again.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  // A busy server (503) was already asked again by the request itself.
  if (error instanceof ApiError && error.status === 503) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.meta?.isSilent) return;
      handleApiError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // Mutations with their own onError map errors onto their form themselves.
      if (mutation.options.onError) return;
      handleApiError(error);
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { isSilent?: boolean };
  }
}
