// A cinema's ticket types (admin): the list with ages, rules and which is the default; adding one,
// editing one, and deactivating or reactivating it (the default stays: the server refuses).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { TicketType } from '../../api/types.ts';
import { ticketTypeName, ticketTypeRule } from '../../seats/ticket-choice.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorNotice, SkeletonRows } from '../common.tsx';
import { staff, type TicketTypeInput } from '../staff-api.ts';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { TicketTypeForm } from './TicketTypeForm.tsx';

export function TicketTypesPanel({ cinemaId }: { cinemaId: string }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const types = useQuery(staffQueries.ticketTypes(cinemaId));
  // null: no form; 'new': adding; a type: editing it.
  const [editing, setEditing] = useState<TicketType | 'new' | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: staffKeys.ticketTypes(cinemaId) });
    void queryClient.invalidateQueries({ queryKey: staffKeys.priceList(cinemaId) });
    void queryClient.invalidateQueries({ queryKey: keys.ticketTypes(cinemaId) });
  };
  const save = useMutation({
    mutationFn: (body: TicketTypeInput) =>
      editing === 'new' || editing === null
        ? staff.createTicketType(cinemaId, { ...body, code: body.code ?? '', names: body.names ?? { en: '' } })
        : staff.updateTicketType(editing.id, body),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (type: TicketType) =>
      type.active ? staff.deactivateTicketType(type.id) : staff.updateTicketType(type.id, { active: true }),
    onSuccess: refresh,
  });
  const ages = (x: TicketType) => (x.minAge === null && x.maxAge === null ? '—' : `${x.minAge ?? 0}–${x.maxAge ?? ''}`);
  const list = [...(types.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));

  return (
    <section className="panel ticket-types" aria-labelledby="ticket-types-title">
      <h2 id="ticket-types-title">{t('staff.ticketTypes.title')}</h2>
      <div className="table-scroll">
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.ticketTypes.name')}</th>
              <th scope="col">{t('staff.ticketTypes.ages')}</th>
              <th scope="col">{t('staff.ticketTypes.rule')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('staff.ticketTypes.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.isPending && <SkeletonRows rows={3} columns={4} width="80%" />}
            {list.map((x) => {
              const name = ticketTypeName(x, lang);
              return (
                <tr key={x.id} className={x.active ? undefined : 'is-cancelled'} data-code={x.code}>
                  <th scope="row">
                    {name} <span className="muted small">({x.code})</span>
                    {x.isDefault && <span className="badge"> {t('staff.ticketTypes.default')}</span>}
                    {!x.active && <span className="badge"> {t('staff.ticketTypes.inactive')}</span>}
                  </th>
                  <td>{ages(x)}</td>
                  <td>{ticketTypeRule(x, lang) ?? '—'}</td>
                  <td className="staff-actions">
                    <Button
                      className="btn-sm"
                      variant="secondary"
                      onClick={() => setEditing(x)}
                      aria-label={t('staff.ticketTypes.edit', { name })}
                    >
                      {t('staff.ticketTypes.editShort')}
                    </Button>
                    {!x.isDefault && (
                      <Button
                        className="btn-sm"
                        variant="ghost"
                        busy={toggle.isPending && toggle.variables?.id === x.id}
                        onClick={() => toggle.mutate(x)}
                        aria-label={t(x.active ? 'staff.ticketTypes.deactivate' : 'staff.ticketTypes.activate', {
                          name,
                        })}
                      >
                        {t(x.active ? 'staff.ticketTypes.deactivateShort' : 'staff.ticketTypes.activateShort')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorNotice error={types.error ?? toggle.error} />
      {editing === null ? (
        <Button
          variant="secondary"
          onClick={() => {
            save.reset();
            setEditing('new');
          }}
        >
          {t('staff.ticketTypes.add')}
        </Button>
      ) : (
        <TicketTypeForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          busy={save.isPending}
          error={save.error}
          onSave={(body) => save.mutate(body)}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
