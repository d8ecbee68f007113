import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';
import { useChooseLanguage } from '../app/language.tsx';
import { useSession } from '../app/session.tsx';
import { type Lang, LANGS, NATIVE_NAMES } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { AccountNav } from './AuthLayout.tsx';
import { MIN_PASSWORD } from './RegisterPage.tsx';
import { SecuritySection } from './SecuritySection.tsx';
import { AvatarSection } from './AvatarSection.tsx';
import { useSubmit } from './use-submit.ts';

export function ProfilePage() {
  const { t } = useI18n();
  useTitle(t('account.title'));
  const session = useSession();
  const navigate = useNavigate();
  const user = session.user!;
  return (
    <div className="container page narrow">
      <h1>{t('account.title')}</h1>
      <AccountNav />
      {!user.emailVerified && <Notice tone="warning">{t('account.unverified', { email: user.email ?? '' })}</Notice>}
      <ProfileForm user={user} onSaved={session.setUser} />
      <AvatarSection user={user} onSaved={session.setUser} />
      <LanguageSection />
      <PasswordForm />
      <SecuritySection user={user} />
      <section className="panel mt-3" aria-labelledby="signout-title">
        <h2 id="signout-title">{t('account.signOutTitle')}</h2>
        <Button
          variant="secondary"
          onClick={async () => {
            // Off the guarded page first, so the guard does not ask to sign in again.
            await navigate({ to: '/' });
            await session.logout();
          }}
        >
          {t('account.signOut')}
        </Button>
      </section>
    </div>
  );
}

function ProfileForm({ user, onSaved }: { user: User; onSaved(u: User): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async () => {
    const next = await accounts.updateMe({ name: name.trim(), phone: phone.trim() || null });
    onSaved(next);
    setSaved(true);
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    void submit.run();
  }
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <form onSubmit={onSubmit} noValidate>
        {submit.error && <Notice tone="error">{submit.error}</Notice>}
        {saved && <Notice tone="success">{t('account.saved')}</Notice>}
        <Field
          label={t('field.email')}
          value={user.email ?? ''}
          readOnly
          hint={user.emailVerified ? t('account.verified') : t('account.notVerified')}
        />
        <Field
          label={t('field.name')}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fields.name}
        />
        <Field
          label={t('field.phone')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={submit.fields.phone}
          hint={t('field.phoneHint')}
        />
        <Button type="submit" busy={submit.busy}>
          {t('account.save')}
        </Button>
      </form>
    </section>
  );
}

/** The account's language: the page switches as soon as another is picked, and it is stored at once. */
function LanguageSection() {
  const { t, lang } = useI18n();
  const choose = useChooseLanguage();
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async (next: Lang) => {
    await choose(next);
    setSaved(true);
  });
  return (
    <section className="panel mt-3" aria-labelledby="language-title">
      <h2 id="language-title">{t('language.title')}</h2>
      {submit.error && <Notice tone="error">{submit.error}</Notice>}
      {saved && <Notice tone="success">{t('language.saved')}</Notice>}
      <div className="field select-field">
        <label htmlFor="account-language">{t('language.label')}</label>
        <select
          id="account-language"
          value={lang}
          aria-describedby="account-language-hint"
          disabled={submit.busy}
          onChange={(e) => {
            setSaved(false);
            void submit.run(e.target.value as Lang);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {NATIVE_NAMES[l]}
            </option>
          ))}
        </select>
        <p className="field-hint" id="account-language-hint">
          {t('language.hint')}
        </p>
      </div>
    </section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [tried, setTried] = useState(false);
  const short = next.length >= MIN_PASSWORD ? null : t('field.passwordShort', { count: MIN_PASSWORD });
  const submit = useSubmit(async () => {
    await accounts.changePassword(current, next);
    setCurrent('');
    setNext('');
    setTried(false);
    setDone(true);
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setDone(false);
    if (!short && current) void submit.run();
  }
  return (
    <section className="panel mt-3" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <form onSubmit={onSubmit} noValidate>
        {submit.error && <Notice tone="error">{submit.error}</Notice>}
        {done && <Notice tone="success">{t('account.passwordChanged')}</Notice>}
        <Field
          label={t('field.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={tried && !current ? t('field.required') : null}
        />
        <Field
          label={t('field.newPassword')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          hint={t('field.passwordHint', { count: MIN_PASSWORD })}
          error={submit.fields.newPassword ?? (tried ? short : null)}
        />
        <Button type="submit" variant="secondary" busy={submit.busy}>
          {t('account.changePassword')}
        </Button>
      </form>
    </section>
  );
}
