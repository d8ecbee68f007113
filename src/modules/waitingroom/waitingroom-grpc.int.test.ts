// The waiting room over gRPC: CreateBooking on a guarded showtime is PERMISSION_DENIED with the
// `waiting_room_required` code unless the `waiting-room-token` metadata carries the caller's admission.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { errorInfoOf } from '../../platform/grpc/errors.ts';
import { loadPackageDefinition } from '../../platform/grpc/server.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

function createBooking(client: grpc.Client, req: unknown, token: string, admission?: string): Promise<any> {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${token}`);
  if (admission) md.set('waiting-room-token', admission);
  return new Promise((resolve, reject) => {
    (client as any).CreateBooking(req, md, (err: grpc.ServiceError | null, res: any) =>
      err ? reject(err) : resolve(res),
    );
  });
}

for (const backend of backends()) {
  describe(`waiting room over gRPC on ${backend.name}`, () => {
    let t: TestApp;
    let booking: grpc.Client;
    before(async () => {
      t = await startTestApp(backend, { env: { HOST: '127.0.0.1' } });
      await t.app.listen();
      const pkg = grpc.loadPackageDefinition(loadPackageDefinition()) as any;
      booking = new pkg.cinema.v1.BookingService(`127.0.0.1:${t.app.grpcPort()}`, grpc.credentials.createInsecure());
    });
    after(async () => {
      booking?.close();
      await t.close();
    });

    test('CreateBooking needs the admission token in its metadata', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const customer = await makeUser(t);
      const show = await makeShowtime(t);
      const onSaleAt = new Date(t.clock.now().getTime() + 60_000);
      const put = await t.request({
        method: 'PUT',
        url: `/api/v1/showtimes/${show.showtimeId}/waiting-room`,
        token: admin.token,
        payload: { onSaleAt: onSaleAt.toISOString(), admissionsPerMinute: 60 },
      });
      assert.equal(put.status, 200, put.text);
      const req = { showtimeId: show.showtimeId, seatIds: [show.seat('A', 1).id] };
      const refused = await createBooking(booking, req, customer.token).then(
        () => assert.fail('expected PERMISSION_DENIED'),
        (err: grpc.ServiceError) => err,
      );
      assert.equal(refused.code, grpc.status.PERMISSION_DENIED);
      assert.equal(errorInfoOf(refused.metadata)?.reason, 'waiting_room_required');

      await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits`,
        token: customer.token,
        payload: {},
      });
      t.clock.set(new Date(onSaleAt.getTime() + 2000));
      await t.app.runJobsOnce();
      t.clock.advance(2000);
      await t.app.runJobsOnce();
      const visit = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`,
        token: customer.token,
      });
      assert.equal(visit.body.status, 'admitted', visit.text);
      const held = await createBooking(booking, req, customer.token, visit.body.admission.token);
      assert.equal(held.status, 'held');
    });
  });
}
