// Server state lives in TanStack Query: answers are fresh for 30 s (a page seen shows at once on
// return and refreshes quietly), unused answers are dropped after 5 min, and only failures a retry
// can mend (the network, 5xx) are retried; a 4xx answer is final.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http.ts';

const MAX_RETRIES = 2;

/** Whether a failed request may succeed when sent again: network errors and 5xx, never 4xx. */
export function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: (failures, error) => failures < MAX_RETRIES && retryable(error),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's one client (route loaders and live updates reach it outside React). */
export const queryClient = createQueryClient();
