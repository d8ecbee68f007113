// A movie (admin): its facts, genres, people as named, poster and backdrop; create, update, delete.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { Movie } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { type MovieInput, staff } from '../staff-api.ts';
import { RecordPending, useCreated } from '../edit-record.tsx';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { NATIVE_NAMES } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/staff.ts';
import { ImageDrop } from './ImageDrop.tsx';
import {
  noTranslation,
  TRANSLATED,
  type Translated,
  translationBody,
  translationForm,
  type TranslationForm,
} from './movie-translations.ts';

const GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Family',
  'Fantasy',
  'Horror',
  'Music',
  'Mystery',
  'Romance',
  'Science Fiction',
  'Thriller',
  'War',
  'Western',
];
const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

interface Form {
  title: string;
  originalTitle: string;
  synopsis: string;
  durationMinutes: string;
  ageRating: string;
  genres: string;
  language: string;
  countries: string;
  releaseDate: string;
  director: string;
  cast: string;
  translations: Record<Translated, TranslationForm>;
}
const empty: Form = {
  title: '',
  originalTitle: '',
  synopsis: '',
  durationMinutes: '',
  ageRating: '',
  genres: '',
  language: '',
  countries: '',
  releaseDate: '',
  director: '',
  cast: '',
  translations: { de: noTranslation, fr: noTranslation },
};

function toForm(m: Movie): Form {
  return {
    title: m.title,
    originalTitle: m.originalTitle ?? '',
    synopsis: m.synopsis,
    durationMinutes: String(m.durationMinutes),
    ageRating: m.ageRating ?? '',
    genres: m.genres.join(', '),
    language: m.language ?? '',
    countries: m.countries.join(', '),
    releaseDate: m.releaseDate ?? '',
    director: m.director ?? '',
    cast: m.cast.join(', '),
    translations: {
      de: translationForm(m.translations.de),
      fr: translationForm(m.translations.fr),
    },
  };
}

export function MovieEditPage() {
  const { id } = useParams({ from: '/staff/movies/$id' });
  const isNew = id === 'new';
  const movie = useQuery({ ...staffQueries.movie(id), enabled: !isNew });
  const { justCreated, created } = useCreated<Movie>((x) => staffQueries.movie(x).queryKey);
  if (!isNew && !movie.data) return <RecordPending query={movie} />;
  return <MovieForm key={id} initial={movie.data ?? null} saved={justCreated(id)} onCreated={created} />;
}

function MovieForm(props: { initial: Movie | null; saved: boolean; onCreated(movie: Movie): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [movie, setMovie] = useState(props.initial);
  const isNew = movie === null;
  const id = movie?.id ?? 'new';
  const [form, setForm] = useState<Form>(props.initial ? toForm(props.initial) : empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(props.saved);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useTitle(isNew ? t('staff.movies.new') : movie.title);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const setTranslation = (lang: Translated, k: keyof TranslationForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({
      ...f,
      translations: { ...f.translations, [lang]: { ...f.translations[lang], [k]: e.target.value } },
    }));
  const toggleGenre = (g: string) =>
    setForm((f) => {
      const current = list(f.genres);
      return { ...f, genres: (current.includes(g) ? current.filter((x) => x !== g) : [...current, g]).join(', ') };
    });

  /** The staff lists (the schedule's movie picker too) and the customer pages read the movie anew. */
  function forget(movieId: string) {
    void queryClient.invalidateQueries({ queryKey: staffKeys.movies() });
    void queryClient.invalidateQueries({ queryKey: keys.movies() });
    void queryClient.invalidateQueries({ queryKey: keys.movie(movieId) });
  }

  /** A new poster or backdrop: on screen here, and in every list that shows it. */
  function uploaded(result: Movie) {
    setMovie(result);
    forget(result.id);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const body: MovieInput & { title: string; durationMinutes: number } = {
      title: form.title.trim(),
      durationMinutes: Number(form.durationMinutes),
      originalTitle: form.originalTitle.trim() || null,
      synopsis: form.synopsis,
      ageRating: form.ageRating.trim() || null,
      genres: list(form.genres),
      language: form.language.trim() || null,
      countries: list(form.countries),
      releaseDate: form.releaseDate || null,
      director: form.director.trim() || null,
      cast: list(form.cast),
      // A write replaces every translation: English (set through the API only) is sent back as read.
      translations: {
        ...(movie?.translations.en && { en: movie.translations.en }),
        ...Object.fromEntries(TRANSLATED.map((lang) => [lang, translationBody(form.translations[lang])])),
      },
    };
    try {
      const result = isNew ? await staff.createMovie(body) : await staff.updateMovie(id, body);
      setMovie(result);
      setForm(toForm(result));
      setSaved(true);
      forget(result.id);
      if (isNew) {
        props.onCreated(result);
        void navigate({ to: '/staff/movies/$id', params: { id: result.id }, replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError(null);
    try {
      await staff.deleteMovie(id);
      forget(id);
      void navigate({ to: '/staff/movies' });
    } catch (err) {
      setConfirmDelete(false);
      setError(err);
    }
  }

  const chosen = new Set(list(form.genres));
  return (
    <div className="container page narrow-wide">
      <h1>{isNew ? t('staff.movies.new') : (movie?.title ?? '…')}</h1>
      <div className="edit-layout">
        <form onSubmit={save} className="edit-form">
          <Field label={t('staff.movies.title')} value={form.title} onChange={set('title')} required maxLength={300} />
          <Field
            label={t('staff.movies.originalTitle')}
            value={form.originalTitle}
            onChange={set('originalTitle')}
            maxLength={300}
          />
          <div className="field">
            <label htmlFor="movie-synopsis">{t('staff.movies.synopsis')}</label>
            <textarea id="movie-synopsis" rows={5} value={form.synopsis} onChange={set('synopsis')} maxLength={5000} />
          </div>
          <div className="field-row">
            <Field
              label={t('staff.movies.duration')}
              type="number"
              min={1}
              max={1000}
              value={form.durationMinutes}
              onChange={set('durationMinutes')}
              required
            />
            <Field
              label={t('staff.movies.ageRating')}
              value={form.ageRating}
              onChange={set('ageRating')}
              maxLength={20}
            />
          </div>
          <Field
            label={t('staff.movies.genres')}
            value={form.genres}
            onChange={set('genres')}
            hint={t('staff.movies.commaHint')}
          />
          <div className="genre-chips" role="group" aria-label={t('staff.movies.genreChips')}>
            {GENRES.map((g) => (
              <button
                key={g}
                type="button"
                className="chip"
                aria-pressed={chosen.has(g)}
                onClick={() => toggleGenre(g)}
              >
                {g}
              </button>
            ))}
          </div>
          <div className="field-row">
            <Field label={t('staff.movies.language')} value={form.language} onChange={set('language')} maxLength={50} />
            <Field
              label={t('staff.movies.countries')}
              value={form.countries}
              onChange={set('countries')}
              hint={t('staff.movies.commaHint')}
            />
          </div>
          <div className="field-row">
            <Field
              label={t('staff.movies.release')}
              type="date"
              value={form.releaseDate}
              onChange={set('releaseDate')}
            />
            <Field
              label={t('staff.movies.director')}
              value={form.director}
              onChange={set('director')}
              maxLength={200}
            />
          </div>
          <Field
            label={t('staff.movies.cast')}
            value={form.cast}
            onChange={set('cast')}
            hint={t('staff.movies.commaHint')}
          />
          {TRANSLATED.map((lang) => (
            <fieldset key={lang} className="movie-translation">
              <legend>{t('staff.movies.translation', { language: NATIVE_NAMES[lang] })}</legend>
              <p className="field-hint">{t('staff.movies.translationHint')}</p>
              <Field
                label={t('staff.movies.titleIn', { language: NATIVE_NAMES[lang] })}
                value={form.translations[lang].title}
                onChange={setTranslation(lang, 'title')}
                maxLength={300}
              />
              <div className="field">
                <label htmlFor={`movie-synopsis-${lang}`}>
                  {t('staff.movies.synopsisIn', { language: NATIVE_NAMES[lang] })}
                </label>
                <textarea
                  id={`movie-synopsis-${lang}`}
                  rows={3}
                  value={form.translations[lang].synopsis}
                  onChange={setTranslation(lang, 'synopsis')}
                  maxLength={5000}
                />
              </div>
              <Field
                label={t('staff.movies.genresIn', { language: NATIVE_NAMES[lang] })}
                value={form.translations[lang].genres}
                onChange={setTranslation(lang, 'genres')}
                hint={t('staff.movies.commaHint')}
              />
            </fieldset>
          ))}
          <ErrorNotice error={error} />
          {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
          <div className="staff-actions">
            <Button type="submit" busy={busy}>
              {isNew ? t('staff.common.create') : t('staff.common.save')}
            </Button>
            {!isNew && (
              <Button variant="danger" onClick={() => setConfirmDelete(true)}>
                {t('staff.common.delete')}
              </Button>
            )}
          </div>
        </form>
        <div className="edit-images">
          <ImageDrop
            label={t('staff.movies.poster')}
            ratio={2 / 3}
            ratioLabel="2:3"
            currentUrl={movie?.posterUrl ?? null}
            disabled={!movie}
            upload={async (blob) => uploaded(await staff.uploadMovieImage(movie!.id, 'poster', blob))}
          />
          <ImageDrop
            label={t('staff.movies.backdrop')}
            ratio={16 / 9}
            ratioLabel="16:9"
            currentUrl={movie?.backdropUrl ?? null}
            disabled={!movie}
            upload={async (blob) => uploaded(await staff.uploadMovieImage(movie!.id, 'backdrop', blob))}
          />
        </div>
      </div>
      <Dialog
        open={confirmDelete}
        title={t('staff.movies.deleteTitle')}
        onClose={() => setConfirmDelete(false)}
        actions={
          <>
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
              {t('staff.common.cancel')}
            </Button>
            <Button variant="danger" onClick={remove}>
              {t('staff.common.delete')}
            </Button>
          </>
        }
      >
        <p>{t('staff.movies.deleteText', { title: movie?.title ?? '' })}</p>
      </Dialog>
    </div>
  );
}
