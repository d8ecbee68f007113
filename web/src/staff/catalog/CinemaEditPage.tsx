// A cinema (admin): name, city, address and time zone (picked from the zones the browser knows,
// with the local time there shown); its halls, opening in the editor; its ticket types and default
// price list; its tax settings (money/TaxPanel.tsx).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { Cinema } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { RecordPending, useCreated } from '../edit-record.tsx';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { PriceListPanel } from './PriceListPanel.tsx';
import { TicketTypesPanel } from './TicketTypesPanel.tsx';
import { TaxPanel } from '../money/TaxPanel.tsx';

function zones(): string[] {
  const all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.length ? all : ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
}

export function CinemaEditPage() {
  const { id } = useParams({ from: '/staff/cinemas/$id' });
  const isNew = id === 'new';
  const cinema = useQuery({ ...staffQueries.cinema(id), enabled: !isNew });
  const { justCreated, created } = useCreated<Cinema>((x) => staffQueries.cinema(x).queryKey);
  if (!isNew && !cinema.data) return <RecordPending query={cinema} />;
  return <CinemaForm key={id} initial={cinema.data ?? null} saved={justCreated(id)} onCreated={created} />;
}

function CinemaForm(props: { initial: Cinema | null; saved: boolean; onCreated(cinema: Cinema): void }) {
  const { t, time } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [cinema, setCinema] = useState(props.initial);
  const isNew = cinema === null;
  const id = cinema?.id ?? 'new';
  const [form, setForm] = useState(() => {
    const x = props.initial;
    const position = { latitude: String(x?.latitude ?? ''), longitude: String(x?.longitude ?? '') };
    if (x) return { name: x.name, city: x.city, address: x.address, timezone: x.timezone, ...position };
    return { name: '', city: '', address: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, ...position };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(props.saved);
  const allZones = useMemo(zones, []);
  const validZone = allZones.includes(form.timezone) || form.timezone === 'UTC';
  // Typed coordinates (issue 20): both or neither, in range; the server checks the same.
  const degrees = (v: string, max: number) => (v.trim() === '' ? null : Math.abs(Number(v)) <= max ? Number(v) : NaN);
  const lat = degrees(form.latitude, 90);
  const lng = degrees(form.longitude, 180);
  const validPosition = (lat === null) === (lng === null) && !Number.isNaN(lat) && !Number.isNaN(lng);
  const halls = useQuery({ ...staffQueries.halls(cinema?.id ?? ''), enabled: !!cinema });
  useTitle(isNew ? t('staff.cinemas.new') : cinema?.name);

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!validZone || !validPosition) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body = {
        name: form.name.trim(),
        city: form.city.trim(),
        address: form.address.trim(),
        timezone: form.timezone,
        latitude: lat,
        longitude: lng,
      };
      const result = isNew ? await staff.createCinema(body) : await staff.updateCinema(id, body);
      setCinema(result);
      setSaved(true);
      // The staff lists and the customer pages read it anew (the city picker too: a new city).
      void queryClient.invalidateQueries({ queryKey: staffKeys.cinemas() });
      void queryClient.invalidateQueries({ queryKey: keys.cinemas() });
      void queryClient.invalidateQueries({ queryKey: keys.cinema(result.id) });
      void queryClient.invalidateQueries({ queryKey: keys.cities() });
      if (isNew) {
        props.onCreated(result);
        void navigate({ to: '/staff/cinemas/$id', params: { id: result.id }, replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container page">
      <h1>{isNew ? t('staff.cinemas.new') : (cinema?.name ?? '…')}</h1>
      <div className="edit-layout">
        <form onSubmit={save} className="edit-form">
          <Field label={t('staff.cinemas.name')} value={form.name} onChange={set('name')} required maxLength={200} />
          <div className="field-row">
            <Field label={t('staff.cinemas.city')} value={form.city} onChange={set('city')} required maxLength={100} />
            <Field label={t('staff.cinemas.address')} value={form.address} onChange={set('address')} maxLength={500} />
          </div>
          <Field
            label={t('staff.cinemas.timezone')}
            value={form.timezone}
            onChange={set('timezone')}
            list="staff-zones"
            required
            error={validZone ? null : t('staff.cinemas.badZone')}
            hint={
              validZone
                ? t('staff.cinemas.localTime', { time: time(new Date().toISOString(), form.timezone) })
                : undefined
            }
          />
          <div className="field-row">
            <Field
              label={t('staff.cinemas.latitude')}
              value={form.latitude}
              onChange={set('latitude')}
              inputMode="decimal"
              error={validPosition ? null : t('staff.cinemas.badCoordinates')}
              hint={t('staff.cinemas.coordinatesHint')}
            />
            <Field
              label={t('staff.cinemas.longitude')}
              value={form.longitude}
              onChange={set('longitude')}
              inputMode="decimal"
            />
          </div>
          <datalist id="staff-zones">
            {allZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <ErrorNotice error={error} />
          {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
          <Button type="submit" busy={busy} disabled={!validZone}>
            {isNew ? t('staff.common.create') : t('staff.common.save')}
          </Button>
        </form>
        {cinema && (
          <section className="panel" aria-labelledby="cinema-halls">
            <h2 id="cinema-halls">{t('staff.nav.halls')}</h2>
            <ul className="plain-list">
              {(halls.data ?? []).map((h) => (
                <li key={h.id}>
                  <Link to="/staff/halls/$id" params={{ id: h.id }}>
                    {h.name}
                  </Link>{' '}
                  <span className="muted">· {t('staff.halls.seats', { count: h.capacity })}</span>
                </li>
              ))}
            </ul>
            <ButtonLink
              variant="secondary"
              to="/staff/halls/$id"
              params={{ id: 'new' }}
              search={{ cinemaId: cinema.id }}
            >
              {t('staff.halls.new')}
            </ButtonLink>
          </section>
        )}
      </div>
      {cinema && (
        <div className="ticket-setup">
          <TicketTypesPanel cinemaId={cinema.id} />
          <PriceListPanel cinemaId={cinema.id} />
        </div>
      )}
      {cinema && <TaxPanel cinemaId={cinema.id} />}
    </div>
  );
}
