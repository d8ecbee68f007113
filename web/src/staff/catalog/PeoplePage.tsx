// People (admin): search, paging, each opening its editor.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ButtonLink } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, useDebounced, usePager } from '../common.tsx';
import { staffQueries } from '../staff-queries.ts';
import { useI18n } from '../../i18n/staff.ts';

export function PeoplePage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.people'));
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const pager = usePager(query);
  const list = useQuery(staffQueries.peoplePage({ q: query, cursor: pager.cursor }));
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.people')}</h1>
        <ButtonLink to="/staff/people/$id" params={{ id: 'new' }}>
          {t('staff.people.new')}
        </ButtonLink>
      </div>
      <Field
        label={t('staff.people.search')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="staff-search"
      />
      <ErrorNotice error={list.error} />
      <ul className="people-grid">
        {list.isLoading &&
          [0, 1, 2, 3].map((i) => (
            <li key={i}>
              <Skeleton height="4rem" width="100%" />
            </li>
          ))}
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id}>
            <Link to="/staff/people/$id" params={{ id: p.id }} className="person-chip">
              {p.photoUrl ? (
                <img src={p.photoUrl} alt="" />
              ) : (
                <span className="avatar" aria-hidden="true">
                  {p.name.slice(0, 1)}
                </span>
              )}
              <span>{p.name}</span>
            </Link>
          </li>
        ))}
      </ul>
      {list.data?.items.length === 0 && <p className="empty">{t('staff.people.none')}</p>}
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </div>
  );
}
