// City and cinema, remembered on this device; every list of movies and showtimes follows it.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { queries } from '../api/queries.ts';
import type { Cinema } from '../api/types.ts';
import { PREF_CINEMA, PREF_CITY, usePref } from '../app/prefs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { NearMe } from './NearMe.tsx';

/** All cinemas (a chain has dozens, not thousands), cached for the session. */
export function useCinemas() {
  return useQuery({ ...queries.cinemas(), staleTime: 10 * 60_000 });
}

export function useLocationChoice(): { city: string | null; cinemaId: string | null; cinemas: Cinema[] | undefined } {
  const [city] = usePref(PREF_CITY);
  const [cinemaId] = usePref(PREF_CINEMA);
  const { data } = useCinemas();
  return { city, cinemaId, cinemas: data };
}

export function LocationPicker() {
  const { t } = useI18n();
  const id = useId();
  const [city, setCity] = usePref(PREF_CITY);
  const [cinemaId, setCinema] = usePref(PREF_CINEMA);
  const cities = useQuery({ ...queries.cities(), staleTime: 10 * 60_000 });
  const cinemas = useCinemas();
  const inCity = (cinemas.data ?? []).filter((c) => !city || c.city === city);

  return (
    <div className="location-picker">
      <div className="select-field">
        <label htmlFor={`${id}-city`}>{t('picker.city')}</label>
        <select
          id={`${id}-city`}
          value={city ?? ''}
          onChange={(e) => {
            setCity(e.target.value || null);
            setCinema(null);
          }}
        >
          <option value="">{t('picker.allCities')}</option>
          {(cities.data ?? []).map((c) => (
            <option key={c.city} value={c.city}>
              {c.city}
            </option>
          ))}
          {city && !cities.data?.some((c) => c.city === city) && <option value={city}>{city}</option>}
        </select>
      </div>
      <div className="select-field">
        <label htmlFor={`${id}-cinema`}>{t('picker.cinema')}</label>
        <select id={`${id}-cinema`} value={cinemaId ?? ''} onChange={(e) => setCinema(e.target.value || null)}>
          <option value="">{city ? t('picker.allCinemasIn', { city }) : t('picker.allCinemas')}</option>
          {inCity.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <NearMe />
    </div>
  );
}
