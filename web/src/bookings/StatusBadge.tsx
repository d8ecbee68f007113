import type { BookingStatus } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function StatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`}>{t(`bookingStatus.${status}` as 'bookingStatus.held')}</span>
  );
}
