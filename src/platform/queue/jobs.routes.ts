// HTTP: /api/v1/admin/jobs (admin): the job queue's jobs, its per-queue summary, and retrying (one,
// or every dead job of a queue) or discarding dead jobs.
import type { AuthHooks } from '../http/auth.ts';
import { problemAnswer } from '../http/problem.schemas.ts';
import type { HttpApp } from '../http/server.ts';
import type { JobsAdmin } from './jobs-admin.ts';
import * as S from './jobs.schemas.ts';

const tags = ['admin'];
const security: { [name: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const missing = problemAnswer('`job_not_found`: no such job (done jobs are deleted).');
const notDead = problemAnswer('`job_not_dead`: only a dead job can be retried or discarded; `state` says what it is.');

export function registerJobAdminRoutes(app: HttpApp, auth: AuthHooks, admin: JobsAdmin): void {
  const onRequest = auth.require('admin');

  app.get(
    '/api/v1/admin/jobs',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Background jobs, newest first (admin)',
        description:
          'Jobs waiting (`ready`), running, or `dead` after their last attempt or a permanent failure. Done jobs are deleted, so the list is the work still to do and the failures to look at.',
        querystring: S.JobQuery,
        response: { 200: S.JobList },
      },
    },
    async (request) => admin.list(request.query),
  );

  app.get(
    '/api/v1/admin/jobs/summary',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Jobs per queue: ready, due, running, dead, oldest due wait (admin)',
        response: { 200: S.JobSummary },
      },
    },
    async () => admin.summary(),
  );

  app.post(
    '/api/v1/admin/jobs/retry',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Run every dead job of a queue again: ready now, attempts reset (admin)',
        description:
          'For when the cause of many failures is gone (a provider or mail server back after an outage). Answers how many jobs were dead and are now ready; 0 when none was.',
        body: S.RetryQueueBody,
        response: { 200: S.QueueRetried },
      },
    },
    async (request) => admin.retryQueue(request.body.queue),
  );

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Run a dead job again: ready now, attempts reset (admin)',
        params: S.JobIdParams,
        response: { 200: S.JobView, 404: missing, 409: notDead },
      },
    },
    async (request) => admin.retry(request.params.id),
  );

  app.delete(
    '/api/v1/admin/jobs/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Discard a dead job (admin)',
        params: S.JobIdParams,
        response: { 204: S.Discarded, 404: missing, 409: notDead },
      },
    },
    async (request, reply) => {
      await admin.discard(request.params.id);
      return reply.code(204).send();
    },
  );
}
