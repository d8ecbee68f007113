// Which events make which email, from what: the pure part of composing, with the other modules'
// answers given directly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PermanentJobError } from '../../platform/queue/job-queue.ts';
import type { ShowtimeInfo } from '../tickets/tickets.service.ts';
import { createEmailComposer, EMAIL_KINDS } from './emails.ts';

const SHOWTIME: ShowtimeInfo = {
  id: 's1',
  startsAt: new Date('2027-01-15T18:30:00Z'),
  endsAt: new Date('2027-01-15T20:30:00Z'),
  status: 'scheduled',
  movie: { id: 'm1', title: 'Nosferatu <1922>', durationMinutes: 94, ageRating: '12' },
  hall: { id: 'h1', name: 'Hall 1' },
  cinema: { id: 'c1', name: 'Roxy', city: 'Berlin', address: null, timezone: 'Europe/Berlin' },
};

function composer(overrides: Partial<Parameters<typeof createEmailComposer>[0]> = {}) {
  return createEmailComposer({
    contact: async (id) =>
      id === 'u1'
        ? { email: 'ada@example.test', name: 'Ada', language: 'en' }
        : id === 'u2'
          ? { email: 'hanna@example.test', name: 'Hanna', language: 'de' }
          : null,
    showtime: async () => SHOWTIME,
    tickets: async () => [],
    ticketArtwork: async () => ({
      tickets: [{ id: 't1', row: 'A', number: 1 }],
      pdf: Buffer.from('%PDF-'),
      pngs: [Buffer.from('png')],
    }),
    issueLink: async (id, purpose) => (id === 'u1' ? `${purpose}-token` : null),
    guestLink: async (id) =>
      id === 'g1'
        ? { email: 'guest@example.test', name: 'Grace', token: 'guest-token', language: 'en' }
        : id === 'g2'
          ? { email: 'camille@example.test', name: 'Camille', token: 'guest-token', language: 'fr' }
          : null,
    publicUrl: 'http://box.test',
    ...overrides,
  });
}

test('a refund and a cancelled showtime are told apart by the reason of tickets.cancelled', () => {
  assert.equal(EMAIL_KINDS.refund.when({ reason: 'customer_cancel' }), true);
  assert.equal(EMAIL_KINDS.refund.when({ reason: 'showtime_cancelled' }), false);
  assert.equal(EMAIL_KINDS['showtime-cancelled'].when({ reason: 'showtime_cancelled' }), true);
});

test('the confirmation carries the PDF and one inline QR code per ticket; titles are escaped in HTML', async () => {
  const mail = await composer()('booking-confirmed', { bookingId: 'b1', userId: 'u1', showtimeId: 's1' });
  assert.ok(mail);
  assert.equal(mail.to, 'ada@example.test');
  assert.equal(mail.userId, 'u1');
  assert.equal(mail.content.subject, 'Your tickets: Nosferatu <1922>, Friday, 15 January 2027 at 19:30 CET');
  assert.ok(mail.content.text.includes('http://box.test/bookings/b1'));
  assert.ok(mail.content.html.includes('<strong>Nosferatu &lt;1922&gt;</strong>'));
  assert.deepEqual(
    mail.content.attachments?.map((a) => [a.filename, a.cid]),
    [
      ['tickets.pdf', undefined],
      ['ticket-A1.png', 'qr-t1'],
    ],
  );
});

test('wallet links that cannot be made are left out (logged): the confirmation still goes', async () => {
  const warned: unknown[] = [];
  const logger = { warn: (o: unknown) => warned.push(o) } as never;
  const walletLinks = async () => {
    throw new Error('key refused');
  };
  const mail = await composer({ walletLinks, logger })('booking-confirmed', {
    bookingId: 'b1',
    userId: 'u1',
    showtimeId: 's1',
  });
  assert.ok(mail);
  assert.ok(!/wallet/i.test(mail.content.text), mail.content.text);
  assert.equal(warned.length, 1);
});

test("a guest's confirmation goes to the guest, with a link whose token was minted for it", async () => {
  const mail = await composer()('booking-confirmed', { bookingId: 'g1', userId: null, showtimeId: 's1' });
  assert.ok(mail);
  assert.equal(mail.to, 'guest@example.test');
  assert.equal(mail.userId, null);
  assert.ok(mail.content.text.includes('http://box.test/guest/bookings/g1?token=guest-token'));
  assert.equal(await composer()('booking-confirmed', { bookingId: 'b1', userId: null, showtimeId: 's1' }), null);
});

test('nobody to tell or nothing to say: no email', async () => {
  const confirmed = { bookingId: 'b1', userId: 'u1', showtimeId: 's1' };
  assert.equal(await composer()('booking-confirmed', { ...confirmed, userId: 'erased' }), null);
  assert.equal(await composer({ showtime: async () => null })('booking-confirmed', confirmed), null);
  assert.equal(await composer({ ticketArtwork: async () => null })('booking-confirmed', confirmed), null);
  assert.equal(await composer()('verification', { userId: 'erased' }), null);
  assert.equal(await composer({ issueLink: async () => null })('verification', { userId: 'u1' }), null, 'verified');
});

test('a reversed payment says why: released, or ran out', async () => {
  const reversed = { bookingId: 'b1', userId: 'u1', showtimeId: 's1', amount: 1250, currency: 'EUR' };
  const released = await composer()('payment-reversed', { ...reversed, reason: 'booking_released' });
  const expired = await composer()('payment-reversed', { ...reversed, reason: 'booking_expired' });
  assert.match(released?.content.text ?? '', /was released while your payment was going through/);
  assert.match(expired?.content.text ?? '', /ran out while your payment was going through/);
  assert.match(expired?.content.text ?? '', /refunded the full €12\.50/);
});

test('an account email goes to the address accounts has now, with a token minted for it then', async () => {
  const issued: string[] = [];
  const issueLink = async (id: string, purpose: string) => {
    issued.push(`${id}:${purpose}`);
    return 'abc_-1';
  };
  // Whatever an older event still carries is not used.
  const event = { userId: 'u1', email: 'old@example.test', name: 'Old', token: 'from-the-event' };
  const mail = await composer({ issueLink })('password-reset', event);
  assert.equal(mail?.to, 'ada@example.test');
  assert.match(mail?.content.text ?? '', /^Hello Ada,/);
  assert.ok(mail?.content.text.includes('http://box.test/reset-password?token=abc_-1'));
  assert.ok(!mail?.content.html.includes('from-the-event'));
  await composer({ issueLink })('verification', { userId: 'u1' });
  assert.deepEqual(issued, ['u1:password_reset', 'u1:verify_email']);
  await assert.rejects(composer()('password-reset', {}), PermanentJobError);
  await assert.rejects(composer()('booking-confirmed', { userId: 'u1' }), PermanentJobError);
});

// Issue 20: each email speaks its recipient's stored language: the account's, else the guest booking's.
const nbsp = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

test("an account's emails are in its language: words, the cinema's time in that locale, money", async () => {
  const mail = await composer()('booking-confirmed', { bookingId: 'b2', userId: 'u2', showtimeId: 's1' });
  assert.equal(mail?.content.subject, 'Ihre Tickets: Nosferatu <1922>, Freitag, 15. Januar 2027 um 19:30 MEZ');
  assert.match(mail?.content.text ?? '', /^Hallo Hanna,\n\nIhre Buchung ist bestätigt\.[\s\S]*Reihe A, Platz 1/);
  assert.ok(mail?.content.html.includes('— Marquee Kinokasse'));
  const refund = { bookingId: 'b2', userId: 'u2', showtimeId: 's1', refundId: 'r1', amount: 1250, currency: 'EUR' };
  const back = await composer()('refund', { ...refund, ticketIds: [] });
  assert.equal(nbsp(back?.content.subject), 'Erstattung von 12,50 €: Nosferatu <1922>');
  assert.match(back?.content.html ?? '', /<strong>12,50.€<\/strong> werden Ihrer Karte gutgeschrieben/);
  const reset = await composer({ issueLink: async () => 'tok' })('password-reset', { userId: 'u2' });
  assert.equal(reset?.content.subject, 'Passwort zurücksetzen');
});

test("a guest's emails are in the language the guest booked in, plurals by the language's rules", async () => {
  const offer = { bookingId: 'g2', userId: null, showtimeId: 's1', expiresAt: '2027-01-14T10:00:00Z' };
  const one = await composer()('waitlist-offer', { ...offer, seatIds: ['x'] });
  const two = await composer()('waitlist-offer', { ...offer, seatIds: ['x', 'y'] });
  assert.equal(one?.to, 'camille@example.test');
  assert.equal(one?.content.subject, 'Des places pour vous : Nosferatu <1922>');
  assert.match(nbsp(one?.content.text), /une place pour Nosferatu <1922>, vendredi 15 janvier 2027 à 19:30 UTC\+1/);
  assert.match(nbsp(one?.content.text), /payez avant jeudi 14 janvier 2027 à 11:00 UTC\+1/);
  assert.match(nbsp(two?.content.text), /2 places pour Nosferatu/);
  const cancelled = { bookingId: 'g2', userId: null, showtimeId: 's1', refundId: 'r', amount: 123450, currency: 'EUR' };
  const mail = await composer()('showtime-cancelled', cancelled);
  assert.match(nbsp(mail?.content.text), /^Bonjour Camille,[\s\S]*1 234,50 € vous est remboursé/);
});
