// The hall editor's model, pure functions only: rows with a base line and a curvature, seats at
// free positions in seat units (1 = one seat's pitch). The API layout is made from it and back.
import type { SeatType } from '../../api/types.ts';
import type { HallLayout } from '../staff-api.ts';

export interface EdRow {
  id: string;
  label: string;
  /** Base line in row units. */
  y: number;
  /** Rows bow towards the screen by this much at their ends (row units; negative bows away). */
  curve: number;
}

export interface EdSeat {
  id: string;
  rowId: string;
  number: number;
  type: SeatType;
  x: number;
  /** Offset from the row's (curved) line, from dragging. */
  dy: number;
}

export interface EdLayout {
  rows: EdRow[];
  seats: EdSeat[];
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}${++counter}`;
const round = (n: number) => Math.round(n * 100) / 100;

/** A row's horizontal centre and half width, from its seats, for the curve. */
export function rowSpan(seats: EdSeat[]): { cx: number; half: number } {
  if (seats.length === 0) return { cx: 0, half: 1 };
  let min = Infinity;
  let max = -Infinity;
  for (const s of seats) {
    if (s.x < min) min = s.x;
    if (s.x > max) max = s.x;
  }
  return { cx: (min + max) / 2, half: Math.max(1, (max - min) / 2) };
}

/** Where a seat is drawn: the row's base line, bent by its curve (a parabola), plus its own offset. */
export function seatY(row: EdRow, span: { cx: number; half: number }, seat: EdSeat): number {
  const t = (seat.x - span.cx) / span.half;
  return row.y - row.curve * t * t + seat.dy;
}

export function seatsByRow(layout: EdLayout): Map<string, EdSeat[]> {
  const m = new Map<string, EdSeat[]>(layout.rows.map((r) => [r.id, []]));
  for (const s of layout.seats) m.get(s.rowId)?.push(s);
  return m;
}

/** Every seat's drawn position. */
export function positions(layout: EdLayout): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const byRow = seatsByRow(layout);
  for (const row of layout.rows) {
    const seats = byRow.get(row.id) ?? [];
    const span = rowSpan(seats);
    for (const s of seats) out.set(s.id, { x: s.x, y: seatY(row, span, s) });
  }
  return out;
}

/** The editor's model of a hall from the API's layout. */
export function fromApi(layout: HallLayout): EdLayout {
  const rows: EdRow[] = [];
  const seats: EdSeat[] = [];
  layout.rows.forEach((r, i) => {
    const ys = r.seats.map((s) => s.y ?? r.y ?? i);
    const base = r.y ?? (ys.length ? Math.max(...ys) : i);
    const row: EdRow = { id: newId('r'), label: r.label, y: base, curve: 0 };
    rows.push(row);
    for (const s of r.seats)
      seats.push({
        id: newId('s'),
        rowId: row.id,
        number: s.number,
        type: s.type,
        x: s.x,
        dy: round((s.y ?? base) - base),
      });
  });
  return { rows, seats };
}

/** The API's layout: rows top to bottom, seats left to right, positions rounded. */
export function toApi(layout: EdLayout): HallLayout {
  const pos = positions(layout);
  const byRow = seatsByRow(layout);
  const rows = [...layout.rows].sort((a, b) => a.y - b.y);
  return {
    rows: rows
      .filter((r) => (byRow.get(r.id) ?? []).length > 0)
      .map((r) => ({
        label: r.label.trim(),
        y: round(r.y),
        seats: [...(byRow.get(r.id) ?? [])]
          .sort((a, b) => a.x - b.x)
          .map((s) => ({ number: s.number, type: s.type, x: round(s.x), y: round(pos.get(s.id)!.y) })),
      })),
  };
}

/** A, B, … Z, AA, AB, … */
export function labelAt(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function nextLabel(rows: EdRow[]): string {
  const used = new Set(rows.map((r) => r.label));
  for (let i = 0; ; i++) if (!used.has(labelAt(i))) return labelAt(i);
}

/** A new row of `count` seats below the last, centred on the widest row. */
export function addRow(layout: EdLayout, count: number): EdLayout {
  const maxY = layout.rows.length ? Math.max(...layout.rows.map((r) => r.y)) : -1;
  const span = rowSpan(layout.seats);
  const start = layout.seats.length ? Math.round(span.cx - (count - 1) / 2) : 0;
  const row: EdRow = { id: newId('r'), label: nextLabel(layout.rows), y: maxY + 1, curve: 0 };
  const seats = Array.from({ length: count }, (_, i): EdSeat => ({
    id: newId('s'),
    rowId: row.id,
    number: i + 1,
    type: 'standard',
    x: start + i,
    dy: 0,
  }));
  return { rows: [...layout.rows, row], seats: [...layout.seats, ...seats] };
}

/** A hall of `rows` × `perRow` standard seats. */
export function grid(rows: number, perRow: number): EdLayout {
  let l: EdLayout = { rows: [], seats: [] };
  for (let i = 0; i < rows; i++) l = addRow(l, perRow);
  return l;
}

/** The grid a layout amounts to: rows that have seats, and the seats of its longest row. */
export function gridShape(layout: EdLayout): { rows: number; perRow: number } {
  let perRow = 0;
  let rows = 0;
  for (const seats of seatsByRow(layout).values()) {
    if (seats.length) rows++;
    perRow = Math.max(perRow, seats.length);
  }
  return { rows, perRow };
}

/** One more seat at the right end of each given row. */
export function addSeat(layout: EdLayout, rowIds: Iterable<string>): EdLayout {
  const byRow = seatsByRow(layout);
  const added: EdSeat[] = [];
  for (const rowId of rowIds) {
    const seats = byRow.get(rowId) ?? [];
    const x = seats.length ? Math.max(...seats.map((s) => s.x)) + 1 : 0;
    const number = seats.length ? Math.max(...seats.map((s) => s.number)) + 1 : 1;
    added.push({ id: newId('s'), rowId, number, type: 'standard', x, dy: 0 });
  }
  return { ...layout, seats: [...layout.seats, ...added] };
}

export function removeSeats(layout: EdLayout, ids: ReadonlySet<string>): EdLayout {
  const seats = layout.seats.filter((s) => !ids.has(s.id));
  const live = new Set(seats.map((s) => s.rowId));
  return { rows: layout.rows.filter((r) => live.has(r.id)), seats };
}

export function setType(layout: EdLayout, ids: ReadonlySet<string>, type: SeatType): EdLayout {
  return { ...layout, seats: layout.seats.map((s) => (ids.has(s.id) && s.type !== type ? { ...s, type } : s)) };
}

/** Moves seats by (dx, dy) seat units; moving every seat of a row moves the row's line instead. */
export function moveSeats(layout: EdLayout, ids: ReadonlySet<string>, dx: number, dy: number): EdLayout {
  const byRow = seatsByRow(layout);
  const wholeRows = new Set(
    layout.rows
      .filter((r) => (byRow.get(r.id) ?? []).every((s) => ids.has(s.id)) && (byRow.get(r.id) ?? []).length > 0)
      .map((r) => r.id),
  );
  return {
    rows: layout.rows.map((r) => (wholeRows.has(r.id) ? { ...r, y: round(r.y + dy) } : r)),
    seats: layout.seats.map((s) =>
      ids.has(s.id) ? { ...s, x: round(s.x + dx), dy: wholeRows.has(s.rowId) ? s.dy : round(s.dy + dy) } : s,
    ),
  };
}

/** An aisle: every seat right of `x` (in all rows) moves `width` seats to the right. */
export function insertAisle(layout: EdLayout, x: number, width = 1): EdLayout {
  return { ...layout, seats: layout.seats.map((s) => (s.x > x + 1e-6 ? { ...s, x: round(s.x + width) } : s)) };
}

export function setCurve(layout: EdLayout, rowIds: ReadonlySet<string>, curve: number): EdLayout {
  return { ...layout, rows: layout.rows.map((r) => (rowIds.has(r.id) ? { ...r, curve } : r)) };
}

export function renameRow(layout: EdLayout, rowId: string, label: string): EdLayout {
  return { ...layout, rows: layout.rows.map((r) => (r.id === rowId ? { ...r, label } : r)) };
}

/** Numbers a row's seats 1, 2, … from the left (or from the right), starting at `first`. */
export function renumberRow(layout: EdLayout, rowId: string, fromRight = false, first = 1): EdLayout {
  const order = layout.seats.filter((s) => s.rowId === rowId).sort((a, b) => (fromRight ? b.x - a.x : a.x - b.x));
  const numbers = new Map(order.map((s, i) => [s.id, first + i]));
  return { ...layout, seats: layout.seats.map((s) => (numbers.has(s.id) ? { ...s, number: numbers.get(s.id)! } : s)) };
}

/** Seats whose drawn centre lies in the box (seat units). */
export function seatsInBox(layout: EdLayout, box: { x1: number; y1: number; x2: number; y2: number }): string[] {
  const [minX, maxX] = [Math.min(box.x1, box.x2), Math.max(box.x1, box.x2)];
  const [minY, maxY] = [Math.min(box.y1, box.y2), Math.max(box.y1, box.y2)];
  const out: string[] = [];
  for (const [id, p] of positions(layout)) if (p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY) out.push(id);
  return out;
}

/** Shift-click: the seats between the anchor and the target (same row: by position; else the box between them). */
export function rangeBetween(layout: EdLayout, anchorId: string, targetId: string): string[] {
  const pos = positions(layout);
  const a = layout.seats.find((s) => s.id === anchorId);
  const b = layout.seats.find((s) => s.id === targetId);
  if (!a || !b) return [targetId];
  if (a.rowId === b.rowId) {
    const [lo, hi] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    return layout.seats.filter((s) => s.rowId === a.rowId && s.x >= lo && s.x <= hi).map((s) => s.id);
  }
  const pa = pos.get(a.id)!;
  const pb = pos.get(b.id)!;
  return seatsInBox(layout, { x1: pa.x, y1: pa.y, x2: pb.x, y2: pb.y });
}

export interface Problem {
  key: 'duplicateRow' | 'duplicateSeat' | 'noSeats' | 'allBlocked' | 'blankRow';
  params: Record<string, string | number>;
}

/** What the server would refuse, found before saving. */
export function problems(layout: EdLayout): Problem[] {
  const out: Problem[] = [];
  const labels = new Map<string, number>();
  const byRow = seatsByRow(layout);
  for (const r of layout.rows) {
    if (!(byRow.get(r.id) ?? []).length) continue;
    const label = r.label.trim();
    if (!label) out.push({ key: 'blankRow', params: {} });
    labels.set(label, (labels.get(label) ?? 0) + 1);
    const seen = new Set<number>();
    for (const s of byRow.get(r.id) ?? []) {
      if (seen.has(s.number)) out.push({ key: 'duplicateSeat', params: { row: label, number: s.number } });
      seen.add(s.number);
    }
  }
  for (const [label, n] of labels) if (n > 1 && label) out.push({ key: 'duplicateRow', params: { row: label } });
  if (layout.seats.length === 0) out.push({ key: 'noSeats', params: {} });
  else if (layout.seats.every((s) => s.type === 'blocked')) out.push({ key: 'allBlocked', params: {} });
  return out;
}
