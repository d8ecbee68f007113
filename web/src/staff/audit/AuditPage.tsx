// The audit log (issue 19, admin): who changed what and when, searched by person (email), object
// and a range of days; each entry opens to the fields it changed, before and after; the same search
// downloads as CSV.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data } from '../../api/http.ts';
import type { Answer, Query, Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, SkeletonRows, useDebounced, usePager } from '../common.tsx';
import './audit.css';

type Entry = Answer<'/api/v1/audit', 'get'>['items'][number];
type Filters = Omit<Query<'/api/v1/audit', 'get'>, 'limit' | 'cursor'>;

const PAGE = 25;
// The object types the database records (migration 180), offered as the object field's suggestions.
const OBJECT_TYPES = [
  'movie',
  'person',
  'cinema',
  'hall',
  'hall_layout',
  'showtime',
  'ticket_type',
  'price_list',
  'hall_prices',
  'user',
  'booking',
  'ticket',
  'refund',
  'till',
  'till_session',
  'till_movement',
  'seat_block',
  'setting',
  'tax_settings',
  'promo_code',
  'gift_card',
  'concession_product',
  'concession_offer',
  'concession_stock',
  'waiting_room',
];
const OPS = ['create', 'update', 'delete', 'request'] as const;
const isOp = (op: string): op is (typeof OPS)[number] => (OPS as readonly string[]).includes(op);

/** The local day `day` (YYYY-MM-DD) starts at this instant; `next` gives the start of the day after. */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00`);
  if (next) at.setDate(at.getDate() + 1);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The query string of `filters`, its empty fields left out. */
const queryString = (filters: Filters) =>
  new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export function AuditPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.audit'));
  const [person, setPerson] = useState('');
  const [objectType, setObjectType] = useState('');
  const [objectId, setObjectId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const typed = {
    person: useDebounced(person.trim()),
    objectType: useDebounced(objectType.trim()),
    objectId: useDebounced(objectId.trim()),
  };
  const filters: Filters = {
    ...(typed.person ? { actorEmail: typed.person } : {}),
    ...(/^[a-z][a-z_.]*$/.test(typed.objectType) ? { objectType: typed.objectType } : {}),
    ...(typed.objectId ? { objectId: typed.objectId } : {}),
    ...(dayStart(from) ? { from: dayStart(from) } : {}),
    ...(dayStart(to, true) ? { to: dayStart(to, true) } : {}),
  };
  const key = queryString(filters);
  const pager = usePager(key);
  const list = useQuery({
    queryKey: ['staff', 'audit', key, pager.cursor],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/audit', {
          params: { query: { ...filters, limit: PAGE, ...(pager.cursor ? { cursor: pager.cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <div className="container page audit-page">
      <h1>{t('staff.nav.audit')}</h1>
      <p className="lead">{t('staff.audit.intro')}</p>
      <div className="schedule-controls">
        <Field
          label={t('staff.audit.person')}
          type="search"
          value={person}
          onChange={(e) => setPerson(e.target.value)}
        />
        <Field
          label={t('staff.audit.objectType')}
          list="audit-object-types"
          value={objectType}
          placeholder={t('staff.audit.anyObject')}
          onChange={(e) => setObjectType(e.target.value)}
        />
        <datalist id="audit-object-types">
          {OBJECT_TYPES.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <Field label={t('staff.audit.objectId')} value={objectId} onChange={(e) => setObjectId(e.target.value)} />
        <Field label={t('staff.audit.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field label={t('staff.audit.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="staff-actions">
        <a className="btn btn-secondary" href={`/api/v1/audit.csv?${key}`} download="audit-log.csv">
          {t('staff.audit.csv')}
        </a>
      </div>
      <ErrorNotice error={list.error} />
      {/* Focusable so keyboard users can scroll the table sideways on a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('staff.nav.audit')}>
        <table className="staff-table" aria-busy={list.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('staff.nav.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.audit.when')}</th>
              <th scope="col">{t('staff.audit.who')}</th>
              <th scope="col">{t('staff.audit.what')}</th>
              <th scope="col">{t('staff.audit.where')}</th>
              <th scope="col">{t('staff.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && <SkeletonRows rows={4} columns={5} width="70%" />}
            {(list.data?.items ?? []).map((e) => (
              <AuditRow key={e.id} entry={e} />
            ))}
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('staff.audit.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </div>
  );
}

function AuditRow({ entry: e }: { entry: Entry }) {
  const { t, dateTime } = useI18n();
  const op = e.action.slice(e.action.lastIndexOf('.') + 1);
  const changed = changedFields(e.before, e.after);
  return (
    <tr data-testid="audit-entry">
      <td>{dateTime(e.at)}</td>
      <td>
        {e.actor ? (
          <>
            {e.actor.email ?? e.actor.id} <span className="muted">({t(`staff.role.${e.actor.role as Role}`)})</span>
          </>
        ) : (
          t('staff.audit.system')
        )}
      </td>
      <td>
        <strong>{e.objectType}</strong> {isOp(op) ? t(`staff.audit.action.${op}`) : op}
        {e.objectId && (
          <>
            <br />
            <code className="muted">{e.objectId}</code>
          </>
        )}
      </td>
      <td>{e.clientAddress ?? '—'}</td>
      <td>
        {changed.length > 0 && (
          <details>
            <summary>{t('staff.audit.show', { count: changed.length })}</summary>
            <table className="audit-diff">
              <thead>
                <tr>
                  <th scope="col">{t('staff.audit.field')}</th>
                  <th scope="col">{t('staff.audit.before')}</th>
                  <th scope="col">{t('staff.audit.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{f.name}</th>
                    <td>
                      <del>{f.before}</del>
                    </td>
                    <td>
                      <ins>{f.after}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </td>
    </tr>
  );
}

type Fields = Entry['before'];

/** The fields that differ between `before` and `after` (all of one side on a create or delete), as text. */
function changedFields(before: Fields, after: Fields): { name: string; before: string; after: string }[] {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return names
    .map((name) => ({ name, before: text(before?.[name]), after: text(after?.[name]) }))
    .filter((f) => f.before !== f.after);
}
