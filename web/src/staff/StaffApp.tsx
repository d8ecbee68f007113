// The staff console (issue 7) mounts here: every path under /staff, behind the staff role (the
// router's guard sends customers away; the API refuses them anyway). Its pages route on
// `params['*']` and reuse the app's design system (ui/), API client (api/) and i18n.
import type { PageProps } from '../app/routes.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useTitle } from '../ui/use-title.ts';

export function StaffApp({ params }: PageProps) {
  const { t } = useI18n();
  useTitle(t('staff.title'));
  return (
    <div className="container page">
      <h1>{t('staff.title')}</h1>
      <p className="lead">{params['*'] ? t('staff.notYet') : t('staff.welcome')}</p>
    </div>
  );
}
