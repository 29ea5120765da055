import type { CurrentUser } from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { ApiError, api, apiRequest, markSessionChanged } from './api-client';

interface AuthState {
  user: CurrentUser | null;
  isLoading: boolean;
  setUser: (user: CurrentUser | null) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const CURRENT_USER_KEY = ['auth', 'me'] as const;

async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await apiRequest<CurrentUser>('/api/auth/me', { isAuthProbe: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: CURRENT_USER_KEY, queryFn: fetchCurrentUser, staleTime: Infinity });

  const setUser = useCallback(
    (user: CurrentUser | null) => {
      markSessionChanged();
      if (user === null) {
        // Nothing cached for one user may be shown to the next. The current-user query itself stays
        // (its observer here would keep reading a removed query) and is set to null below.
        queryClient.removeQueries({
          predicate: (item) =>
            item.queryKey[0] !== 'dictionaries' && item.queryKey[0] !== CURRENT_USER_KEY[0],
        });
      }
      queryClient.setQueryData(CURRENT_USER_KEY, user);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setUser(null);
    }
  }, [setUser]);

  const value = useMemo<AuthState>(
    () => ({ user: query.data ?? null, isLoading: query.isPending, setUser, logout }),
    [query.data, query.isPending, setUser, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
