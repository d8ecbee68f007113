// The worker side of render-pool.ts: renders tickets off the main thread.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import { qrPng, type TicketSheet, ticketsPdf } from './ticket-render.ts';
import { thermalTicketsPdf } from './thermal-render.ts';

export interface RenderRequest {
  id: number;
  sheet: TicketSheet;
  /** Codes to draw as PNG QR codes as well (inline email images). */
  pngCodes: string[];
  /** A6 pages (print at home), or 80 mm strips for the box office's thermal printer. */
  format?: TicketFormat;
}

export type TicketFormat = 'a6' | 'thermal';

export type RenderReply = { id: number; pdf: Uint8Array; pngs: Uint8Array[] } | { id: number; error: string };

/** How much this thread yields the CPU (nice 0–19): emails may wait, people at the checkout may not. */
export const RENDER_NICE = 10;

// Emails are rendered here; in a rush they should wait for the requests, not slow them. Linux gives
// each thread its own niceness (setpriority on the thread's id); elsewhere this does nothing. Only
// ever in the worker: on the main thread (a module importing this one) it would slow every request.
if (!isMainThread) {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, RENDER_NICE);
  } catch {
    // Not Linux, or not allowed: render at normal priority.
  }
}

parentPort?.on('message', async (req: RenderRequest) => {
  try {
    const pngs = await Promise.all(req.pngCodes.map((code) => qrPng(code)));
    const pdf = await (req.format === 'thermal' ? thermalTicketsPdf : ticketsPdf)(req.sheet);
    const reply: RenderReply = { id: req.id, pdf, pngs };
    parentPort?.postMessage(reply);
  } catch (err) {
    parentPort?.postMessage({
      id: req.id,
      error: err instanceof Error ? err.message : String(err),
    } satisfies RenderReply);
  }
});
