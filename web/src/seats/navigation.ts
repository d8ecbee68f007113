// Arrow keys move between seats by where they are, not by list order: along the row for left
// and right, to the nearest seat of the row in front or behind for up and down.
import { byRow, meanY, type Positioned } from './geometry.ts';

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

export const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

/** The seat reached from `fromId` going `direction`; the same seat at an edge. */
export function nextSeat(seats: Positioned[], fromId: string, direction: Direction): string {
  const from = seats.find((s) => s.id === fromId);
  if (!from) return seats[0]?.id ?? fromId;
  const rows = [...byRow(seats).entries()]
    .map(([label, list]) => ({ label, list, y: meanY(list) }))
    .sort((a, b) => a.y - b.y);
  const rowIndex = rows.findIndex((r) => r.label === from.row);
  const row = rows[rowIndex]!.list;
  const i = row.findIndex((s) => s.id === from.id);
  switch (direction) {
    case 'left':
      return row[Math.max(0, i - 1)]!.id;
    case 'right':
      return row[Math.min(row.length - 1, i + 1)]!.id;
    case 'home':
      return row[0]!.id;
    case 'end':
      return row[row.length - 1]!.id;
    case 'up':
    case 'down': {
      const target = rows[rowIndex + (direction === 'up' ? -1 : 1)];
      if (!target) return from.id;
      let best = target.list[0]!;
      for (const s of target.list) if (Math.abs(s.x - from.x) < Math.abs(best.x - from.x)) best = s;
      return best.id;
    }
  }
}
