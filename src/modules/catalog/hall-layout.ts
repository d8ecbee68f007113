// A hall's seat layout: checked as a whole (the schema checks each field) and turned into seat rows.
// A seat is identified by (row label, number), which is what keeps its id across layout edits.
import { AppError } from '../../platform/errors.ts';
import type { HallLayout, SeatType } from './catalog.tables.ts';

export const SEAT_TYPES: readonly SeatType[] = ['standard', 'vip', 'accessible', 'companion', 'blocked'];
/** Seat types that can be sold (and so must be priced). */
const SELLABLE_TYPES: readonly SeatType[] = ['standard', 'vip', 'accessible', 'companion'];
export const MAX_SEATS = 1000;

export interface SeatSpec {
  rowLabel: string;
  number: number;
  type: SeatType;
  x: number;
  y: number;
  rowIndex: number;
}

interface CheckedLayout {
  layout: HallLayout;
  seats: SeatSpec[];
  /** Seats that can be sold: every seat except the blocked ones. */
  capacity: number;
  /** The sellable seat types present. */
  seatTypes: SeatType[];
}

interface LayoutInput {
  rows: { label: string; y?: number; seats: { number: number; type: SeatType; x: number; y?: number }[] }[];
}

/** Checks unique row labels, unique numbers per row and 1–1000 seats; 422 listing every problem. */
export function checkLayout(input: LayoutInput, path = '/layout'): CheckedLayout {
  const errors: { path: string; message: string }[] = [];
  const labels = new Set<string>();
  const seats: SeatSpec[] = [];
  const rows: HallLayout['rows'] = [];
  input.rows.forEach((row, rowIndex) => {
    const label = row.label.trim();
    if (label === '') errors.push({ path: `${path}/rows/${rowIndex}/label`, message: 'must not be blank' });
    else if (labels.has(label))
      errors.push({ path: `${path}/rows/${rowIndex}/label`, message: `row "${label}" appears twice` });
    labels.add(label);
    const numbers = new Set<number>();
    const rowY = row.y ?? rowIndex;
    row.seats.forEach((seat, seatIndex) => {
      if (numbers.has(seat.number)) {
        errors.push({
          path: `${path}/rows/${rowIndex}/seats/${seatIndex}/number`,
          message: `seat ${label}${seat.number} appears twice`,
        });
      }
      numbers.add(seat.number);
      seats.push({ rowLabel: label, number: seat.number, type: seat.type, x: seat.x, y: seat.y ?? rowY, rowIndex });
    });
    rows.push({
      label,
      ...(row.y !== undefined ? { y: row.y } : {}),
      seats: row.seats.map((s) => ({
        number: s.number,
        type: s.type,
        x: s.x,
        ...(s.y !== undefined ? { y: s.y } : {}),
      })),
    });
  });
  if (seats.length === 0 || seats.length > MAX_SEATS) {
    errors.push({
      path: `${path}/rows`,
      message: `a hall has between 1 and ${MAX_SEATS} seats, this layout has ${seats.length}`,
    });
  }
  const capacity = seats.filter((s) => s.type !== 'blocked').length;
  if (seats.length > 0 && capacity === 0)
    errors.push({ path: `${path}/rows`, message: 'at least one seat must not be blocked' });
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'validation_failed', `${errors[0]?.path} ${errors[0]?.message}`, {
      errors: errors.slice(0, 50),
    });
  }
  const seatTypes = SELLABLE_TYPES.filter((t) => seats.some((s) => s.type === t));
  return { layout: { rows }, seats, capacity, seatTypes };
}
