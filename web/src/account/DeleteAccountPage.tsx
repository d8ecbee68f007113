import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { AccountNav } from './AuthLayout.tsx';
import { useSubmit } from './use-submit.ts';

export function DeleteAccountPage() {
  const { t } = useI18n();
  useTitle(t('account.delete'));
  const session = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const submit = useSubmit(async () => {
    await accounts.deleteMe(password);
    // Off the guarded page first, so the guard does not send the erased account to sign in.
    await navigate({ to: '/', search: { deleted: '1' }, replace: true });
    session.forget();
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (password && sure) void submit.run();
  }
  return (
    <div className="container page narrow">
      <h1>{t('account.title')}</h1>
      <AccountNav />
      <section className="panel" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('account.delete')}</h2>
        <p>{t('delete.intro')}</p>
        <ul className="plain-list bullets">
          <li>{t('delete.point1')}</li>
          <li>{t('delete.point2')}</li>
          <li>{t('delete.point3')}</li>
        </ul>
        <form onSubmit={onSubmit} noValidate>
          {submit.error && <Notice tone="error">{submit.error}</Notice>}
          <Field
            label={t('field.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label className="checkbox">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
            <span>{t('delete.confirm')}</span>
          </label>
          <Button type="submit" variant="danger" busy={submit.busy} disabled={!password || !sure}>
            {t('delete.submit')}
          </Button>
        </form>
      </section>
    </div>
  );
}
