// Who is signed in. The session itself is the HttpOnly cookie the server set; the app asks
// `/session` (200 with `user: null` for a visitor: no 401 in the console), keeps the answer in the
// query cache (route guards read it too), and forgets the user whenever the server answers 401.
// Whenever who is signed in changes (sign-in, sign-out, a 401, an erased account) every other cached
// answer goes: a query switched off (`enabled: false`) still returns what it last held, so the next
// person on this browser would see the last one's holds and bookings.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { accounts } from '../api/endpoints.ts';
import { ApiError, onUnauthorized } from '../api/http.ts';
import type { User } from '../api/types.ts';
import { queryClient } from './query-client.ts';

export interface SessionState {
  /** undefined while the first `/session` is on its way. */
  user: User | null | undefined;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** The same user, changed (a saved profile). */
  setUser(user: User): void;
  /** Someone signed in by another way than `login()` (the second step of a two-factor sign-in). */
  signedIn(user: User): void;
  /** The session ended without `logout()` (revoked, erased, password reset): forget the user and their data. */
  forget(): void;
}

const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<User | null> => {
    try {
      return await accounts.session(signal);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
      throw err;
    }
  },
  staleTime: Infinity,
});

const setUser = (user: User | null) => queryClient.setQueryData(sessionQuery.queryKey, user);

/** Drops every cached answer but the session, then records who is signed in now. */
function switchUser(user: User | null): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQuery.queryKey[0] });
  setUser(user);
}
const forget = () => switchUser(null);

/** The signed-in user for route guards (null: nobody, or the server could not say). */
export async function currentUser(): Promise<User | null> {
  return queryClient.ensureQueryData(sessionQuery).catch(() => null);
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  // The server could not be asked: treated as signed out until it answers.
  const user = session.data !== undefined ? session.data : session.isError ? null : undefined;

  // A visitor's 401 (nobody was signed in) has nothing to forget.
  useEffect(() => onUnauthorized(() => queryClient.getQueryData(sessionQuery.queryKey) !== null && forget()), []);

  const value = useMemo<SessionState>(
    () => ({
      user,
      setUser,
      signedIn: switchUser,
      forget,
      refresh: () => queryClient.refetchQueries({ queryKey: sessionQuery.queryKey }),
      async login(email, password) {
        const res = await accounts.login({ email, password });
        switchUser(res.user);
        return res.user;
      },
      async logout() {
        try {
          await accounts.logout();
        } finally {
          forget();
        }
      },
    }),
    [user],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
