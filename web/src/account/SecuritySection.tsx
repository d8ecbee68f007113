// The profile's security section (issue 19): an authenticator app with its QR code, recovery codes
// shown once, and passkeys for staff and admin. A session opened only to enrol lands here.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { securityApi } from '../api/security-api.ts';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useSubmit } from './use-submit.ts';

const statusKey = ['security-status'];
const passkeysKey = ['security-passkeys'];

export function SecuritySection({ user }: { user: User }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: ({ signal }) => securityApi.status(signal) });
  const staff = user.role !== 'customer';
  const passkeys = useQuery({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => securityApi.passkeys(signal),
    enabled: staff,
  });
  // Recovery codes are shown once, right after they are made.
  const [codes, setCodes] = useState<string[] | null>(null);
  const [setup, setSetup] = useState<{ secret: string; qrCode: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [passkeyName, setPasskeyName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: statusKey }),
      queryClient.invalidateQueries({ queryKey: passkeysKey }),
    ]);

  const begin = useSubmit(async () => setSetup(await securityApi.beginTotp()));
  const confirm = useSubmit(async () => {
    const answer = await securityApi.confirmTotp(code.trim());
    setSetup(null);
    setCode('');
    if (answer.recoveryCodes) setCodes(answer.recoveryCodes);
    await refresh();
  });
  const disable = useSubmit(async () => {
    await securityApi.disableTotp(password);
    setPassword('');
    await refresh();
  });
  const regenerate = useSubmit(async () => {
    setCodes((await securityApi.newRecoveryCodes(password)).recoveryCodes);
    setPassword('');
    await refresh();
  });
  const addPasskey = useSubmit(async () => {
    const { ceremony, options } = await securityApi.passkeyOptions();
    // Loaded on first use: the WebAuthn client is not part of the first page's JavaScript.
    const { startRegistration } = await import('@simplewebauthn/browser');
    const response = await startRegistration({ optionsJSON: options as never });
    const answer = await securityApi.addPasskey({ ceremony, response, name: passkeyName.trim() || 'Passkey' });
    setPasskeyName('');
    if (answer.recoveryCodes) setCodes(answer.recoveryCodes);
    setNotice(t('security.passkeyAdded'));
    await refresh();
  });
  const remove = useSubmit(async (id: string) => {
    await securityApi.deletePasskey(id);
    await refresh();
  });
  const onSubmit = (run: () => Promise<boolean>) => (e: FormEvent) => {
    e.preventDefault();
    void run();
  };

  const s = status.data;
  const error = begin.error ?? confirm.error ?? disable.error ?? regenerate.error ?? addPasskey.error ?? remove.error;
  return (
    <section className="panel mt-3" id="security" aria-labelledby="security-title">
      <h2 id="security-title">{t('security.title')}</h2>
      <p className="muted">{t('security.intro')}</p>
      {s?.enrolmentOnly && <Notice tone="warning">{t('security.required')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {notice && <Notice tone="success">{notice}</Notice>}
      {codes && (
        <div role="region" aria-labelledby="recovery-title">
          <h3 id="recovery-title">{t('security.recoveryTitle')}</h3>
          <p>{t('security.recoveryShown')}</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>{t('security.totp')}</h3>
      {s?.totp === 'enabled' ? (
        <>
          <p>{t('security.totpOn')}</p>
          {s.recoveryCodesLeft > 0 && <p>{t('security.recoveryLeft', { count: s.recoveryCodesLeft })}</p>}
          <form onSubmit={onSubmit(() => disable.run())} noValidate>
            <Field
              label={t('field.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <Button type="submit" variant="secondary" busy={disable.busy}>
              {t('security.disable')}
            </Button>{' '}
            <Button type="button" variant="secondary" busy={regenerate.busy} onClick={() => void regenerate.run()}>
              {t('security.recoveryNew')}
            </Button>
          </form>
        </>
      ) : setup ? (
        <form onSubmit={onSubmit(() => confirm.run())} noValidate>
          <p>{t('security.scan')}</p>
          <img src={setup.qrCode} alt={t('security.qrAlt')} width={200} height={200} />
          <p>
            {t('security.secret')}: <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <Field
            label={t('security.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" busy={confirm.busy}>
            {t('security.confirm')}
          </Button>
        </form>
      ) : (
        <>
          <p>{t('security.totpOff')}</p>
          <Button type="button" busy={begin.busy} onClick={() => void begin.run()}>
            {t('security.enable')}
          </Button>
        </>
      )}

      {s && s.totp !== 'enabled' && s.passkeys > 0 && (
        // Passkeys alone bring recovery codes too: their count and renewal, as beside the app above.
        <form onSubmit={onSubmit(() => regenerate.run())} noValidate>
          {s.recoveryCodesLeft > 0 && <p>{t('security.recoveryLeft', { count: s.recoveryCodesLeft })}</p>}
          <Field
            label={t('field.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="secondary" busy={regenerate.busy}>
            {t('security.recoveryNew')}
          </Button>
        </form>
      )}

      {staff && (
        <>
          <h3>{t('security.passkeys')}</h3>
          {passkeys.data?.length === 0 && <p>{t('security.passkeysNone')}</p>}
          <ul className="passkey-list">
            {(passkeys.data ?? []).map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <Button type="button" variant="secondary" onClick={() => void remove.run(p.id)}>
                  {t('security.passkeyDelete', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
          <form onSubmit={onSubmit(() => addPasskey.run())} noValidate>
            <Field
              label={t('security.passkeyName')}
              value={passkeyName}
              maxLength={100}
              onChange={(e) => setPasskeyName(e.target.value)}
            />
            <Button type="submit" busy={addPasskey.busy}>
              {t('security.passkeyAdd')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
