// "Cinemas near me" (issue 20): the browser's position, asked only when the button is pressed, gives
// the nearest cinemas with their distance; choosing one remembers it on this device (the same
// preference the picker keeps), so every list of showtimes follows it.
import { useState } from 'react';
import { catalog } from '../api/endpoints.ts';
import type { Cinema } from '../api/types.ts';
import { PREF_CINEMA, PREF_CITY, usePref } from '../app/prefs.ts';
import { formatDistanceKm } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

type State =
  | { kind: 'idle' | 'locating' | 'denied' | 'failed' }
  | { kind: 'found'; cinemas: (Cinema & { distanceKm?: number })[] };

export function NearMe() {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [cinemaId, setCinema] = usePref(PREF_CINEMA);
  const [, setCity] = usePref(PREF_CITY);

  const locate = () => {
    if (!('geolocation' in navigator)) return setState({ kind: 'denied' });
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        catalog
          .cinemasNear(position.coords.latitude, position.coords.longitude)
          .then((cinemas) => setState({ kind: 'found', cinemas }))
          // The position was given: a failing search is ours, not a refused location.
          .catch(() => setState({ kind: 'failed' }));
      },
      () => setState({ kind: 'denied' }),
      { maximumAge: 10 * 60_000, timeout: 15_000 },
    );
  };

  return (
    <div className="near-me">
      <button type="button" className="btn btn-secondary btn-sm" onClick={locate} disabled={state.kind === 'locating'}>
        {t('near.button')}
      </button>
      <div aria-live="polite">
        {state.kind === 'locating' && <p>{t('near.locating')}</p>}
        {state.kind === 'denied' && <p role="alert">{t('near.denied')}</p>}
        {state.kind === 'failed' && <p role="alert">{t('near.failed')}</p>}
        {state.kind === 'found' && state.cinemas.length === 0 && <p>{t('near.none')}</p>}
      </div>
      {state.kind === 'found' && state.cinemas.length > 0 && (
        <section aria-label={t('near.title')}>
          <ol className="near-list">
            {state.cinemas.map((c) => (
              <li key={c.id}>
                <span>
                  {c.name}, {c.city} · {t('near.distance', { km: formatDistanceKm(c.distanceKm ?? 0, lang) })}
                </span>
                {c.id === cinemaId ? (
                  <strong>{t('near.chosen', { name: c.name })}</strong>
                ) : (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    onClick={() => {
                      setCity(c.city);
                      setCinema(c.id);
                    }}
                  >
                    {t('near.choose', { name: c.name })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
