// Where each seat goes on screen, from the layout's own x/y positions: aisles, gaps and curved
// rows come out as drawn by the cinema. Positions are percentages of the hall's box so the map
// scales from a phone to a wall screen without re-layout.

export interface Positioned {
  id: string;
  row: string;
  x: number;
  y: number;
}

export interface HallGeometry {
  /** Width over height of the whole drawing (seats plus row-label gutters). */
  aspect: number;
  /** Seat size as a percentage of the drawing's width. */
  seatSize: number;
  /** Seat centre as percentages of the drawing's width and height. */
  place: Map<string, { left: number; top: number }>;
  /** Row labels at both ends of each row. */
  rows: { label: string; top: number }[];
  /** The drawing's width in seat widths, for a minimum drawing width on phones. */
  columns: number;
}

function smallestGap(values: number[]): number | null {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let best: number | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 1e-6 && (best === null || gap < best)) best = gap;
  }
  return best;
}

export function byRow<T extends Positioned>(seats: T[]): Map<string, T[]> {
  const rows = new Map<string, T[]>();
  for (const s of seats) {
    let r = rows.get(s.row);
    if (!r) rows.set(s.row, (r = []));
    r.push(s);
  }
  for (const r of rows.values()) r.sort((a, b) => a.x - b.x);
  return rows;
}

export const meanY = (seats: Positioned[]): number => seats.reduce((s, x) => s + x.y, 0) / Math.max(1, seats.length);

export function computeGeometry(seats: Positioned[]): HallGeometry {
  if (seats.length === 0) return { aspect: 2, seatSize: 5, place: new Map(), rows: [], columns: 0 };
  const rows = byRow(seats);
  const gapsX = [...rows.values()].map((r) => smallestGap(r.map((s) => s.x))).filter((g): g is number => g !== null);
  const pitchX = gapsX.length > 0 ? Math.min(...gapsX) : 1;
  const rowYs = [...rows.values()].map(meanY);
  const pitchY = smallestGap(rowYs) ?? pitchX;
  const unit = Math.min(pitchX, pitchY);
  const xs = seats.map((s) => s.x);
  const ys = seats.map((s) => s.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  // Half a seat of margin around the seats, plus a gutter of one seat each side for row labels.
  const gutter = unit * 1.4;
  const width = maxX - minX + unit + 2 * gutter;
  const height = maxY - minY + unit;
  const place = new Map<string, { left: number; top: number }>();
  for (const s of seats) {
    place.set(s.id, {
      left: ((s.x - minX + unit / 2 + gutter) / width) * 100,
      top: ((s.y - minY + unit / 2) / height) * 100,
    });
  }
  const labels = [...rows.entries()].map(([label, r]) => ({
    label,
    top: ((meanY(r) - minY + unit / 2) / height) * 100,
  }));
  labels.sort((a, b) => a.top - b.top);
  return {
    aspect: width / height,
    seatSize: ((unit * 0.84) / width) * 100,
    place,
    rows: labels,
    columns: Math.ceil(width / unit),
  };
}
