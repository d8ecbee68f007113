import { useI18n } from '../i18n/I18nProvider.tsx';
import { Loading, Skeleton, SkeletonText } from '../ui/Skeleton.tsx';

/** What a page looks like before its code or data arrive. */
export function PageSkeleton() {
  const { t } = useI18n();
  return (
    <div className="container page">
      <Loading label={t('common.loading')} />
      <Skeleton width="40%" height="2.2rem" className="mb-2" />
      <SkeletonText lines={3} />
    </div>
  );
}
