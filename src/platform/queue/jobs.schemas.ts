// TypeBox schemas of the admin jobs API: validation, types, response serialisation and OpenAPI.
import { type Static, Type } from 'typebox';

const JobStateSchema = Type.Union([Type.Literal('ready'), Type.Literal('running'), Type.Literal('dead')], {
  description:
    '`ready`: waits for `runAt`; `running`: claimed by a worker until `lockedUntil`; `dead`: failed for good, kept until retried or discarded',
});
const QueueName = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\p{Cc}\\p{Cs}]*$' });
const Time = Type.String({ format: 'date-time' });
const MaybeTime = Type.Union([Time, Type.Null()]);

export const JobIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const RetryQueueBody = Type.Object({ queue: QueueName }, { additionalProperties: false });
export const QueueRetried = Type.Object({
  queue: Type.String(),
  retried: Type.Integer({ description: 'Dead jobs of the queue made ready now (0: none was dead)' }),
});

export const JobQuery = Type.Object({
  state: Type.Optional(JobStateSchema),
  queue: Type.Optional(QueueName),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type JobQueryInput = Static<typeof JobQuery>;

export const JobView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  queue: Type.String(),
  state: JobStateSchema,
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'What the job was given' }),
  key: Type.Union([Type.String(), Type.Null()], { description: 'At most one live job per queue and key' }),
  attempts: Type.Integer({ description: 'Runs so far, the current one included' }),
  maxAttempts: Type.Integer(),
  runAt: Time,
  lockedUntil: MaybeTime,
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'The last failure (first 1000 characters)' }),
  createdAt: Time,
  updatedAt: Time,
  deadAt: MaybeTime,
});
export type JobViewOut = Static<typeof JobView>;

export const JobList = Type.Object({
  items: Type.Array(JobView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const QueueSummary = Type.Object({
  queue: Type.String(),
  ready: Type.Integer({ description: 'Waiting, due or not' }),
  due: Type.Integer({ description: 'Due and not claimed yet' }),
  running: Type.Integer(),
  dead: Type.Integer(),
  oldestDueSeconds: Type.Number({ description: 'How long the oldest due job has waited (0: none due)' }),
});
export const JobSummary = Type.Object({ queues: Type.Array(QueueSummary) });
export type JobSummaryOut = Static<typeof JobSummary>;

/** 204: typed so that `reply.send()` takes nothing. */
export const Discarded = Type.Unsafe<undefined>({ type: 'null', description: 'Discarded' });
