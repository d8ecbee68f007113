import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type SignInChallenge, securityApi } from '../api/security-api.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { encodeGuestSeats, loadSelection, loadTicketTypes } from '../seats/selection.ts';
import { useTitle } from '../ui/use-title.ts';
import { AuthLayout, safeNext } from './AuthLayout.tsx';
import { SecondStep } from './SecondStep.tsx';
import { useSubmit } from './use-submit.ts';

export function LoginPage() {
  const { t } = useI18n();
  useTitle(t('login.title'));
  const next = safeNext(useSearch({ from: '/login', select: (s) => s.next }));
  const navigate = useNavigate();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Seats chosen before signing in can be bought without an account too (guest checkout).
  const showtime = /^\/showtimes\/([^/?#]+)$/.exec(next)?.[1];
  const chosen = showtime ? loadSelection(showtime) : [];
  // Each seat goes with the ticket type picked for it, so a child ticket stays a child ticket.
  const guestCheckout =
    showtime && chosen.length > 0 ? { showtime, seats: encodeGuestSeats(chosen, loadTicketTypes(showtime)) } : null;
  // Set when the password was right and the account has a second factor (issue 19).
  const [challenge, setChallenge] = useState<SignInChallenge | null>(null);
  async function signedIn(role: string) {
    // Staff and admin may be required to set up a second factor before anything else.
    if (role !== 'customer' && (await securityApi.status()).enrolmentOnly) {
      void navigate({ to: '/account', hash: 'security', replace: true });
      return;
    }
    void navigate({ href: next, replace: true });
  }
  const submit = useSubmit(async () => {
    try {
      const user = await session.login(email.trim(), password);
      await signedIn(user.role);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'second_factor_required') {
        setChallenge(err.problem as unknown as SignInChallenge);
        return;
      }
      throw err;
    }
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit.run();
  }

  return (
    <AuthLayout
      title={t('login.title')}
      footer={
        <p>
          {t('login.noAccount')}{' '}
          <Link to="/register" search={next !== '/' ? { next } : {}}>
            {t('login.register')}
          </Link>
        </p>
      }
    >
      {next.startsWith('/showtimes/') && <p className="muted">{t('login.toContinue')}</p>}
      {guestCheckout && (
        <p>
          <Link to="/guest/checkout" search={guestCheckout} className="btn btn-secondary">
            {t('guest.continue')}
          </Link>
        </p>
      )}
      {challenge ? (
        <SecondStep
          challenge={challenge}
          onDone={(user) => {
            session.signedIn(user);
            void signedIn(user.role);
          }}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          {submit.error && <Notice tone="error">{submit.error}</Notice>}
          <Field
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
          <Field
            label={t('field.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" size="lg" className="block" busy={submit.busy}>
            {t('login.submit')}
          </Button>
        </form>
      )}
      <p className="mt-2">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
    </AuthLayout>
  );
}
