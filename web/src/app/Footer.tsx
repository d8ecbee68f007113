import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.line')}</p>
        <p>
          <Link to="/gift-cards">{t('nav.giftCards')}</Link>
        </p>
      </div>
    </footer>
  );
}
