// Search with results as you type: the query lives in the address, so results can be shared.
import { useEffect, useId, useState } from 'react';
import { catalog } from '../api/endpoints.ts';
import { useQuery } from '../app/query.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { MovieCard, MovieGridSkeleton } from './MovieCard.tsx';

export function SearchPage() {
  const { t, lang } = useI18n();
  useTitle(t('search.title'));
  const id = useId();
  const location = useLocation();
  const [text, setText] = useState(location.search.get('q') ?? '');
  const [q, setQ] = useState(text.trim());

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = text.trim();
      setQ(next);
      navigate(next ? `/search?q=${encodeURIComponent(next)}` : '/search', { replace: true, keepScroll: true });
    }, 180);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useQuery(q ? `search:${q}` : null, (signal) => catalog.movies({ q, limit: 24 }, signal));
  // People are a bonus: a server without the people search still finds movies.
  const people = useQuery(q ? `search-people:${q}` : null, (signal) =>
    catalog.people(q, signal).catch(() => ({ items: [], nextCursor: null })),
  );
  const count = results.data?.items.length ?? 0;

  return (
    <div className="container page">
      <h1>{t('search.title')}</h1>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={id} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={id}
          type="search"
          value={text}
          autoFocus
          autoComplete="off"
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-status`}
        />
      </form>
      <p id={`${id}-status`} className="muted search-status" role="status">
        {q && results.data ? (count === 0 ? t('search.none', { q }) : t('search.count', { count })) : '\u00a0'}
      </p>
      {people.data && people.data.items.length > 0 && (
        <section aria-labelledby="people-results" className="mb-2">
          <h2 id="people-results" className="small-heading">
            {t('search.people')}
          </h2>
          <ul className="person-chips">
            {people.data.items.map((p) => (
              <li key={p.id}>
                <Link to={`/people/${p.id}`} className="person-chip">
                  {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.error ? (
        <Notice tone="error">{errorText(results.error, t, lang)}</Notice>
      ) : q && !results.data ? (
        <MovieGridSkeleton count={4} />
      ) : (
        results.data && (
          <ul className="movie-grid">
            {results.data.items.map((m) => (
              <MovieCard key={m.id} movie={m} />
            ))}
          </ul>
        )
      )}
    </div>
  );
}
