import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError } from '../api/http.ts';
import { queries } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { Loading, Skeleton, SkeletonText } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const roleKeys = {
  actor: 'role.actor',
  director: 'role.director',
  writer: 'role.writer',
  producer: 'role.producer',
  composer: 'role.composer',
} as const;

export function PersonPage() {
  const { t, lang } = useI18n();
  const { id } = useParams({ from: '/people/$id' });
  const person = useQuery(queries.person(id));
  useTitle(person.data?.name);
  if (person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 422)) {
    return <NotFoundPage message={t('person.notFound')} />;
  }
  if (person.error) {
    return (
      <div className="container page">
        <Notice tone="error">{errorText(person.error, t, lang)}</Notice>
      </div>
    );
  }
  const p = person.data;
  return (
    <div className="container page person-page">
      <div className="person-head">
        <span className="portrait">
          {p?.photoUrl ? (
            <img src={p.photoUrl} alt="" />
          ) : p ? (
            <span aria-hidden="true">{p.name.slice(0, 1)}</span>
          ) : (
            <span className="skeleton" />
          )}
        </span>
        <div>
          {p ? <h1>{p.name}</h1> : <Skeleton width="16rem" height="2.2rem" />}
          {!p && <Loading label={t('common.loading')} />}
          {p ? p.bio && <p className="synopsis">{p.bio}</p> : <SkeletonText lines={3} />}
        </div>
      </div>
      {p && (
        <section aria-labelledby="filmography" className="mt-3">
          <h2 id="filmography">{t('person.movies')}</h2>
          {p.movies.length === 0 ? (
            <p className="empty">{t('person.noMovies')}</p>
          ) : (
            <ul className="plain-list">
              {p.movies.map((m) => (
                <li key={`${m.movieId}:${m.role}`}>
                  <Link to="/movies/$id" params={{ id: m.movieId }}>
                    {m.title}
                  </Link>
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {roleKeys[m.role as keyof typeof roleKeys] ? t(roleKeys[m.role as keyof typeof roleKeys]) : m.role}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
