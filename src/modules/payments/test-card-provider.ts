// The built-in provider: the test card processor of API.md behind the PaymentProvider interface.
// The API still takes test card numbers for it (API.md): `tokenize` checks the card and turns it into
// a test token here, the only place a card number is read; payments and settlement see the token,
// the last four digits and a keyed fingerprint. It behaves like an outside company: its ledger is its own tables, written in its own short
// transactions (never ours), charges are idempotent by our reference, and each outcome is also
// sent as a signed webhook event to our webhook endpoint: the event is written with a
// `test-processor.webhook` job, whose retries with backoff stand for the processor's own.
import { createHmac, randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { createBatcher } from '../../platform/batcher.ts';
import type { Clock } from '../../platform/clock.ts';
import { allColumns, columnList } from '../../platform/db/columns.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import { type CardInput, checkCard } from './card.ts';
import type { PaymentProvider, ProviderEvent, ProviderPayment } from './payment-provider.ts';
import { decideTestCard } from './test-card-processor.ts';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';
import type { PaymentsDb } from './payments.tables.ts';

export const TEST_PROVIDER = 'builtin';

/** A test card as payments sees it: a token for the processor, never the number. */
export interface CardToken {
  method: string;
  last4: string;
  /** Keyed hash of the card data: tells a retry from another request without keeping the card. */
  fingerprint: string;
}

const TOKEN = /^tok_test_(ok|card_declined|insufficient_funds)_(\d{4})_[0-9a-f]+$/;

/** The test processor's own events, checked for the fields it always sends (422 otherwise). */
function readTestEvent(body: unknown): ProviderEvent {
  const e = body as { id?: unknown; type?: unknown; data?: Record<string, unknown> } | null;
  const errors: { path: string; message: string }[] = [];
  if (typeof e !== 'object' || e === null || Array.isArray(e)) errors.push({ path: '', message: 'must be an object' });
  else {
    if (typeof e.id !== 'string' || e.id.length === 0 || e.id.length > 200)
      errors.push({ path: '/id', message: 'must be a non-empty string' });
    if (typeof e.type !== 'string' || e.type.length > 100) errors.push({ path: '/type', message: 'must be a string' });
    if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))
      errors.push({ path: '/data', message: 'must be an object' });
    else if (typeof e.data.paymentId !== 'string')
      errors.push({ path: '/data/paymentId', message: 'must be a string' });
  }
  if (errors.length > 0 || !e)
    throw new AppError('unprocessable', 'validation_failed', `${errors[0]?.path || 'body'} ${errors[0]?.message}`, {
      errors,
    });
  const data = e.data as Record<string, unknown>;
  const type = e.type as string;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: e.id as string,
    type,
    kind:
      type === 'payment.succeeded' || type === 'payment.failed'
        ? 'payment'
        : type === 'refund.succeeded'
          ? 'refund'
          : 'other',
    payment: data.paymentId as string,
    failureCode: type === 'payment.failed' ? text(data.failureCode).slice(0, 100) || 'card_declined' : null,
    refund:
      type === 'refund.succeeded'
        ? {
            reference: text(data.refundId),
            providerRefundId: text(data.providerRefundId) || 'unknown',
            status: 'succeeded',
          }
        : undefined,
    raw: body,
  };
}
export const WEBHOOK_QUEUE = 'test-processor.webhook';

// Named, not `*`: the charge statements stay prepared across a deploy that adds a column.
const CHARGE_COLUMNS = allColumns<DB['test_processor_charges']>()([
  'id',
  'reference',
  'amount',
  'currency',
  'status',
  'failure_code',
  'card_last4',
  'refunded_amount',
  'created_at',
]);

type ChargeRow = Selectable<DB['test_processor_charges']>;

/** A charge to write, with the webhook event announcing it. */
type NewCharge = Omit<ChargeRow, 'created_at' | 'refunded_amount'> & { hook_id: string; hook_body: string };

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Delivers one signed event; answers the HTTP status the merchant gave. */
export type WebhookDeliverer = (body: string, signature: string) => Promise<number>;

export function createTestCardProvider(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  queue: JobQueue;
  /** Sends one signed event to the merchant (our own webhook endpoint). */
  deliver: WebhookDeliverer;
  secret: () => Promise<string>;
  /** Pretend network time after the charge is made, before the answer arrives (crash tests). */
  latencyMs?: number;
}): PaymentProvider & { tokenize(card: CardInput): Promise<CardToken> } {
  const { db, clock, queue } = deps;

  const toPayment = (row: Selectable<DB['test_processor_charges']>): ProviderPayment => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    failureCode: row.failure_code,
    failureMessage: row.failure_code
      ? row.failure_code === 'insufficient_funds'
        ? 'The card has insufficient funds'
        : 'The card was declined'
      : null,
  });

  async function findCharge(reference: string) {
    return db
      .selectFrom('test_processor_charges')
      .select(CHARGE_COLUMNS)
      .where('reference', '=', reference)
      .executeTakeFirst();
  }

  function event(type: string, data: Record<string, unknown>) {
    const id = newId('evt');
    const now = clock.now();
    return {
      id,
      body: JSON.stringify({ id, type, created: Math.floor(now.getTime() / 1000), data }),
      created_at: now,
      // Written for processes of the previous release, which lease deliveries by it.
      next_attempt_at: now,
    };
  }

  /** Delivers one event; throws while the merchant does not take it, so its job retries. */
  async function deliverWebhook(id: string): Promise<void> {
    const row = await db
      .selectFrom('test_processor_webhooks')
      .select(['id', 'body', 'delivered_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.delivered_at) return;
    let status: number;
    try {
      status = await deps.deliver(row.body, signWebhook(await deps.secret(), row.body, clock.now()));
    } catch {
      status = 0;
    }
    const delivered = status >= 200 && status < 300;
    await db
      .updateTable('test_processor_webhooks')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_status: status,
        ...(delivered ? { delivered_at: clock.now() } : {}),
      }))
      .where('id', '=', row.id)
      .execute();
    if (!delivered) throw new Error(`the merchant answered ${status || 'nothing'}`);
  }

  // Retried from 1 s doubling to an hour, like real processors, for about a day.
  queue.work<{ id: string }>(WEBHOOK_QUEUE, (job) => deliverWebhook(job.payload.id), {
    concurrency: 4,
    maxAttempts: 30,
    backoff: { firstMs: 1000, maxMs: 3600_000 },
  });

  /**
   * Charges and their webhook events, written in one statement for every charge asked at the same
   * moment (a processor batches its ledger too); once per reference: a charge already made for a
   * reference is not in the answer, and the caller reads it.
   */
  async function insertCharges(rows: NewCharge[]): Promise<Map<string, ChargeRow>> {
    const col = <K extends keyof NewCharge>(k: K) => rows.map((r) => r[k]);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const r = await sql<ChargeRow>`
      with v as (
        select * from unnest(${col('id')}::text[], ${col('reference')}::text[], ${col('amount')}::int[], ${col('currency')}::text[], ${col('status')}::text[],
                             ${col('failure_code')}::text[], ${col('card_last4')}::text[], ${col('hook_id')}::text[], ${col('hook_body')}::text[])
          as v(id, reference, amount, currency, status, failure_code, card_last4, hook_id, hook_body)
      ), charge as (
        insert into test_processor_charges (id, reference, amount, currency, status, failure_code, card_last4, created_at)
        select id, reference, amount, currency, status, failure_code, card_last4, ${now}::timestamptz from v
        on conflict (reference) do nothing
        returning ${columnList(CHARGE_COLUMNS)}
      ), hook as (
        insert into test_processor_webhooks (id, body, created_at, next_attempt_at)
        select v.hook_id, v.hook_body, ${now}::timestamptz, ${now}::timestamptz from v join charge c on c.id = v.id
      )
      select ${columnList(CHARGE_COLUMNS)} from charge`.execute(trx);
      const made = new Set(r.rows.map((c) => c.id));
      const hooks = rows.filter((row) => made.has(row.id)).map((row) => row.hook_id);
      await queue.enqueueMany(
        trx,
        WEBHOOK_QUEUE,
        hooks.map((id) => ({ payload: { id }, key: id })),
      );
      return new Map(r.rows.map((c) => [c.reference, c]));
    });
  }

  const chargeTogether = createBatcher(
    async (rows: NewCharge[]) => {
      const made = await insertCharges(rows);
      return rows.map((r) => made.get(r.reference));
    },
    { maxBatch: 32, maxInFlight: 4, keysOf: (r) => [r.reference] },
  );

  return {
    name: TEST_PROVIDER,
    clientConfirmed: false,

    /** Checks a test card (422 naming the bad field) and turns it into a token for createPayment. */
    async tokenize(input: CardInput): Promise<CardToken> {
      const card = checkCard(input, clock.now());
      const decision = decideTestCard(card.number);
      const fingerprint = createHmac('sha256', await deps.secret())
        .update(JSON.stringify([card.number, input.expMonth, input.expYear, input.cvc]))
        .digest('hex');
      const outcome = decision.approved ? 'ok' : decision.code;
      return {
        method: `tok_test_${outcome}_${card.last4}_${randomBytes(8).toString('hex')}`,
        last4: card.last4,
        fingerprint,
      };
    },

    async createPayment({ reference, amount, currency, method }) {
      const token = TOKEN.exec(method);
      if (!token) throw new AppError('unprocessable', 'validation_failed', 'Not a test card token');
      const decision =
        token[1] === 'ok'
          ? { approved: true as const }
          : { approved: false as const, code: token[1] as 'card_declined' | 'insufficient_funds' };
      const chargeId = newId('ch');
      const type = decision.approved ? 'payment.succeeded' : 'payment.failed';
      const failureCode = decision.approved ? null : decision.code;
      const hook = event(type, { paymentId: reference, providerPaymentId: chargeId, amount, currency, failureCode });
      const status = decision.approved ? ('succeeded' as const) : ('failed' as const);
      const charged = await chargeTogether({
        id: chargeId,
        reference,
        amount,
        currency,
        status,
        failure_code: failureCode,
        card_last4: token[2] as string,
        hook_id: hook.id,
        hook_body: hook.body,
      });
      const result = charged ?? (await findCharge(reference));
      if (!result) throw new Error('test processor lost a charge');
      if (deps.latencyMs) await new Promise((resolve) => setTimeout(resolve, deps.latencyMs));
      return toPayment(result);
    },

    async getPayment(reference: string) {
      const row = await findCharge(reference);
      return row ? toPayment(row) : null;
    },

    async refund({ paymentId, reference, amount, currency }) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('test_processor_refunds')
          .selectAll()
          .where('reference', '=', reference)
          .executeTakeFirst();
        if (existing) return { id: existing.id, reference, amount: existing.amount };
        const charge = await trx
          .selectFrom('test_processor_charges')
          .select(CHARGE_COLUMNS)
          .where('id', '=', paymentId)
          .forUpdate()
          .executeTakeFirst();
        if (!charge || charge.status !== 'succeeded')
          throw new Error(`test processor: no succeeded charge ${paymentId}`);
        if (charge.currency !== currency) throw new Error('test processor: refund currency differs from the charge');
        if (charge.refunded_amount + amount > charge.amount)
          throw new Error('test processor: refund exceeds the charge');
        const id = newId('re');
        await trx
          .insertInto('test_processor_refunds')
          .values({ id, charge_id: charge.id, reference, amount, created_at: clock.now() })
          .execute();
        await trx
          .updateTable('test_processor_charges')
          .set({ refunded_amount: charge.refunded_amount + amount })
          .where('id', '=', charge.id)
          .execute();
        const hook = event('refund.succeeded', {
          paymentId: charge.reference,
          providerPaymentId: charge.id,
          refundId: reference,
          providerRefundId: id,
          amount,
          currency,
        });
        await trx.insertInto('test_processor_webhooks').values(hook).execute();
        await queue.enqueue(trx, WEBHOOK_QUEUE, { id: hook.id }, { key: hook.id });
        return { id, reference, amount };
      });
    },

    async verifyWebhook(rawBody, headers) {
      const header = headers['webhook-signature'];
      const check = verifyWebhookSignature(
        await deps.secret(),
        rawBody,
        Array.isArray(header) ? header[0] : header,
        clock.now(),
      );
      if (!check.ok) return check;
      let body: unknown;
      try {
        body = JSON.parse(rawBody) as unknown;
      } catch {
        throw new AppError('bad_request', 'bad_request', 'The webhook body is not valid JSON');
      }
      return { ok: true, event: readTestEvent(body) };
    },
  };
}
