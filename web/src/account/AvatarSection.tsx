// The profile's avatar (issue 20): pick a picture and it is uploaded at once (the server checks it,
// cuts a centred square and answers with the profile), or remove it. The header follows the session.
import { useRef, useState } from 'react';
import { accounts } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

export function AvatarSection({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function run(action: () => Promise<User>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      onSaved(await action());
      setMessage({ tone: 'success', text: done });
    } catch (err) {
      setMessage({ tone: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section className="panel mt-3" aria-labelledby="avatar-title">
      <h2 id="avatar-title">{t('avatar.title')}</h2>
      {user.avatarUrl && (
        <img src={user.avatarUrl} alt={t('avatar.alt')} width={96} height={96} className="avatar-large" />
      )}
      <p className="muted">{t('avatar.hint')}</p>
      <label className="btn btn-secondary">
        {t('avatar.choose')}
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run(() => accounts.uploadAvatar(file), t('avatar.saved'));
          }}
        />
      </label>
      {user.avatarUrl && (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void run(() => accounts.removeAvatar(), t('avatar.removed'))}
        >
          {t('avatar.remove')}
        </Button>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
