// Rendering in the worker thread: many requests at once each get their own PDF and PNGs back.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { test } from 'node:test';
import { renderTickets } from './render-pool.ts';
import type { TicketSheet } from './ticket-render.ts';
import { RENDER_NICE } from './ticket-render.worker.ts';

function sheet(tickets: number): TicketSheet {
  return {
    bookingId: `booking-${tickets}`,
    movie: { title: `Movie with ${tickets} tickets` },
    cinema: { name: 'Odeon', timezone: 'Europe/Berlin' },
    hall: { name: 'Hall 1' },
    startsAt: new Date('2026-12-24T19:30:00Z'),
    tickets: Array.from({ length: tickets }, (_, i) => ({
      id: `t${i}`,
      code: `code-${tickets}-${i}`,
      row: 'A',
      number: i + 1,
      seatType: 'standard',
      price: { amount: 1200, currency: 'EUR' },
      status: 'valid',
    })),
  };
}

test('concurrent renders each get their own PDF and PNG QR codes back', async () => {
  const sizes = [1, 2, 3, 4, 5, 3, 1];
  const results = await Promise.all(
    sizes.map((n) =>
      renderTickets(
        sheet(n),
        sheet(n).tickets.map((t) => t.code),
      ),
    ),
  );
  results.forEach((art, i) => {
    const text = art.pdf.toString('latin1');
    assert.equal(art.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal((text.match(/\/Type \/Page\b/g) ?? []).length, sizes[i], `render ${i} has its own pages`);
    assert.equal(art.pngs.length, sizes[i]);
    for (const png of art.pngs) assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});

test('a render that fails is answered with an error, and the worker goes on serving', async () => {
  const broken = { ...sheet(1), startsAt: 'not a date' } as unknown as TicketSheet;
  await assert.rejects(renderTickets(broken), /ticket rendering failed/);
  const art = await renderTickets(sheet(2));
  assert.equal((art.pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 2);
});

test('a process started with --input-type and --eval still renders (the worker does not inherit those flags)', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `const { renderTickets } = await import(${JSON.stringify(new URL('./render-pool.ts', import.meta.url).href)});
const art = await renderTickets({ bookingId: 'b', movie: { title: 'M' }, cinema: { name: 'C', timezone: 'UTC' }, hall: { name: 'H' }, startsAt: new Date(0),
  tickets: [{ id: 't', code: 'c', row: 'A', number: 1, seatType: 'standard', price: { amount: 1, currency: 'EUR' }, status: 'valid' }] }, ['c']);
process.stdout.write(art.pdf.subarray(0, 5).toString('latin1') + ' ' + art.pngs.length);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '%PDF- 1');
});

test('on Linux the render thread runs niced, so a rush of emails yields the CPU to requests', async (t) => {
  if (!existsSync('/proc/thread-self')) return t.skip('no per-thread niceness here');
  await renderTickets(sheet(1), []);
  const nices = readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() !== 'WorkerThread') return [];
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    } catch {
      return [];
    }
  });
  assert.ok(nices.includes(RENDER_NICE), `worker threads' niceness: ${nices.join(', ')}`);
  assert.equal(os.getPriority(), 0, 'the process itself keeps its priority');
});
