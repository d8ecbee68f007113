import { useI18n } from '../i18n/I18nProvider.tsx';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.line')}</p>
      </div>
    </footer>
  );
}
