// Ticket PDFs and QR images are rendered in a worker thread: a booking's PDF takes milliseconds of
// CPU, and on the main thread every request in flight would wait for it. One worker per process,
// shared by every app in it, started on first use; it keeps the process alive only while it has
// work, and a crashed worker fails its requests and is replaced on the next one.
import { Worker } from 'node:worker_threads';
import type { TicketSheet } from './ticket-render.ts';
import type { RenderReply, RenderRequest, TicketFormat } from './ticket-render.worker.ts';

interface RenderedArt {
  pdf: Buffer;
  /** One PNG QR code per code asked for, in order. */
  pngs: Buffer[];
}

type Pending = Map<number, { resolve(art: RenderedArt): void; reject(err: Error): void }>;

let worker: { thread: Worker; pending: Pending } | null = null;
let nextId = 0;

const toBuffer = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

// A worker inherits the process's flags, but the ones about the main entry point (`--input-type`,
// `--eval`, `--print`) make loading the worker's file fail: a process started with
// `node --input-type=module -e …` (the benchmarks) could not render a single ticket. Only then are
// the flags given explicitly, without those (and the value that follows them).
function workerExecArgv(): string[] | undefined {
  const argv = process.execArgv;
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (['--input-type', '--eval', '-e', '--print', '-p'].includes(flag)) i++;
    else if (!/^--(input-type|eval|print)=/.test(flag)) kept.push(flag);
  }
  return kept.length === argv.length ? undefined : kept;
}

function start(): { thread: Worker; pending: Pending } {
  const thread = new Worker(new URL('./ticket-render.worker.ts', import.meta.url), { execArgv: workerExecArgv() });
  // Each worker answers only its own requests: a dying worker fails those, never a successor's.
  const pending: Pending = new Map();
  const self = { thread, pending };
  thread.unref();
  thread.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
    if ('error' in reply) p.reject(new Error(`ticket rendering failed: ${reply.error}`));
    else p.resolve({ pdf: toBuffer(reply.pdf), pngs: reply.pngs.map(toBuffer) });
  });
  const gone = (err: Error) => {
    if (worker === self) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  thread.on('error', gone);
  thread.on('exit', (code) => gone(new Error(`ticket render worker exited with code ${code}`)));
  return self;
}

/** The booking's tickets PDF, and PNG QR codes for `pngCodes`, rendered off the main thread. */
export function renderTickets(
  sheet: TicketSheet,
  pngCodes: string[] = [],
  format: TicketFormat = 'a6',
): Promise<RenderedArt> {
  worker ??= start();
  const { thread, pending } = worker;
  const id = nextId++;
  return new Promise<RenderedArt>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, sheet, pngCodes, format } satisfies RenderRequest);
  });
}
