// The waiting room's line length per live room, for dashboards. It is global state, so it is read
// from the database at scrape time (one reading shared for a second) rather than counted per
// process: every process reports the same value, and dashboards take max(), never sum(). Rooms are
// few and end (an ended room's series goes), so the room id is a bounded label.
import { Gauge, type Registry } from 'prom-client';
import type { Executor } from '../../platform/db/database.ts';
import { sharedReading } from '../../platform/http/metrics.ts';
import { waitingByRoom } from './waitingroom.store.ts';
import type { WaitingroomDb } from './waitingroom.tables.ts';

/** marquee_waiting_room_waiting{room}: visitors waiting in each room not ended. */
export function registerWaitingRoomMetrics(registry: Registry, db: Executor<WaitingroomDb>): void {
  const read = sharedReading(() => waitingByRoom(db).catch(() => null));
  new Gauge({
    name: 'marquee_waiting_room_waiting',
    help: 'Visitors waiting in each live waiting room (global: every process reports it; use max)',
    labelNames: ['room'] as const,
    registers: [registry],
    async collect() {
      const rooms = await read();
      this.reset();
      // The database did not answer: no series rather than stale ones (the readiness alert tells why).
      for (const r of rooms ?? []) this.set({ room: r.roomId }, r.waiting);
    },
  });
}
