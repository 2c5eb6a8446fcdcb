// Who is logged in: the resume token kept in localStorage, login and logout through the REST API.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as rest from '../api/rest';
import { keys } from '../api/keys';
import type { Credentials } from '../api/rest';
import { clearSession, loadSession, saveSession } from './session';

interface Auth {
  credentials: Credentials | null;
  login: (user: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The server no longer accepts the token: forget it without calling the server. */
  expire: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [credentials, setState] = useState<Credentials | null>(() => loadSession());
  // Set before children render, so their first queries already carry the headers.
  rest.setCredentials(credentials);

  const expire = useCallback(() => {
    clearSession();
    rest.setCredentials(null);
    setState(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => rest.onUnauthorized(expire), [expire]);

  const login = useCallback(
    async (user: string, password: string) => {
      const data = await rest.login(user, password);
      const next = { userId: data.userId, authToken: data.authToken };
      saveSession(next);
      rest.setCredentials(next);
      queryClient.setQueryData(keys.me, data.me);
      setState(next);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await rest.logout();
    } catch {
      // the token is forgotten here whatever the server said
    }
    expire();
  }, [expire]);

  const value = useMemo(() => ({ credentials, login, logout, expire }), [credentials, login, logout, expire]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
