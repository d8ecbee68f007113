// The admin's switch (issue 19): require a second factor for staff and admin accounts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { securityApi } from '../../api/security-api.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../common.tsx';

const key = ['admin-security'];

export function SecuritySettings() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: key, queryFn: ({ signal }) => securityApi.settings(signal) });
  const save = useMutation({
    mutationFn: (value: boolean) => securityApi.saveSettings(value),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
  return (
    <section className="panel mt-3" aria-labelledby="staff-security-title">
      <h2 id="staff-security-title">{t('staff.security.title')}</h2>
      <ErrorNotice error={save.error ?? settings.error} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.data?.requireSecondFactorForStaff ?? false}
          disabled={!settings.data || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />{' '}
        {t('staff.security.require')}
      </label>
      <p className="muted">{t('staff.security.requireHint')}</p>
      {save.isSuccess && <Notice tone="success">{t('staff.security.saved')}</Notice>}
    </section>
  );
}
