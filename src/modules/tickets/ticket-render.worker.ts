// The worker side of render-pool.ts: renders tickets off the main thread.
import { parentPort } from 'node:worker_threads';
import { qrPng, type TicketSheet, ticketsPdf } from './ticket-render.ts';

export interface RenderRequest {
  id: number;
  sheet: TicketSheet;
  /** Codes to draw as PNG QR codes as well (inline email images). */
  pngCodes: string[];
}

export type RenderReply = { id: number; pdf: Uint8Array; pngs: Uint8Array[] } | { id: number; error: string };

parentPort?.on('message', async (req: RenderRequest) => {
  try {
    const pngs = await Promise.all(req.pngCodes.map((code) => qrPng(code)));
    const pdf = await ticketsPdf(req.sheet);
    const reply: RenderReply = { id: req.id, pdf, pngs };
    parentPort?.postMessage(reply);
  } catch (err) {
    parentPort?.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies RenderReply);
  }
});
