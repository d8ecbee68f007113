// The pages links in emails land on: verify an address, choose a new password.
import { Link, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { MIN_PASSWORD } from './RegisterPage.tsx';
import { useSubmit } from './use-submit.ts';

export function VerifyEmailPage() {
  const { t, lang } = useI18n();
  useTitle(t('verify.title'));
  const token = useSearch({ from: '/verify-email', select: (s) => s.token ?? '' });
  const session = useSession();
  const [state, setState] = useState<{ ok: boolean; message?: string } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setState({ ok: false, message: t('error.invalidToken') });
      return;
    }
    accounts.verifyEmail(token).then(
      () => {
        setState({ ok: true });
        void session.refresh();
      },
      (err: unknown) => setState({ ok: false, message: errorText(err, t, lang) }),
    );
  }, [token, t, lang, session]);

  return (
    <AuthLayout title={t('verify.title')}>
      {!state ? (
        <p role="status">
          <Skeleton width="80%" />
          <span className="visually-hidden">{t('verify.checking')}</span>
        </p>
      ) : state.ok ? (
        <>
          <Notice tone="success">{t('verify.done')}</Notice>
          <p className="mt-2">
            <Link to="/" className="btn btn-primary">
              {t('verify.browse')}
            </Link>
          </p>
        </>
      ) : (
        <Notice tone="error" title={t('verify.failed')}>
          {state.message}
        </Notice>
      )}
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  useTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit(async () => {
    await accounts.requestReset(email.trim());
    setSent(true);
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (email.trim()) void submit.run();
  }
  return (
    <AuthLayout title={t('forgot.title')} footer={<Link to="/login">{t('forgot.back')}</Link>}>
      {sent ? (
        <Notice tone="success">{t('forgot.sent', { email: email.trim() })}</Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="muted">{t('forgot.intro')}</p>
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
          <Button type="submit" size="lg" className="block" busy={submit.busy}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  useTitle(t('reset.title'));
  const token = useSearch({ from: '/reset-password', select: (s) => s.token ?? '' });
  const session = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const local = {
    password: password.length >= MIN_PASSWORD ? null : t('field.passwordShort', { count: MIN_PASSWORD }),
    repeat: repeat === password ? null : t('field.passwordsDiffer'),
  };
  const submit = useSubmit(async () => {
    await accounts.confirmReset(token, password);
    // Every session of the account ended, this one too.
    session.forget();
    setDone(true);
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (local.password || local.repeat) return;
    void submit.run();
  }
  if (done) {
    return (
      <AuthLayout title={t('reset.doneTitle')}>
        <Notice tone="success">{t('reset.done')}</Notice>
        <p className="mt-2">
          <Link to="/login" className="btn btn-primary">
            {t('login.submit')}
          </Link>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('reset.title')}>
      {!token && <Notice tone="error">{t('error.invalidToken')}</Notice>}
      <form onSubmit={onSubmit} noValidate>
        {submit.error && <Notice tone="error">{submit.error}</Notice>}
        <Field
          label={t('field.newPassword')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('field.passwordHint', { count: MIN_PASSWORD })}
          error={submit.fields.password ?? (tried ? local.password : null)}
          autoFocus
        />
        <Field
          label={t('field.repeatPassword')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={tried ? local.repeat : null}
        />
        <Button type="submit" size="lg" className="block" busy={submit.busy} disabled={!token}>
          {t('reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
