// Moving a showtime: a new local start in the cinema's zone, and another hall while no seat is taken
// (the server checks that too: 409 showtime_has_sales; an overlap is 409 showtime_overlap, shown here).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { staff, type StaffShowtime } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';
import { fromWall, toWall } from '../zoned.ts';

export function MoveShowtime({
  showtime,
  timeZone,
  onMoved,
}: {
  showtime: StaffShowtime;
  timeZone: string;
  onMoved(): void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const wall = toWall(showtime.startsAt, timeZone);
  const [day, setDay] = useState(wall.date);
  const [start, setStart] = useState(wall.time);
  const [hallId, setHallId] = useState(showtime.hallId);
  // Nothing held or sold (the summary would say so too; this needs no request).
  const hallFree = showtime.seatsAvailable >= showtime.capacity;
  const halls = useQuery({ ...staffQueries.halls(showtime.cinemaId), enabled: open && hallFree });
  const queryClient = useQueryClient();
  const moving = useMutation({
    mutationFn: () => {
      const startsAt = fromWall(day, start, timeZone);
      return staff.moveShowtime(showtime.id, {
        ...(startsAt !== showtime.startsAt ? { startsAt } : {}),
        ...(hallId !== showtime.hallId ? { hallId } : {}),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.showtime(showtime.id) });
      setOpen(false);
      onMoved();
    },
  });
  const unchanged =
    !/^\d{2}:\d{2}$/.test(start) ||
    !day ||
    (fromWall(day, start, timeZone) === showtime.startsAt && hallId === showtime.hallId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!unchanged) moving.mutate();
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('staff.move.button')}
      </Button>
      <Dialog
        open={open}
        title={t('staff.move.title')}
        onClose={() => setOpen(false)}
        actions={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('staff.move.keep')}
            </Button>
            <Button type="submit" form={formId} busy={moving.isPending} disabled={unchanged}>
              {t('staff.move.confirm')}
            </Button>
          </>
        }
      >
        <form id={formId} className="stack" onSubmit={submit}>
          <p>{t('staff.move.lead')}</p>
          <div className="field-row">
            <Field
              label={t('staff.schedule.date')}
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              required
            />
            <Field
              label={t('staff.schedule.start', { zone: timeZone })}
              type="time"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              required
              step={300}
            />
          </div>
          {hallFree ? (
            <SelectField label={t('staff.schedule.hall')} value={hallId} onChange={(e) => setHallId(e.target.value)}>
              {(halls.data ?? [{ id: showtime.hallId, name: showtime.hallName }]).map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <p className="muted">{t('staff.move.hallLocked', { hall: showtime.hallName })}</p>
          )}
          <ErrorNotice error={moving.error} />
        </form>
      </Dialog>
    </>
  );
}
