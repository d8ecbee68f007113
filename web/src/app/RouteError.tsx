// What a page area shows when the page failed: its code did not load (offline, a new release
// replaced the file) or it threw while rendering. Header and footer stay; "Try again" reloads,
// since a failed code load is remembered until then.
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { useTitle } from '../ui/use-title.ts';

export function RouteError(_: ErrorComponentProps) {
  const { t } = useI18n();
  useTitle(t('common.pageFailed'));
  return (
    <div className="container page narrow" role="alert">
      <p className="lead">{t('common.pageFailed')}</p>
      <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
    </div>
  );
}
