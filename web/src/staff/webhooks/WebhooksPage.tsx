// Webhooks out (issue 19, admin): endpoints with the event types they take, their signing secret
// (revealed on demand, rotated), a test ping, and each endpoint's deliveries with every attempt's
// status and answer, redelivered by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, data } from '../../api/http.ts';
import type { Answer, Body } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, flash } from '../common.tsx';

type Endpoint = Answer<'/api/v1/webhook-endpoints', 'get'>['items'][number];
type Delivery = Answer<'/api/v1/webhook-endpoints/{id}/deliveries', 'get'>['items'][number];
type EventType = Body<'/api/v1/webhook-endpoints', 'post'>['eventTypes'][number];

const KEY = ['staff', 'webhooks'];

export function WebhooksPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.webhooks'));
  const queries = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<EventType[]>([]);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const types = useQuery({
    queryKey: [...KEY, 'types'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/webhook-event-types', { signal })),
  });
  const list = useQuery({
    queryKey: [...KEY, 'endpoints'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/webhook-endpoints', { signal })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: KEY });
  const create = useMutation({
    mutationFn: () =>
      data(client.POST('/api/v1/webhook-endpoints', { body: { url: url.trim(), description, eventTypes: chosen } })),
    onSuccess: (e) => {
      setSecret({ id: e.id, secret: e.secret });
      setUrl('');
      setDescription('');
      setChosen([]);
      void refresh();
    },
  });
  const act = useMutation({
    mutationFn: async ({ e, what }: { e: Endpoint; what: 'toggle' | 'test' | 'reveal' | 'rotate' | 'delete' }) => {
      const params = { path: { id: e.id } };
      if (what === 'toggle')
        await data(client.PATCH('/api/v1/webhook-endpoints/{id}', { params, body: { enabled: !e.enabled } }));
      if (what === 'test') await data(client.POST('/api/v1/webhook-endpoints/{id}/test', { params }));
      if (what === 'delete') await client.DELETE('/api/v1/webhook-endpoints/{id}', { params });
      if (what === 'reveal')
        setSecret({ id: e.id, ...(await data(client.GET('/api/v1/webhook-endpoints/{id}/secret', { params }))) });
      if (what === 'rotate')
        setSecret({
          id: e.id,
          ...(await data(client.POST('/api/v1/webhook-endpoints/{id}/rotate-secret', { params }))),
        });
      if (what === 'test') flash(t('staff.webhooks.pinged'));
    },
    onSettled: () => void refresh(),
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate();
  };

  return (
    <div className="container page webhooks-page">
      <h1>{t('staff.nav.webhooks')}</h1>
      <p className="lead">{t('staff.webhooks.intro')}</p>
      <form className="stack" onSubmit={submit}>
        <Field
          label={t('staff.webhooks.url')}
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <Field
          label={t('staff.webhooks.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset>
          <legend>{t('staff.webhooks.eventTypes')}</legend>
          {types.data?.items.map((x) => (
            <label key={x.type} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(x.type as EventType)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, x.type as EventType] : chosen.filter((c) => c !== x.type))
                }
              />{' '}
              <code>{x.type}</code> — {x.description}
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={create.error} />
        <button className="btn" type="submit" disabled={create.isPending || chosen.length === 0}>
          {t('staff.webhooks.add')}
        </button>
      </form>
      {secret && (
        <p role="status">
          {t('staff.webhooks.secret')}: <code>{secret.secret}</code>
        </p>
      )}
      <ErrorNotice error={list.error ?? act.error} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('staff.nav.webhooks')}>
        <table className="staff-table">
          <caption className="visually-hidden">{t('staff.nav.webhooks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.webhooks.url')}</th>
              <th scope="col">{t('staff.webhooks.eventTypes')}</th>
              <th scope="col">{t('staff.webhooks.status')}</th>
              <th scope="col">{t('staff.webhooks.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <code>{e.url}</code>
                  <div>{e.description}</div>
                </td>
                <td>{e.eventTypes.join(', ')}</td>
                <td>
                  {e.enabled
                    ? t('staff.webhooks.enabled')
                    : e.disabledReason === 'failing'
                      ? t('staff.webhooks.disabledFailing')
                      : t('staff.webhooks.disabled')}
                </td>
                <td className="staff-actions">
                  <button className="btn btn-secondary" onClick={() => act.mutate({ e, what: 'toggle' })}>
                    {e.enabled ? t('staff.webhooks.disable') : t('staff.webhooks.enable')}
                  </button>
                  <button
                    className="btn btn-secondary"
                    disabled={!e.enabled}
                    onClick={() => act.mutate({ e, what: 'test' })}
                  >
                    {t('staff.webhooks.test')}
                  </button>
                  <button className="btn btn-secondary" onClick={() => act.mutate({ e, what: 'reveal' })}>
                    {t('staff.webhooks.reveal')}
                  </button>
                  <button className="btn btn-secondary" onClick={() => act.mutate({ e, what: 'rotate' })}>
                    {t('staff.webhooks.rotate')}
                  </button>
                  <button className="btn btn-secondary" onClick={() => setOpen(open === e.id ? null : e.id)}>
                    {t('staff.webhooks.deliveries')}
                  </button>
                  <button className="btn btn-secondary" onClick={() => act.mutate({ e, what: 'delete' })}>
                    {t('staff.webhooks.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <Deliveries endpointId={open} />}
    </div>
  );
}

/** One endpoint's deliveries, newest first, each with its attempts. */
function Deliveries({ endpointId }: { endpointId: string }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const list = useQuery({
    queryKey: [...KEY, 'deliveries', endpointId],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId } }, signal })),
  });
  const redeliver = useMutation({
    mutationFn: (d: Delivery) =>
      data(client.POST('/api/v1/webhook-deliveries/{id}/redeliver', { params: { path: { id: d.id } } })),
    onSuccess: () => {
      flash(t('staff.webhooks.redelivered'));
      void queries.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <section>
      <h2>{t('staff.webhooks.deliveries')}</h2>
      <ErrorNotice error={list.error ?? redeliver.error} />
      {list.data?.items.length === 0 && <p>{t('staff.webhooks.noDeliveries')}</p>}
      {list.data?.items.map((d) => (
        <details key={d.id}>
          <summary>
            <code>{d.eventType}</code> · {t(`staff.webhooks.delivery.${d.status}`)} · {d.attempts} ·{' '}
            {d.lastStatusCode ?? d.lastError ?? ''}
          </summary>
          <button className="btn btn-secondary" onClick={() => redeliver.mutate(d)}>
            {t('staff.webhooks.redeliver')}
          </button>
          <ol>
            {d.attemptLog.map((a) => (
              <li key={a.attempt}>
                {new Date(a.startedAt).toLocaleString()} · {a.statusCode ?? a.error} · {a.durationMs} ms
                {a.response && <pre>{a.response}</pre>}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
