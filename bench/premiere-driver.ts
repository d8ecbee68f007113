// The premiere crowd's visitors, driven from a process of their own (started by premiere.bench.ts):
// each visitor arrives at its moment of the arrival window (open loop: arrivals do not wait for the
// server), joins its showtime's waiting room with its bearer token, polls its place until admitted,
// then reads the seat map and holds two adjacent free seats with the admission token (up to three
// tries when someone was faster); after a sell-out it leaves. Requests go over node:http keep-alive
// pools (admitted visitors' seat maps and holds on a pool of their own, so they never queue behind
// the crowd's joins and polls in this process: a browser would not either). Writes one
// JSON result: per visitor the moments that the order checks need, and every hold's latency.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';

export interface DriverInput {
  base: string;
  /** Epoch ms of the first arrival. */
  startAt: number;
  windowMs: number;
  /** Epoch ms after which no visitor starts anything new. */
  stopAt: number;
  connections: number;
  visitors: { userId: string; token: string; showtimeId: string }[];
}

export interface VisitorTrace {
  userId: string;
  showtimeId: string;
  joinSent: number;
  joinRecv: number;
  /** The join answered no position: the place is drawn at the on-sale moment. */
  drawn: boolean;
  /** Sent time of the last poll answered `waiting` (0 when none). */
  lastWaitingSent: number;
  /** Received time of the first answer saying `admitted` (0 when never). */
  admittedRecv: number;
  held: boolean;
  soldOut: boolean;
  failed: string | null;
}

export interface DriverOutput {
  traces: VisitorTrace[];
  holdMs: number[];
  joinMs: number[];
  pollMs: number[];
  mapMs: number[];
  holdConflicts: number;
  statuses: Record<string, number>;
}

interface Answer {
  status: number;
  body: unknown;
  sent: number;
  recv: number;
}

const agent = (connections: number) => new http.Agent({ keepAlive: true, maxSockets: connections });

function request(
  pool: http.Agent,
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const url = new URL(path, base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const sent = Date.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent: pool,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, sent, recv: Date.now() });
        });
        res.on('error', () => resolve({ status: 0, body: null, sent, recv: Date.now() }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: null, sent, recv: Date.now() }));
    if (data) req.write(data);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

interface Visit {
  status: 'waiting' | 'admitted' | 'expired';
  position: number | null;
  estimatedWaitSeconds: number | null;
  onSaleAt: string;
  admission: { token: string } | null;
}
interface SeatMap {
  seats: { id: string; row: string; number: number; status: string }[];
}

/** Two adjacent available seats of one row, picked at random among all such pairs; null when none. */
function freePair(map: SeatMap): [string, string] | null {
  const at = new Map(map.seats.map((s) => [`${s.row}:${s.number}`, s]));
  const pairs: [string, string][] = [];
  for (const s of map.seats) {
    const next = at.get(`${s.row}:${s.number + 1}`);
    if (s.status === 'available' && next?.status === 'available') pairs.push([s.id, next.id]);
  }
  return pairs[Math.floor(Math.random() * pairs.length)] ?? null;
}

/** Runs the crowd; the result as `DriverOutput`. */
export async function drive(input: DriverInput): Promise<DriverOutput> {
  const main = agent(input.connections);
  const holds = agent(Math.max(8, Math.floor(input.connections / 4)));
  const out: DriverOutput = {
    traces: [],
    holdMs: [],
    joinMs: [],
    pollMs: [],
    mapMs: [],
    holdConflicts: 0,
    statuses: {},
  };
  const count = (what: string, a: Answer) => {
    const k = `${what} ${a.status}`;
    out.statuses[k] = (out.statuses[k] ?? 0) + 1;
  };
  const n = input.visitors.length;

  async function visitor(i: number): Promise<void> {
    const v = input.visitors[i] as DriverInput['visitors'][number];
    await sleep(input.startAt + (i * input.windowMs) / n - Date.now());
    const auth = { authorization: `Bearer ${v.token}` };
    const t: VisitorTrace = {
      userId: v.userId,
      showtimeId: v.showtimeId,
      joinSent: 0,
      joinRecv: 0,
      drawn: false,
      lastWaitingSent: 0,
      admittedRecv: 0,
      held: false,
      soldOut: false,
      failed: null,
    };
    out.traces.push(t);
    const room = `/api/v1/showtimes/${v.showtimeId}/waiting-room`;
    const join = await request(main, input.base, 'POST', `${room}/visits`, auth, {});
    count('join', join);
    out.joinMs.push(join.recv - join.sent);
    t.joinSent = join.sent;
    t.joinRecv = join.recv;
    if (join.status !== 200) {
      t.failed = `join ${join.status}`;
      return;
    }
    let visit = join.body as Visit;
    t.drawn = visit.position === null;
    const onSale = Date.parse(visit.onSaleAt);
    if (visit.status === 'waiting') t.lastWaitingSent = join.sent;
    else if (visit.status === 'admitted') t.admittedRecv = join.recv;
    while (visit.status === 'waiting') {
      // Before the draw: ask just after the on-sale moment; then about twice per estimated wait (1–5 s).
      const wait =
        visit.position === null
          ? Math.max(onSale - Date.now(), 0) + 1000 + Math.random() * 1000
          : 1000 * Math.min(5, Math.max(1, (visit.estimatedWaitSeconds ?? 2) / 2)) * (0.75 + Math.random() / 2);
      await sleep(wait);
      if (Date.now() > input.stopAt) {
        t.failed = 'still waiting at the end';
        return;
      }
      const poll = await request(main, input.base, 'GET', `${room}/visits/current`, auth);
      count('poll', poll);
      out.pollMs.push(poll.recv - poll.sent);
      if (poll.status !== 200) {
        t.failed = `poll ${poll.status}`;
        return;
      }
      visit = poll.body as Visit;
      if (visit.status === 'waiting') t.lastWaitingSent = poll.sent;
      else if (visit.status === 'admitted') t.admittedRecv = poll.recv;
    }
    if (visit.status !== 'admitted' || !visit.admission) {
      t.failed = `visit ${visit.status}`;
      return;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const map = await request(holds, input.base, 'GET', `/api/v1/showtimes/${v.showtimeId}/seats`, {});
      count('seat map', map);
      out.mapMs.push(map.recv - map.sent);
      const pair = map.status === 200 ? freePair(map.body as SeatMap) : null;
      if (!pair) {
        t.soldOut = map.status === 200;
        if (map.status !== 200) t.failed = `seat map ${map.status}`;
        return;
      }
      const hold = await request(
        holds,
        input.base,
        'POST',
        '/api/v1/bookings',
        { ...auth, 'waiting-room-token': visit.admission.token },
        { showtimeId: v.showtimeId, seatIds: pair },
      );
      count('hold', hold);
      out.holdMs.push(hold.recv - hold.sent);
      if (hold.status === 201) {
        t.held = true;
        return;
      }
      if (hold.status !== 409) {
        t.failed = `hold ${hold.status}`;
        return;
      }
      out.holdConflicts++;
    }
  }

  // At the stop moment whatever is still on its way is left unanswered (a slow server must not make
  // the run last as long as its queue): those visitors count as not finished.
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, input.stopAt + 5000 - Date.now()))));
  await Promise.race([Promise.all(input.visitors.map((_, i) => visitor(i))), stopped]);
  clearTimeout(timer);
  for (const t of out.traces) if (!t.held && !t.soldOut && !t.failed) t.failed = 'unanswered at the end';
  main.destroy();
  holds.destroy();
  return out;
}

// Run as a process: `node bench/premiere-driver.ts <input.json> <output.json>`.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [inFile, outFile] = process.argv.slice(2) as [string, string];
  const result = await drive(JSON.parse(readFileSync(inFile, 'utf8')) as DriverInput);
  writeFileSync(outFile, JSON.stringify(result));
  process.exit(0);
}
