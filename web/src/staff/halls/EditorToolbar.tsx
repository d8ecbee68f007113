// The editor's tools: selection or paint mode, seat types, rows and seats, aisles, the selected
// row's label, numbering and curve, undo/redo and zoom.
import { useState } from 'react';
import type { SeatType } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { TYPE_KEYS } from '../../seats/Legend.tsx';
import * as M from './layout-model.ts';

const TYPES: SeatType[] = ['standard', 'vip', 'accessible', 'companion', 'blocked'];

export interface ToolbarProps {
  layout: M.EdLayout;
  selected: ReadonlySet<string>;
  selectedRows: ReadonlySet<string>;
  paint: SeatType | null;
  zoom: number;
  canUndo: boolean;
  canRedo: boolean;
  onChange(fn: (l: M.EdLayout) => M.EdLayout): void;
  onSelect(ids: ReadonlySet<string>): void;
  onPaint(type: SeatType | null): void;
  onZoom(z: number): void;
  onUndo(): void;
  onRedo(): void;
}

export function EditorToolbar(p: ToolbarProps) {
  const { t } = useI18n();
  const [rowSeats, setRowSeats] = useState('12');
  // The grid boxes show the layout on the canvas; what is typed there lasts until the layout changes.
  const [gridDraft, setGridDraft] = useState<{ layout: M.EdLayout; rows: string; seats: string } | null>(null);
  const shape = M.gridShape(p.layout);
  const draft = gridDraft?.layout === p.layout ? gridDraft : null;
  const gridRows = draft?.rows ?? String(shape.rows || '');
  const gridSeats = draft?.seats ?? String(shape.perRow || '');
  const typeGrid = (change: { rows?: string; seats?: string }) =>
    setGridDraft({ layout: p.layout, rows: gridRows, seats: gridSeats, ...change });
  const oneRow = p.selectedRows.size === 1 ? p.layout.rows.find((r) => p.selectedRows.has(r.id)) : undefined;
  const curve =
    oneRow?.curve ?? (p.selectedRows.size ? (p.layout.rows.find((r) => p.selectedRows.has(r.id))?.curve ?? 0) : 0);
  const has = p.selected.size > 0;
  const selectedMaxX = () => Math.max(...p.layout.seats.filter((x) => p.selected.has(x.id)).map((x) => x.x));

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('staff.hall.tools')}>
      <fieldset className="tool-group">
        <legend>{t('staff.hall.seatTypes')}</legend>
        <label className="checkbox tool-paint">
          <input
            type="checkbox"
            checked={p.paint !== null}
            onChange={(e) => p.onPaint(e.target.checked ? 'vip' : null)}
          />
          {t('staff.hall.paintMode')}
        </label>
        <div className="tool-buttons">
          {TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className={`btn btn-sm btn-secondary tool-type ed-swatch-${type}`}
              aria-pressed={p.paint === type}
              disabled={p.paint === null && !has}
              onClick={() => (p.paint !== null ? p.onPaint(type) : p.onChange((l) => M.setType(l, p.selected, type)))}
            >
              <span className={`ed-swatch ed-${type}`} aria-hidden="true" />
              {t(TYPE_KEYS[type])}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="tool-group">
        <legend>{t('staff.hall.rowsAndSeats')}</legend>
        <div className="tool-buttons">
          <label className="tool-inline">
            {t('staff.hall.seatsPerRow')}
            <input type="number" min={1} max={100} value={rowSeats} onChange={(e) => setRowSeats(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => p.onChange((l) => M.addRow(l, Math.max(1, Math.min(100, Number(rowSeats) || 1))))}
          >
            {t('staff.hall.addRow')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            disabled={p.selectedRows.size === 0}
            onClick={() => p.onChange((l) => M.addSeat(l, p.selectedRows))}
          >
            {t('staff.hall.addSeat')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            disabled={!has}
            onClick={() => p.onChange((l) => M.insertAisle(l, selectedMaxX()))}
          >
            {t('staff.hall.aisle')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger"
            disabled={!has}
            onClick={() => {
              p.onChange((l) => M.removeSeats(l, p.selected));
              p.onSelect(new Set());
            }}
          >
            {t('staff.hall.delete', { count: p.selected.size })}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => p.onSelect(new Set(p.layout.seats.map((x) => x.id)))}
          >
            {t('staff.hall.selectAll')}
          </button>
        </div>
      </fieldset>

      <fieldset className="tool-group" disabled={p.selectedRows.size === 0}>
        <legend>
          {p.selectedRows.size ? t('staff.hall.selectedRows', { count: p.selectedRows.size }) : t('staff.hall.noRow')}
        </legend>
        <div className="tool-buttons">
          {oneRow && (
            <label className="tool-inline">
              {t('staff.hall.rowLabel')}
              <input
                value={oneRow.label}
                maxLength={10}
                onChange={(e) => p.onChange((l) => M.renameRow(l, oneRow.id, e.target.value))}
              />
            </label>
          )}
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => p.onChange((l) => [...p.selectedRows].reduce((acc, id) => M.renumberRow(acc, id), l))}
          >
            {t('staff.hall.renumber')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => p.onChange((l) => [...p.selectedRows].reduce((acc, id) => M.renumberRow(acc, id, true), l))}
          >
            {t('staff.hall.renumberRtl')}
          </button>
          <label className="tool-inline tool-curve">
            {t('staff.hall.curve')}
            <input
              type="range"
              min={-3}
              max={3}
              step={0.25}
              value={curve}
              onChange={(e) => p.onChange((l) => M.setCurve(l, p.selectedRows, Number(e.target.value)))}
            />
            <output>{curve}</output>
          </label>
        </div>
      </fieldset>

      <fieldset className="tool-group">
        <legend>{t('staff.hall.view')}</legend>
        <div className="tool-buttons">
          <button type="button" className="btn btn-sm btn-ghost" disabled={!p.canUndo} onClick={p.onUndo}>
            {t('staff.hall.undo')}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" disabled={!p.canRedo} onClick={p.onRedo}>
            {t('staff.hall.redo')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={t('staff.hall.zoomOut')}
            onClick={() => p.onZoom(Math.max(0.4, p.zoom / 1.25))}
          >
            −
          </button>
          <span className="muted small">{Math.round(p.zoom * 100)} %</span>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={t('staff.hall.zoomIn')}
            onClick={() => p.onZoom(Math.min(3, p.zoom * 1.25))}
          >
            +
          </button>
          <label className="tool-inline">
            {t('staff.hall.gridRows')}
            <input
              type="number"
              min={1}
              max={60}
              value={gridRows}
              onChange={(e) => typeGrid({ rows: e.target.value })}
            />
          </label>
          <label className="tool-inline">
            {t('staff.hall.gridSeats')}
            <input
              type="number"
              min={1}
              max={100}
              value={gridSeats}
              onChange={(e) => typeGrid({ seats: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => {
              p.onChange(() =>
                M.grid(
                  Math.max(1, Math.min(60, Number(gridRows) || 1)),
                  Math.max(1, Math.min(100, Number(gridSeats) || 1)),
                ),
              );
              p.onSelect(new Set());
              setGridDraft(null);
            }}
          >
            {t('staff.hall.startGrid')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
