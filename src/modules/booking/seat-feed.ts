// Live seat changes for SSE clients. One pubsub subscription per showtime per process, shared by
// every client of that showtime here and dropped with the last one. Changes go out in version
// order; a version that never arrives (rolled back, or a lost message) or one that arrives too late
// is covered by a fresh `snapshot`, so a client's map always converges on the database.
import type { Logger } from 'pino';
import type { PubSub, Unsubscribe } from '../../platform/events/pubsub.ts';
import { type SeatChangeBus, type SeatChangeMessage, seatChannel } from './seat-changes.ts';
import type { SeatMapService } from './seat-map.service.ts';

const RING_SIZE = 512;
const GAP_WAIT_MS = 300;
export const HEARTBEAT_MS = 15_000;

interface Client {
  write(frame: string): void;
  /** Frames that arrived while the first snapshot or replay was being written. */
  queue: string[] | null;
}

interface Channel {
  showtimeId: string;
  clients: Set<Client>;
  ready: Promise<void>;
  /** The version subscribers have been brought up to. */
  lastId: number;
  /** The first version this channel heard live; resume is possible only after it. */
  since: number;
  ring: { id: number; frame: string }[];
  pending: Map<number, SeatChangeMessage>;
  gapTimer: NodeJS.Timeout | null;
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

const changeFrame = (showtimeId: string, v: number, msg: SeatChangeMessage) =>
  `id: ${v}\nevent: seats\ndata: ${JSON.stringify({ showtimeId, version: v, seats: msg.seats })}\n\n`;
const snapshotFrame = (id: number, json: string) => `id: ${id}\nevent: snapshot\ndata: ${json}\n\n`;

export function createSeatFeed(deps: { pubsub: PubSub; bus: SeatChangeBus; seatMap: SeatMapService; logger: Logger; heartbeatMs?: number }): SeatFeed {
  const { pubsub, bus, seatMap, logger } = deps;
  const channels = new Map<string, Channel>();

  function send(ch: Channel, frame: string): void {
    for (const c of ch.clients) {
      if (c.queue) c.queue.push(frame);
      else c.write(frame);
    }
  }

  function deliver(ch: Channel, v: number, msg: SeatChangeMessage): void {
    ch.lastId = v;
    const frame = changeFrame(ch.showtimeId, v, msg);
    ch.ring.push({ id: v, frame });
    if (ch.ring.length > RING_SIZE) ch.ring.shift();
    send(ch, frame);
  }

  /** Sends every client a fresh snapshot soon (coalesced). */
  function resync(ch: Channel): void {
    if (ch.resyncTimer || ch.closed) return;
    ch.resyncTimer = setTimeout(() => {
      ch.resyncTimer = null;
      if (ch.closed) return;
      seatMap.invalidate(ch.showtimeId);
      const id = ch.lastId;
      // History before a snapshot cannot be replayed exactly: resume restarts from here.
      ch.ring = [];
      ch.since = id;
      void seatMap.getJson(ch.showtimeId).then(
        (json) => json && !ch.closed && send(ch, snapshotFrame(id, json)),
        (err: unknown) => logger.warn({ err }, 'seat snapshot failed'),
      );
    }, 50);
  }

  function drain(ch: Channel): void {
    let next = ch.pending.get(ch.lastId + 1);
    while (next) {
      ch.pending.delete(ch.lastId + 1);
      deliver(ch, ch.lastId + 1, next);
      next = ch.pending.get(ch.lastId + 1);
    }
    if (ch.pending.size === 0 && ch.gapTimer) {
      clearTimeout(ch.gapTimer);
      ch.gapTimer = null;
    }
  }

  function onMessage(ch: Channel, raw: string): void {
    if (ch.closed) return;
    seatMap.invalidate(ch.showtimeId);
    let msg: SeatChangeMessage;
    try {
      msg = JSON.parse(raw) as SeatChangeMessage;
    } catch {
      return;
    }
    if (msg.v === null || msg.v <= ch.lastId) return resync(ch);
    ch.pending.set(msg.v, msg);
    drain(ch);
    if (ch.pending.size > 0 && !ch.gapTimer) {
      ch.gapTimer = setTimeout(() => {
        ch.gapTimer = null;
        // The missing versions are not coming: deliver what we have in order, then resync.
        for (const v of [...ch.pending.keys()].sort((a, b) => a - b)) deliver(ch, v, ch.pending.get(v) as SeatChangeMessage);
        ch.pending.clear();
        resync(ch);
      }, GAP_WAIT_MS);
    }
  }

  function open(showtimeId: string): Channel {
    const ch: Channel = {
      showtimeId,
      clients: new Set(),
      ready: Promise.resolve(),
      lastId: 0,
      since: 0,
      ring: [],
      pending: new Map(),
      gapTimer: null,
      resyncTimer: null,
      heartbeat: null,
      unsubscribe: null,
      closed: false,
    };
    ch.ready = (async () => {
      ch.unsubscribe = await pubsub.subscribe(seatChannel(showtimeId), (m) => onMessage(ch, m));
      // Versions taken before this point may still be published; they arrive "late" and resync.
      const current = await bus.currentVersion(showtimeId);
      if (ch.lastId === 0) ch.lastId = ch.since = current;
    })();
    ch.heartbeat = setInterval(() => send(ch, ': heartbeat\n\n'), deps.heartbeatMs ?? HEARTBEAT_MS);
    ch.heartbeat.unref();
    channels.set(showtimeId, ch);
    return ch;
  }

  async function shut(ch: Channel): Promise<void> {
    ch.closed = true;
    if (channels.get(ch.showtimeId) === ch) channels.delete(ch.showtimeId);
    for (const t of [ch.gapTimer, ch.resyncTimer]) if (t) clearTimeout(t);
    if (ch.heartbeat) clearInterval(ch.heartbeat);
    await ch.ready.catch(() => {});
    await ch.unsubscribe?.().catch(() => {});
    ch.unsubscribe = null;
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
        const resumable = existing !== undefined && lastEventId !== null && lastEventId >= ch.since && lastEventId <= ch.lastId;
        if (resumable) {
          for (const r of ch.ring) if (r.id > lastEventId) write(r.frame);
        } else {
          const id = ch.lastId;
          const json = await seatMap.getJson(showtimeId);
          if (json) write(snapshotFrame(id, json));
        }
        for (const frame of client.queue ?? []) write(frame);
        client.queue = null;
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
