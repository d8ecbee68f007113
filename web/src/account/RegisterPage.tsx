import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { AuthLayout, safeNext } from './AuthLayout.tsx';
import { useSubmit } from './use-submit.ts';

export const MIN_PASSWORD = 10;

export function RegisterPage() {
  const { t, lang } = useI18n();
  useTitle(t('register.title'));
  const next = safeNext(useSearch({ from: '/register', select: (s) => s.next }));
  const navigate = useNavigate();
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const local = {
    name: name.trim() ? null : t('field.nameRequired'),
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? null : t('field.emailInvalid'),
    password: password.length >= MIN_PASSWORD ? null : t('field.passwordShort', { count: MIN_PASSWORD }),
  };
  const submit = useSubmit(async () => {
    // The language the page is read in (chosen in the menu, else the browser's) becomes the account's.
    await accounts.register({ name: name.trim(), email: email.trim(), password, language: lang });
    // Signed in straight away; verifying the address can wait for the mail.
    await session.login(email.trim(), password);
    setDone(true);
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (local.name || local.email || local.password) return;
    void submit.run();
  }

  if (done) {
    return (
      <AuthLayout title={t('register.doneTitle')}>
        <Notice tone="success">{t('register.doneBody', { email: email.trim() })}</Notice>
        <Button size="lg" className="block mt-2" onClick={() => void navigate({ href: next, replace: true })}>
          {next === '/' ? t('register.startBrowsing') : t('register.continue')}
        </Button>
      </AuthLayout>
    );
  }

  const err = (field: 'name' | 'email' | 'password') => submit.fields[field] ?? (tried ? local[field] : null);
  return (
    <AuthLayout
      title={t('register.title')}
      footer={
        <p>
          {t('register.haveAccount')}{' '}
          <Link to="/login" search={next !== '/' ? { next } : {}}>
            {t('login.submit')}
          </Link>
        </p>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        {submit.error && <Notice tone="error">{submit.error}</Notice>}
        <Field
          label={t('field.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err('name')}
          autoFocus
        />
        <Field
          label={t('field.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={err('email')}
        />
        <Field
          label={t('field.password')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('field.passwordHint', { count: MIN_PASSWORD })}
          error={err('password')}
        />
        <Button type="submit" size="lg" className="block" busy={submit.busy}>
          {t('register.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
