// Ticket PDFs and QR images are rendered in a worker thread: a booking's PDF takes milliseconds of
// CPU, and on the main thread every request in flight would wait for it. One worker per process,
// shared by every app in it, started on first use; it keeps the process alive only while it has
// work, and a crashed worker fails its requests and is replaced on the next one.
import { Worker } from 'node:worker_threads';
import type { TicketSheet } from './ticket-render.ts';
import type { RenderReply, RenderRequest } from './ticket-render.worker.ts';

export interface RenderedArt {
  pdf: Buffer;
  /** One PNG QR code per code asked for, in order. */
  pngs: Buffer[];
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(art: RenderedArt): void; reject(err: Error): void }>();

const toBuffer = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

// A worker inherits the process's flags, but the ones about the main entry point (`--input-type`,
// `--eval`, `--print`) make loading the worker's file fail: a process started with
// `node --input-type=module -e …` (the benchmarks) could not render a single ticket. Only then are
// the flags given explicitly, without those (and the code that follows `-e`/`-p`).
function workerExecArgv(): string[] | undefined {
  const argv = process.execArgv;
  if (!argv.some((flag) => /^(--input-type|--eval|-e|--print|-p)(=|$)/.test(flag))) return undefined;
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (/^--input-type(=|$)/.test(flag)) {
      if (!flag.includes('=')) i++;
      continue;
    }
    if (/^(--eval|-e|--print|-p)$/.test(flag)) {
      i++;
      continue;
    }
    if (/^(--eval|--print)=/.test(flag)) continue;
    kept.push(flag);
  }
  return kept;
}

function start(): Worker {
  const w = new Worker(new URL('./ticket-render.worker.ts', import.meta.url), { execArgv: workerExecArgv() });
  w.unref();
  w.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if ('error' in reply) p.reject(new Error(`ticket rendering failed: ${reply.error}`));
    else p.resolve({ pdf: toBuffer(reply.pdf), pngs: reply.pngs.map(toBuffer) });
  });
  const gone = (err: Error) => {
    if (worker === w) worker = null;
    failAll(err);
  };
  w.on('error', gone);
  w.on('exit', (code) => gone(new Error(`ticket render worker exited with code ${code}`)));
  return w;
}

/** The booking's tickets PDF, and PNG QR codes for `pngCodes`, rendered off the main thread. */
export function renderTickets(sheet: TicketSheet, pngCodes: string[] = []): Promise<RenderedArt> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<RenderedArt>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, sheet, pngCodes } satisfies RenderRequest);
  });
}
