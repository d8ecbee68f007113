import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useTitle } from '../ui/use-title.ts';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <div className="container page narrow">
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{message ?? t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
