// Live seat changes for SSE clients. One pubsub subscription per showtime per process, shared by
// every client of that showtime here and dropped with the last one.
//
// Versions come from one sequence (seat-changes.ts): they grow per showtime but skip numbers, and
// messages from several processes may arrive out of order. So each channel remembers the version
// that last set each seat and applies a change only to seats it is newer for; a change that arrives
// after a higher id went out is sent without an id (the client's Last-Event-ID stays put), so ids on
// the wire only grow. Resume replays the ring of recent frames; anything it cannot fill gets a snapshot.
// Every change arrives twice, once from the process that made it and once from the outbox
// (seat-feed-echo.ts), so one that process never published still reaches the clients; the second
// copy finds its seats at that version already and is dropped.
import type { Logger } from 'pino';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { PubSub, Unsubscribe } from '../../platform/events/pubsub.ts';
import { type SeatChange, type SeatChangeBus, type SeatChangeMessage, seatChannel } from './seat-changes.ts';
import type { SeatMapService } from './seat-map.service.ts';
import type { BookingDb } from './booking.tables.ts';

const RING_SIZE = 512;
const HEARTBEAT_MS = 15_000;

interface Client {
  write(frame: string): void;
  /** Frames that arrived while the first snapshot or replay was being written. */
  queue: string[] | null;
}

interface Channel {
  showtimeId: string;
  clients: Set<Client>;
  ready: Promise<void>;
  /** The highest version sent out (or the snapshot point). */
  lastId: number;
  /** Resume works from here on: the channel's start, its last resync, or the oldest frame kept. */
  floor: number;
  seatVersions: Map<string, number>;
  ring: { watermark: number; late: boolean; frame: string }[];
  resyncTimer: NodeJS.Timeout | null;
  heartbeat: NodeJS.Timeout | null;
  unsubscribe: Unsubscribe | null;
  closed: boolean;
}

export interface SeatFeed {
  /** Adds a client; the returned function removes it (idempotent). */
  connect(showtimeId: string, lastEventId: number | null, write: (frame: string) => void): Promise<() => Promise<void>>;
  stats(): { channels: number; clients: number };
  close(): Promise<void>;
}

const changeFrame = (showtimeId: string, v: number, seats: SeatChange[], withId: boolean) =>
  `${withId ? `id: ${v}\n` : ''}event: seats\ndata: ${JSON.stringify({ showtimeId, version: v, seats })}\n\n`;
const snapshotFrame = (id: number, json: Buffer) => `id: ${id}\nevent: snapshot\ndata: ${json.toString()}\n\n`;
/** A named event, not an SSE comment, so a client can tell a stalled stream: it names the interval. */
const pingFrame = (everyMs: number) => `event: ping\ndata: {"every":${everyMs}}\n\n`;

export function createSeatFeed(deps: {
  pubsub: PubSub;
  bus: SeatChangeBus;
  seatMap: SeatMapService;
  logger: Logger;
  database: ModuleDatabase;
  heartbeatMs?: number;
}): SeatFeed {
  const { pubsub, bus, seatMap, logger } = deps;
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  const channels = new Map<string, Channel>();

  function send(ch: Channel, frame: string): void {
    for (const c of ch.clients) {
      if (c.queue) c.queue.push(frame);
      else c.write(frame);
    }
  }

  /**
   * Sends every client a fresh snapshot soon (coalesced); history before it is not replayed. Its id
   * is the newest version in the database, so changes this channel never heard of (published while
   * Redis was away) cannot be "resumed" past: a client that asks for them gets a snapshot.
   */
  function resync(ch: Channel): void {
    if (ch.resyncTimer || ch.closed) return;
    ch.resyncTimer = setTimeout(() => {
      ch.resyncTimer = null;
      if (ch.closed) return;
      seatMap.invalidate(ch.showtimeId);
      void (async () => {
        const current = await bus.currentVersion(moduleDb<BookingDb>(deps.database));
        if (ch.closed) return;
        if (ch.lastId < current) ch.lastId = current;
        const id = ch.lastId;
        ch.ring = [];
        ch.floor = id;
        const json = await seatMap.getJson(ch.showtimeId);
        if (json && !ch.closed) send(ch, snapshotFrame(id, json));
      })().catch((err: unknown) => logger.warn({ err }, 'seat snapshot failed'));
    }, 50);
  }

  // Messages may have been missed while Redis was away (here or by other processes): every open
  // channel starts again from a snapshot.
  pubsub.onResume?.(() => {
    for (const ch of channels.values()) resync(ch);
  });

  function onMessage(ch: Channel, raw: string): void {
    if (ch.closed) return;
    let msg: SeatChangeMessage;
    try {
      msg = JSON.parse(raw) as SeatChangeMessage;
    } catch {
      return;
    }
    const v = msg.v;
    if (v === null) return resync(ch);
    const seats = msg.seats.filter((s) => (ch.seatVersions.get(s.id) ?? 0) < v);
    for (const s of seats) ch.seatVersions.set(s.id, v);
    // Heard already (the outbox echoes every change a second time): nothing to send or drop.
    if (seats.length === 0) return;
    seatMap.invalidate(ch.showtimeId);
    // Older than this channel's snapshot point: the snapshot may or may not show it, and a newer
    // change of the seat may be in it. A new snapshot tells the truth; the change itself could not.
    if (v <= ch.floor) return resync(ch);
    const late = v <= ch.lastId;
    if (!late) ch.lastId = v;
    const frame = changeFrame(ch.showtimeId, v, seats, !late);
    ch.ring.push({ watermark: ch.lastId, late, frame });
    if (ch.ring.length > RING_SIZE)
      ch.floor = Math.max(ch.floor, (ch.ring.shift() as Channel['ring'][number]).watermark);
    send(ch, frame);
  }

  function open(showtimeId: string): Channel {
    const ch: Channel = {
      showtimeId,
      clients: new Set(),
      ready: Promise.resolve(),
      lastId: 0,
      floor: 0,
      seatVersions: new Map(),
      ring: [],
      resyncTimer: null,
      heartbeat: null,
      unsubscribe: null,
      closed: false,
    };
    ch.ready = (async () => {
      ch.unsubscribe = await pubsub.subscribe(seatChannel(showtimeId), (m) => onMessage(ch, m));
      // Read after subscribing: every change up to here is in the first snapshot, every later one arrives.
      const current = await bus.currentVersion(moduleDb<BookingDb>(deps.database));
      if (ch.lastId < current) ch.lastId = current;
      ch.floor = ch.lastId;
    })();
    ch.heartbeat = setInterval(() => send(ch, pingFrame(heartbeatMs)), heartbeatMs);
    ch.heartbeat.unref();
    channels.set(showtimeId, ch);
    return ch;
  }

  async function shut(ch: Channel): Promise<void> {
    ch.closed = true;
    if (channels.get(ch.showtimeId) === ch) channels.delete(ch.showtimeId);
    if (ch.resyncTimer) clearTimeout(ch.resyncTimer);
    if (ch.heartbeat) clearInterval(ch.heartbeat);
    await ch.ready.catch(() => {});
    await ch.unsubscribe?.().catch(() => {});
    ch.unsubscribe = null;
  }

  function replay(ch: Channel, lastEventId: number): string[] | null {
    if (lastEventId < ch.floor || lastEventId > ch.lastId) return null;
    const start = ch.ring.findIndex((r) => r.watermark > lastEventId || (r.watermark === lastEventId && r.late));
    return start < 0 ? [] : ch.ring.slice(start).map((r) => r.frame);
  }

  return {
    async connect(showtimeId, lastEventId, write) {
      const existing = channels.get(showtimeId);
      const ch = existing ?? open(showtimeId);
      const client: Client = { write, queue: [] };
      ch.clients.add(client);
      let removed = false;
      const remove = async () => {
        if (removed) return;
        removed = true;
        ch.clients.delete(client);
        if (ch.clients.size === 0 && !ch.closed) await shut(ch);
      };
      try {
        await ch.ready;
        const frames = existing && lastEventId !== null ? replay(ch, lastEventId) : null;
        if (frames) {
          // Frames queued meanwhile are in the ring too.
          client.queue = [];
          for (const f of frames) write(f);
        } else {
          const id = ch.lastId;
          const json = await seatMap.getJson(showtimeId);
          if (json) write(snapshotFrame(id, json));
        }
        for (const frame of client.queue ?? []) write(frame);
        client.queue = null;
        // Says the stream is up even when a resume had nothing to replay.
        write(pingFrame(heartbeatMs));
      } catch (err) {
        await remove();
        throw err;
      }
      return remove;
    },
    stats() {
      let clients = 0;
      for (const ch of channels.values()) clients += ch.clients.size;
      return { channels: channels.size, clients };
    },
    async close() {
      await Promise.all([...channels.values()].map((ch) => shut(ch)));
    },
  };
}
