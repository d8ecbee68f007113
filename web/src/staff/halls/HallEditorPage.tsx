// The hall editor: draw rows and seats on a grid, move them, curve rows, leave aisles, set seat
// types, renumber, preview as customers see it, and save through the API (coming showtimes with
// sales keep the layout they were sold with: the answer lists them, KeptLayout.tsx shows them).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { SeatType } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { staff, type StaffHall } from '../staff-api.ts';
import { RecordPending, useCreated } from '../edit-record.tsx';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { EditorCanvas } from './EditorCanvas.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { HallPreview } from './HallPreview.tsx';
import { KeptLayout } from './KeptLayout.tsx';
import * as M from './layout-model.ts';
import { useHistory } from './use-history.ts';

export function HallEditorPage() {
  const { id } = useParams({ from: '/staff/halls/$id' });
  const cinemaId = useSearch({ from: '/staff/halls/$id', select: (s) => s.cinemaId ?? '' });
  const isNew = id === 'new';
  const hall = useQuery({ ...staffQueries.hall(id), enabled: !isNew });
  const { justCreated, created } = useCreated<StaffHall>((x) => staffQueries.hall(x).queryKey);
  if (!isNew && !hall.data) return <RecordPending query={hall} />;
  return (
    <HallEditor key={id} initial={hall.data ?? null} cinemaId={cinemaId} saved={justCreated(id)} onCreated={created} />
  );
}

function HallEditor(props: {
  initial: StaffHall | null;
  /** The cinema a new hall is for. */
  cinemaId: string;
  saved: boolean;
  onCreated(hall: StaffHall): void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [hall, setHall] = useState(props.initial);
  const isNew = hall === null;
  const id = hall?.id ?? 'new';
  const cinemaId = hall?.cinemaId ?? props.cinemaId;
  const [name, setName] = useState(props.initial?.name ?? '');
  const [cleaning, setCleaning] = useState(String(props.initial?.cleaningMinutes ?? 15));
  const history = useHistory<M.EdLayout>(props.initial ? M.fromApi(props.initial.layout) : M.grid(8, 12));
  const layout = history.value;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paint, setPaint] = useState<SeatType | null>(null);
  const [zoom, setZoom] = useState(1);
  const [preview, setPreview] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(props.saved);
  useTitle(isNew ? t('staff.hall.newTitle') : t('staff.hall.editTitle', { name: hall.name }));

  const apiLayout = useMemo(() => M.toApi(layout), [layout]);
  const problems = useMemo(() => M.problems(layout), [layout]);
  const capacity = layout.seats.filter((x) => x.type !== 'blocked').length;
  const selectedRows = useMemo(
    () => new Set(layout.seats.filter((x) => selected.has(x.id)).map((x) => x.rowId)),
    [layout, selected],
  );

  function change(fn: (l: M.EdLayout) => M.EdLayout) {
    setSaved(false);
    history.commit(fn);
  }

  function select(ids: string[], mode: 'replace' | 'add' | 'toggle') {
    setSelected((prev) => {
      if (mode === 'replace') return new Set(ids);
      const next = new Set(prev);
      for (const id of ids) {
        if (mode === 'toggle' && next.has(id)) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  function onKey(e: KeyboardEvent<SVGSVGElement>) {
    const step = e.shiftKey ? 1 : 0.5;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const mod = e.ctrlKey || e.metaKey;
    if (moves[e.key] && selected.size > 0) {
      e.preventDefault();
      const [dx, dy] = moves[e.key]!;
      change((l) => M.moveSeats(l, selected, dx, dy));
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected.size > 0) {
      e.preventDefault();
      change((l) => M.removeSeats(l, selected));
      setSelected(new Set());
    } else if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setSelected(new Set(layout.seats.map((x) => x.id)));
    } else if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) history.redo();
      else history.undo();
    } else if (e.key === 'Escape') {
      setSelected(new Set());
      setPaint(null);
    }
  }

  async function save() {
    setSaveError(null);
    setSaved(false);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      const body = { name: name.trim(), layout: apiLayout, cleaningMinutes: Number(cleaning) || 0 };
      const result = isNew ? await staff.createHall(cinemaId, body) : await staff.updateHall(id, body);
      setHall(result);
      setSaved(true);
      // Every list of halls (the schedule form's included) and the customer seat map read it anew.
      void queryClient.invalidateQueries({ queryKey: staffKeys.halls() });
      void queryClient.invalidateQueries({ queryKey: keys.hall(result.id) });
      if (isNew) {
        props.onCreated(result);
        void navigate({ to: '/staff/halls/$id', params: { id: result.id }, replace: true });
      }
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  }

  if (isNew && !cinemaId) {
    return (
      <div className="container page">
        <Notice tone="warning">{t('staff.hall.pickCinemaFirst')}</Notice>
      </div>
    );
  }

  return (
    <div className="container page hall-editor">
      <div className="page-head">
        <h1>{isNew ? t('staff.hall.newTitle') : t('staff.hall.editTitle', { name: hall?.name ?? '…' })}</h1>
        <p className="muted" aria-live="polite">
          {t('staff.hall.stats', {
            rows: t('staff.count.rows', { count: apiLayout.rows.length }),
            seats: t('staff.halls.seats', { count: layout.seats.length }),
            capacity,
          })}
        </p>
      </div>
      <div className="field-row hall-meta">
        <Field
          label={t('staff.hall.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
        />
        <Field
          label={t('staff.hall.cleaning')}
          type="number"
          min={0}
          max={240}
          value={cleaning}
          onChange={(e) => setCleaning(e.target.value)}
          hint={t('staff.hall.cleaningHint')}
        />
      </div>
      <EditorToolbar
        layout={layout}
        selected={selected}
        selectedRows={selectedRows}
        paint={paint}
        zoom={zoom}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onChange={change}
        onSelect={setSelected}
        onPaint={setPaint}
        onZoom={setZoom}
        onUndo={history.undo}
        onRedo={history.redo}
      />
      <div className="editor-scroll">
        <EditorCanvas
          layout={layout}
          selected={selected}
          paint={paint}
          zoom={zoom}
          label={t('staff.hall.canvasLabel')}
          onSelect={select}
          onMove={(dx, dy) => change((l) => M.moveSeats(l, selected, dx, dy))}
          onPaint={(ids) => paint && change((l) => M.setType(l, new Set(ids), paint))}
          onKey={onKey}
        />
      </div>
      <p className="small muted">{t('staff.hall.help')}</p>
      {problems.length > 0 && (
        <Notice tone="warning" title={t('staff.hall.problemsTitle')}>
          <ul className="plain-list">
            {problems.map((p, i) => (
              <li key={i}>{t(`staff.hall.problem.${p.key}`, p.params)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <ErrorNotice error={saveError} title={t('staff.hall.saveFailed')} />
      {saved && <Notice tone="success">{t('staff.hall.saved')}</Notice>}
      {saved && hall?.keptLayout && <KeptLayout cinemaId={cinemaId} kept={hall.keptLayout} />}
      <div className="staff-actions">
        <Button onClick={save} busy={saving} disabled={problems.length > 0 || !name.trim()}>
          {t('staff.hall.save')}
        </Button>
        <Button variant="secondary" onClick={() => setPreview((p) => !p)} aria-expanded={preview}>
          {preview ? t('staff.hall.hidePreview') : t('staff.hall.showPreview')}
        </Button>
      </div>
      {preview && <HallPreview layout={apiLayout} />}
    </div>
  );
}
