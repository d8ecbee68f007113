// The second step of a sign-in (issue 19): a code from the authenticator app, a recovery code, or a
// passkey, as the server's `second_factor_required` answer offers them.
import { type FormEvent, useState } from 'react';
import { type SignInChallenge, securityApi } from '../api/security-api.ts';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useSubmit } from './use-submit.ts';

export function SecondStep({ challenge, onDone }: { challenge: SignInChallenge; onDone(user: User): void }) {
  const { t } = useI18n();
  const hasTotp = challenge.methods.includes('totp');
  const [recovery, setRecovery] = useState(!hasTotp && !challenge.methods.includes('passkey'));
  const [code, setCode] = useState('');
  const submit = useSubmit(async () => {
    const entered = code.trim();
    const res = await securityApi.secondStep(
      recovery
        ? { challenge: challenge.challenge, recoveryCode: entered }
        : { challenge: challenge.challenge, code: entered },
    );
    onDone(res.user);
  });
  const passkey = useSubmit(async () => {
    // The browser asks the authenticator; its answer goes to the server as it is.
    // Loaded on first use: the WebAuthn client is not part of the first page's JavaScript.
    const { startAuthentication } = await import('@simplewebauthn/browser');
    const response = await startAuthentication({ optionsJSON: challenge.passkey as never });
    const res = await securityApi.secondStep({ challenge: challenge.challenge, passkey: response });
    onDone(res.user);
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit.run();
  }
  const error = submit.error ?? passkey.error;
  return (
    <section aria-labelledby="second-step-title">
      <h2 id="second-step-title">{t('security.stepTitle')}</h2>
      {error && <Notice tone="error">{error}</Notice>}
      {challenge.methods.includes('passkey') && (
        <p>
          <Button type="button" size="lg" className="block" busy={passkey.busy} onClick={() => void passkey.run()}>
            {t('security.usePasskey')}
          </Button>
        </p>
      )}
      {(hasTotp || recovery) && (
        <form onSubmit={onSubmit} noValidate>
          <p className="muted">{recovery ? t('security.stepRecovery') : t('security.stepCode')}</p>
          <Field
            key={recovery ? 'recovery' : 'code'}
            label={recovery ? t('security.recoveryCode') : t('security.code')}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
          />
          <Button type="submit" size="lg" className="block" busy={submit.busy}>
            {t('security.verify')}
          </Button>
        </form>
      )}
      {challenge.methods.includes('recovery_code') && (
        <p className="mt-2">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}
          >
            {recovery && hasTotp ? t('security.useCode') : t('security.useRecovery')}
          </button>
        </p>
      )}
    </section>
  );
}
