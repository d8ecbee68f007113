// Users (admin): search by name or email, filter by role, change a role.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role, User } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, SelectField, SkeletonRows, useDebounced, usePager } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { SecuritySettings } from './SecuritySettings.tsx';

const ROLES: Role[] = ['customer', 'staff', 'admin'];

export function UsersPage() {
  const { t, date } = useI18n();
  const { user: me } = useSession();
  useTitle(t('staff.nav.users'));
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const query = useDebounced(q.trim());
  const pager = usePager(`${query}|${role}`);
  const list = useQuery(staffQueries.userPage({ q: query, role, cursor: pager.cursor }));
  const [changed, setChanged] = useState<Record<string, Role>>({});
  const [done, setDone] = useState<string | null>(null);
  // The row keeps its place (and its new role) until the list is read again, even under a role filter;
  // other searches and filters kept in the cache go, so none shows the old role.
  const queryClient = useQueryClient();
  const roleChange = useMutation({
    mutationFn: ({ user, role }: { user: User; role: Role }) => staff.setRole(user.id, role),
    onMutate: () => setDone(null),
    onSuccess: (updated, { user: u }) => {
      setChanged((c) => ({ ...c, [u.id]: updated.role }));
      queryClient.removeQueries({ queryKey: staffKeys.users(), type: 'inactive' });
      setDone(t('staff.users.changed', { who: u.name || u.email || '', role: t(`staff.role.${updated.role}`) }));
    },
  });
  const change = (u: User, next: Role) => roleChange.mutate({ user: u, role: next });

  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.users')}</h1>
        <div className="schedule-controls">
          <Field label={t('staff.users.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          <SelectField
            label={t('staff.users.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
          >
            <option value="">{t('staff.users.anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.role.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <ErrorNotice error={roleChange.error ?? list.error} />
      {done && <Notice tone="success">{done}</Notice>}
      {/* Focusable so keyboard users can scroll the table sideways on a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('staff.nav.users')}>
        <table className="staff-table">
          <caption className="visually-hidden">{t('staff.nav.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.users.name')}</th>
              <th scope="col">{t('staff.users.email')}</th>
              <th scope="col">{t('staff.users.since')}</th>
              <th scope="col">{t('staff.users.role')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && <SkeletonRows rows={4} columns={4} width="70%" />}
            {(list.data?.items ?? []).map((u) => {
              const current = changed[u.id] ?? u.role;
              return (
                <tr key={u.id}>
                  <td>{u.name || '—'}</td>
                  <td>{u.email}</td>
                  <td>{date(u.createdAt)}</td>
                  <td>
                    <select
                      aria-label={t('staff.users.roleOf', { who: u.name || u.email || '' })}
                      value={current}
                      disabled={u.id === me?.id}
                      onChange={(e) => change(u, e.target.value as Role)}
                      className="inline-select"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`staff.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  {t('staff.users.none')}
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
      <SecuritySettings />
    </div>
  );
}
