// The app: server state (TanStack Query), language and session for everyone (the signed-in user's
// stored language followed), then the router, whose root route is the shell (Shell.tsx).
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { LanguageSync } from './language.tsx';
import { queryClient } from './query-client.ts';
import { router } from './routes.tsx';
import { SessionProvider } from './session.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <LanguageSync />
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
