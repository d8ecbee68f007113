// Search with results as you type: the query lives in the address, so results can be shared.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { queries } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { MovieCard, MovieGridSkeleton } from './MovieCard.tsx';

export function SearchPage() {
  const { t, lang } = useI18n();
  useTitle(t('search.title'));
  const id = useId();
  const navigate = useNavigate();
  const initial = useSearch({ from: '/search', select: (s) => s.q ?? '' });
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(text.trim());

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = text.trim();
      setQ(next);
      void navigate({ to: '/search', search: next ? { q: next } : {}, replace: true, resetScroll: false });
    }, 180);
    return () => clearTimeout(timer);
  }, [text, navigate]);

  const results = useQuery({ ...queries.searchMovies(q), enabled: q !== '' });
  const people = useQuery({ ...queries.searchPeople(q), enabled: q !== '' });
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
                <Link to="/people/$id" params={{ id: p.id }} className="person-chip">
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
