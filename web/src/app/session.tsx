// Who is signed in. The session itself is the HttpOnly cookie the server set; the app only asks
// `/session` (200 with `user: null` for a visitor: no 401 in the console) and forgets the user
// whenever the server answers 401.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import { ApiError, onUnauthorized } from '../api/http.ts';
import type { User } from '../api/types.ts';
import { invalidate } from './query.ts';

export interface SessionState {
  /** undefined while the first `/session` is on its way. */
  user: User | null | undefined;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  setUser(user: User | null): void;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      setUser(await accounts.session());
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setUser(null);
      else setUser((u) => (u === undefined ? null : u));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => setUser(null));
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      setUser,
      refresh,
      async login(email, password) {
        const res = await accounts.login({ email, password });
        setUser(res.user);
        invalidate('bookings');
        return res.user;
      },
      async logout() {
        try {
          await accounts.logout();
        } finally {
          setUser(null);
          invalidate('');
        }
      },
    }),
    [user, refresh],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
