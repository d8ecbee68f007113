// The hall drawn on a grid in SVG, edited with the pointer: click selects, shift-click selects a
// range, Ctrl/⌘-click toggles, dragging the background draws a selection box, dragging a seat moves
// the selection. While dragging, only one transform attribute changes per frame (set directly on the
// moving group, no React render), so a 600-seat hall stays fluid; the model changes once on release.
import { memo, type PointerEvent as ReactPointerEvent, useMemo, useRef } from 'react';
import type { SeatType } from '../../api/types.ts';
import { type EdLayout, positions, rangeBetween, seatsByRow, seatsInBox } from './layout-model.ts';

export const UNIT = 30;
const SEAT = 24;
const SNAP = 0.5;
const PAD = 2;

export interface CanvasProps {
  layout: EdLayout;
  selected: ReadonlySet<string>;
  /** A type to paint with on click, or null to select and move. */
  paint: SeatType | null;
  zoom: number;
  label: string;
  onSelect(ids: string[], mode: 'replace' | 'add' | 'toggle'): void;
  onMove(dx: number, dy: number): void;
  onPaint(ids: string[]): void;
  onKey(e: React.KeyboardEvent<SVGSVGElement>): void;
}

type Drag =
  | { kind: 'move'; x0: number; y0: number; dx: number; dy: number; raf: number; clicked?: string }
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number; additive: boolean; raf: number }
  | { kind: 'paint'; painted: Set<string> };

export function EditorCanvas({ layout, selected, paint, zoom, label, onSelect, onMove, onPaint, onKey }: CanvasProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const moveLayer = useRef<SVGGElement>(null);
  const boxRef = useRef<SVGRectElement>(null);
  const drag = useRef<Drag | null>(null);
  const anchor = useRef<string | null>(null);
  const matrix = useRef<DOMMatrix | null>(null);

  const pos = useMemo(() => positions(layout), [layout]);
  const bounds = useMemo(() => {
    let minX = 0,
      maxX = 10,
      minY = 0,
      maxY = 6;
    for (const p of pos.values()) {
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    return { minX: minX - PAD, minY: minY - PAD - 1, w: maxX - minX + 2 * PAD + 1, h: maxY - minY + 2 * PAD + 2 };
  }, [pos]);
  const rowLabels = useMemo(() => {
    const byRow = seatsByRow(layout);
    return layout.rows.map((r) => {
      const ids = (byRow.get(r.id) ?? []).map((s) => s.id);
      const xs = ids.map((id) => pos.get(id)!.x);
      const ys = ids.map((id) => pos.get(id)!.y);
      return {
        id: r.id,
        label: r.label,
        ids,
        x: xs.length ? Math.min(...xs) - 1.2 : 0,
        y: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : r.y,
      };
    });
  }, [layout, pos]);

  /** Pointer position in seat units. */
  function unitPoint(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const m = matrix.current ?? svgRef.current!.getScreenCTM()!.inverse();
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m);
    return { x: p.x / UNIT, y: p.y / UNIT };
  }

  function seatAt(e: { clientX: number; clientY: number }): string | null {
    const el = document.elementFromPoint(e.clientX, e.clientY)?.closest<SVGGElement>('[data-seat]');
    return el?.dataset.seat ?? null;
  }

  function onPointerDown(e: ReactPointerEvent<SVGSVGElement>) {
    if (e.button !== 0) return;
    const svg = svgRef.current!;
    matrix.current = svg.getScreenCTM()!.inverse();
    svg.setPointerCapture(e.pointerId);
    const p = unitPoint(e);
    const seatId = (e.target as Element).closest<SVGGElement>('[data-seat]')?.dataset.seat ?? null;
    const rowId = (e.target as Element).closest<SVGTextElement>('[data-row]')?.dataset.row ?? null;
    if (rowId) {
      const ids = rowLabels.find((r) => r.id === rowId)?.ids ?? [];
      onSelect(ids, e.shiftKey || e.ctrlKey || e.metaKey ? 'add' : 'replace');
      drag.current = { kind: 'move', x0: p.x, y0: p.y, dx: 0, dy: 0, raf: 0 };
      return;
    }
    if (seatId && paint) {
      drag.current = { kind: 'paint', painted: new Set([seatId]) };
      onPaint([seatId]);
      return;
    }
    if (seatId) {
      if (e.shiftKey && anchor.current) onSelect(rangeBetween(layout, anchor.current, seatId), 'add');
      else if (e.ctrlKey || e.metaKey) onSelect([seatId], 'toggle');
      else if (!selected.has(seatId)) onSelect([seatId], 'replace');
      if (!e.shiftKey) anchor.current = seatId;
      // A plain click on a seat of a larger selection selects just that seat, unless it becomes a drag.
      const plain = !e.shiftKey && !e.ctrlKey && !e.metaKey && selected.has(seatId) && selected.size > 1;
      drag.current = { kind: 'move', x0: p.x, y0: p.y, dx: 0, dy: 0, raf: 0, ...(plain ? { clicked: seatId } : {}) };
      return;
    }
    drag.current = {
      kind: 'box',
      x0: p.x,
      y0: p.y,
      x1: p.x,
      y1: p.y,
      additive: e.shiftKey || e.ctrlKey || e.metaKey,
      raf: 0,
    };
  }

  function onPointerMove(e: ReactPointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d) return;
    if (d.kind === 'paint') {
      const id = seatAt(e);
      if (id && !d.painted.has(id)) {
        d.painted.add(id);
        onPaint([id]);
      }
      return;
    }
    const p = unitPoint(e);
    if (d.kind === 'move') {
      d.dx = Math.round((p.x - d.x0) / SNAP) * SNAP;
      d.dy = Math.round((p.y - d.y0) / SNAP) * SNAP;
      if (!d.raf)
        d.raf = requestAnimationFrame(() => {
          d.raf = 0;
          moveLayer.current?.setAttribute('transform', `translate(${d.dx * UNIT} ${d.dy * UNIT})`);
        });
    } else {
      d.x1 = p.x;
      d.y1 = p.y;
      if (!d.raf)
        d.raf = requestAnimationFrame(() => {
          d.raf = 0;
          const r = boxRef.current;
          if (!r) return;
          r.setAttribute('x', String(Math.min(d.x0, d.x1) * UNIT));
          r.setAttribute('y', String(Math.min(d.y0, d.y1) * UNIT));
          r.setAttribute('width', String(Math.abs(d.x1 - d.x0) * UNIT));
          r.setAttribute('height', String(Math.abs(d.y1 - d.y0) * UNIT));
          r.style.display = '';
        });
    }
  }

  function onPointerUp() {
    const d = drag.current;
    drag.current = null;
    matrix.current = null;
    if (!d || d.kind === 'paint') return;
    cancelAnimationFrame(d.raf);
    if (d.kind === 'move') {
      moveLayer.current?.setAttribute('transform', '');
      if (d.dx !== 0 || d.dy !== 0) onMove(d.dx, d.dy);
      else if (d.clicked) onSelect([d.clicked], 'replace');
      return;
    }
    if (boxRef.current) boxRef.current.style.display = 'none';
    const moved = Math.abs(d.x1 - d.x0) + Math.abs(d.y1 - d.y0) > 0.2;
    if (moved) onSelect(seatsInBox(layout, { x1: d.x0, y1: d.y0, x2: d.x1, y2: d.y1 }), d.additive ? 'add' : 'replace');
    else if (!d.additive) onSelect([], 'replace');
  }

  const labels = useMemo(() => new Map(layout.rows.map((r) => [r.id, r.label])), [layout.rows]);
  const still = layout.seats.filter((s) => !selected.has(s.id));
  const moving = layout.seats.filter((s) => selected.has(s.id));
  return (
    <svg
      ref={svgRef}
      className={`editor-canvas${paint ? ' is-painting' : ''}`}
      role="application"
      aria-label={label}
      aria-roledescription="hall editor"
      tabIndex={0}
      width={bounds.w * UNIT * zoom}
      height={bounds.h * UNIT * zoom}
      viewBox={`${bounds.minX * UNIT} ${bounds.minY * UNIT} ${bounds.w * UNIT} ${bounds.h * UNIT}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKey}
      data-seat-count={layout.seats.length}
    >
      <defs>
        <pattern
          id="editor-grid"
          width={UNIT * SNAP}
          height={UNIT * SNAP}
          patternUnits="userSpaceOnUse"
          x={-UNIT / 2}
          y={-UNIT / 2}
        >
          <path d={`M ${UNIT * SNAP} 0 L 0 0 0 ${UNIT * SNAP}`} className="editor-grid-line" />
        </pattern>
      </defs>
      <rect
        x={bounds.minX * UNIT}
        y={bounds.minY * UNIT}
        width={bounds.w * UNIT}
        height={bounds.h * UNIT}
        fill="url(#editor-grid)"
      />
      <rect
        className="editor-screen"
        x={(bounds.minX + PAD) * UNIT}
        y={(bounds.minY + 0.3) * UNIT}
        width={(bounds.w - 2 * PAD) * UNIT}
        height={UNIT * 0.3}
        rx={4}
      />
      {rowLabels.map((r) => (
        <text
          key={r.id}
          data-row={r.id}
          className="editor-row-label"
          x={r.x * UNIT}
          y={r.y * UNIT}
          dy="0.35em"
          textAnchor="middle"
        >
          {r.label}
        </text>
      ))}
      <g>
        {still.map((s) => (
          <SeatGlyph
            key={s.id}
            id={s.id}
            name={`${labels.get(s.rowId)}${s.number}`}
            x={pos.get(s.id)!.x}
            y={pos.get(s.id)!.y}
            type={s.type}
            number={s.number}
            selected={false}
          />
        ))}
      </g>
      <g ref={moveLayer} className="editor-moving">
        {moving.map((s) => (
          <SeatGlyph
            key={s.id}
            id={s.id}
            name={`${labels.get(s.rowId)}${s.number}`}
            x={pos.get(s.id)!.x}
            y={pos.get(s.id)!.y}
            type={s.type}
            number={s.number}
            selected
          />
        ))}
      </g>
      <rect ref={boxRef} className="editor-box" style={{ display: 'none' }} />
    </svg>
  );
}

const SeatGlyph = memo(function SeatGlyph({
  id,
  name,
  x,
  y,
  type,
  number,
  selected,
}: {
  id: string;
  name: string;
  x: number;
  y: number;
  type: SeatType;
  number: number;
  selected: boolean;
}) {
  return (
    <g
      data-seat={id}
      data-name={name}
      className={`ed-seat ed-${type}${selected ? ' is-selected' : ''}`}
      transform={`translate(${x * UNIT} ${y * UNIT})`}
    >
      <rect x={-SEAT / 2} y={-SEAT / 2} width={SEAT} height={SEAT} rx={6} />
      {type === 'blocked' ? (
        <path d="M -6 -6 L 6 6 M 6 -6 L -6 6" className="ed-cross" />
      ) : (
        <text dy="0.35em" textAnchor="middle">
          {number}
        </text>
      )}
    </g>
  );
});
