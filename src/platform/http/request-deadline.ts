// Every request runs under a deadline (REQUEST_DEADLINE_MS) that the database layer respects: a
// request that cannot get the database in time is a quick 503 with Retry-After instead of a hang
// until the client gives up. It starts when the request arrives (so authentication is bounded too);
// the time the client takes to send a body is added back, so a slow upload is not cut short.
import { performance } from 'node:perf_hooks';
import { postponeDeadline, withDeadline } from '../deadline.ts';
import type { HttpApp } from './server.ts';

const bodyStartedAt = Symbol('bodyStartedAt');

type Timed = { [bodyStartedAt]?: number };

/** Puts each request of `app` under a deadline of `ms` (0: none). */
export function registerRequestDeadline(app: HttpApp, ms: number): void {
  if (ms <= 0) return;
  // Callback style, so the rest of the request's lifecycle runs inside the deadline's context.
  app.addHook('onRequest', (_request, _reply, done) => withDeadline(performance.now() + ms, done));
  app.addHook('preParsing', (request, _reply, payload, done) => {
    (request as Timed)[bodyStartedAt] = performance.now();
    done(null, payload);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const started = (request as Timed)[bodyStartedAt];
    if (started !== undefined) postponeDeadline(performance.now() - started);
    done();
  });
}
