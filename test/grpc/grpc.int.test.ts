// gRPC cinema.v1 over a real socket: reflection, the seat map, holding, paying and the same error
// codes as REST (as gRPC statuses with the code in the details).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { errorInfoOf } from '../../src/platform/grpc/errors.ts';
import { loadPackageDefinition } from '../../src/platform/grpc/server.ts';
import { backends } from '../support/backends.ts';
import { makeShowtime, type TestShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type Unary = (req: unknown, md: grpc.Metadata, cb: (err: grpc.ServiceError | null, res: any) => void) => void;

function call(client: grpc.Client, method: string, req: unknown, token?: string): Promise<any> {
  const md = new grpc.Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  return new Promise((resolve, reject) => {
    ((client as unknown as Record<string, Unary>)[method] as Unary).call(client, req, md, (err, res) =>
      err ? reject(err) : resolve(res),
    );
  });
}

async function rejection(p: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await p;
  } catch (err) {
    return err as grpc.ServiceError;
  }
  throw new Error('expected the call to fail');
}

for (const backend of backends()) {
  describe(`gRPC on ${backend.name}`, () => {
    let t: TestApp;
    let catalog: grpc.Client;
    let booking: grpc.Client;
    let reflection: grpc.Client;
    let customer: TestUser;
    let show: TestShowtime;

    before(async () => {
      t = await startTestApp(backend, { env: { HOST: '127.0.0.1' } });
      await t.app.listen();
      const target = `127.0.0.1:${t.app.grpcPort()}`;
      const pkg = grpc.loadPackageDefinition(loadPackageDefinition()) as any;
      catalog = new pkg.cinema.v1.CatalogService(target, grpc.credentials.createInsecure());
      booking = new pkg.cinema.v1.BookingService(target, grpc.credentials.createInsecure());
      const reflectionDir = path.join(import.meta.dirname, '../../node_modules/@grpc/reflection/build/proto');
      const refPkg = grpc.loadPackageDefinition(
        protoLoader.loadSync('grpc/reflection/v1alpha/reflection.proto', {
          includeDirs: [reflectionDir],
          keepCase: true,
        }),
      ) as any;
      reflection = new refPkg.grpc.reflection.v1alpha.ServerReflection(target, grpc.credentials.createInsecure());
      customer = await makeUser(t);
      show = await makeShowtime(t, { prices: { standard: 1250 }, currency: 'EUR' });
    });
    after(async () => {
      for (const c of [catalog, booking, reflection]) c?.close();
      await t.close();
    });

    test('server reflection lists the cinema.v1 services', async () => {
      const stream = (reflection as any).ServerReflectionInfo();
      const answer = await new Promise<any>((resolve, reject) => {
        stream.on('data', resolve);
        stream.on('error', reject);
        stream.write({ list_services: '' });
      });
      stream.end();
      const names = answer.list_services_response.service.map((s: { name: string }) => s.name);
      assert.ok(names.includes('cinema.v1.CatalogService'), names.join(', '));
      assert.ok(names.includes('cinema.v1.BookingService'), names.join(', '));
    });

    test('the seat map matches REST', async () => {
      const map = await call(catalog, 'GetSeatMap', { showtimeId: show.showtimeId });
      const rest = await t.request({ method: 'GET', url: `/api/v1/showtimes/${show.showtimeId}/seats` });
      assert.equal(map.showtimeId, show.showtimeId);
      assert.equal(map.seats.length, rest.body.seats.length);
      const a1 = map.seats.find((s: any) => s.row === 'A' && s.number === 1);
      assert.equal(a1.status, 'available');
      assert.deepEqual(a1.price, { amount: 1250, currency: 'EUR' });
    });

    test('creating a booking needs a token: UNAUTHENTICATED with code unauthorized', async () => {
      const err = await rejection(
        call(booking, 'CreateBooking', { showtimeId: show.showtimeId, seatIds: [show.seat('A', 1).id] }),
      );
      assert.equal(err.code, grpc.status.UNAUTHENTICATED);
      assert.equal(err.metadata.get('error-code')[0], 'unauthorized');
      assert.equal(errorInfoOf(err.metadata)?.reason, 'unauthorized');
    });

    test('a hold names a ticket type per seat; an unknown one is INVALID_ARGUMENT ticket_type_unknown', async () => {
      const seat = show.seat('C', 3);
      const held = await call(
        booking,
        'CreateBooking',
        { showtimeId: show.showtimeId, seats: [{ seatId: seat.id, ticketType: 'adult' }] },
        customer.token,
      );
      assert.deepEqual([held.seats[0].ticketType, held.seats[0].ticketTypeName], ['adult', 'Adult']);
      await call(booking, 'ReleaseBooking', { id: held.id }, customer.token);
      const err = await rejection(
        call(
          booking,
          'CreateBooking',
          { showtimeId: show.showtimeId, seats: [{ seatId: seat.id, ticketType: 'pirate' }] },
          customer.token,
        ),
      );
      assert.equal(errorInfoOf(err.metadata)?.reason, 'ticket_type_unknown');
    });

    test('holds seats, and a taken seat is FAILED_PRECONDITION seats_unavailable naming it', async () => {
      const seat = show.seat('B', 2);
      const held = await call(
        booking,
        'CreateBooking',
        { showtimeId: show.showtimeId, seatIds: [seat.id] },
        customer.token,
      );
      assert.equal(held.status, 'held');
      assert.deepEqual(held.total, { amount: 1250, currency: 'EUR' });
      const fetched = await call(booking, 'GetBooking', { id: held.id }, customer.token);
      assert.equal(fetched.id, held.id);
      const longer = await call(booking, 'ExtendHold', { id: held.id }, customer.token);
      assert.ok(Date.parse(longer.expiresAt) > Date.parse(held.expiresAt), 'the hold runs longer');
      const twice = await rejection(call(booking, 'ExtendHold', { id: held.id }, customer.token));
      assert.equal(twice.code, grpc.status.FAILED_PRECONDITION);
      assert.equal(errorInfoOf(twice.metadata)?.reason, 'hold_already_extended');

      const rival = await makeUser(t);
      const err = await rejection(
        call(booking, 'CreateBooking', { showtimeId: show.showtimeId, seatIds: [seat.id] }, rival.token),
      );
      assert.equal(err.code, grpc.status.FAILED_PRECONDITION);
      const info = errorInfoOf(err.metadata);
      assert.equal(info?.reason, 'seats_unavailable');
      assert.deepEqual(JSON.parse(info?.metadata.seatIds ?? '[]'), [seat.id]);

      await call(booking, 'ReleaseBooking', { id: held.id }, customer.token);
      const again = await call(
        booking,
        'CreateBooking',
        { showtimeId: show.showtimeId, seatIds: [seat.id] },
        rival.token,
      );
      assert.equal(again.status, 'held');
    });

    test("invalid input is INVALID_ARGUMENT validation_failed, another customer's booking NOT_FOUND", async () => {
      const bad = await rejection(
        call(booking, 'CreateBooking', { showtimeId: show.showtimeId, seatIds: [] }, customer.token),
      );
      assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
      assert.equal(bad.metadata.get('error-code')[0], 'validation_failed');
      const mine = await call(
        booking,
        'CreateBooking',
        { showtimeId: show.showtimeId, seatIds: [show.seat('C', 3).id] },
        customer.token,
      );
      const stranger = await makeUser(t);
      const err = await rejection(call(booking, 'GetBooking', { id: mine.id }, stranger.token));
      assert.equal(err.code, grpc.status.NOT_FOUND);
      // An id is one path segment: empty, dots or slashes name nothing and reach no other route.
      for (const id of ['', '.', '..', '../bookings', '/']) {
        const odd = await rejection(call(booking, 'GetBooking', { id }, customer.token));
        assert.equal(odd.code, grpc.status.NOT_FOUND, JSON.stringify(id));
      }
    });
  });
}
