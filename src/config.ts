// Every setting the box office reads, parsed and checked in one place. Nothing else reads process.env.
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { isIso4217Currency } from './platform/iso-4217.ts';
import { parseAppleWallet, parseGoogleWallet, type WalletConfig } from './config-wallet.ts';

export interface RefundTier {
  minutesBefore: number;
  percent: number;
}

export interface Config {
  port: number;
  host: string;
  grpcPort: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  redisPrefix: string;
  natsUrl: string | undefined;
  natsStream: string;
  /** How long NATS waits for a delivered event to be acknowledged before redelivering it (a process died). */
  natsAckWaitMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  holdMinutes: number;
  /** How much longer a customer may keep a hold, once (POST /bookings/{id}/extend). */
  holdExtensionMinutes: number;
  /** How long a waiting-list offer holds its seats for the customer (issue 18). */
  waitlistOfferMinutes: number;
  refundCutoffMinutes: number;
  refundPolicy: RefundTier[] | undefined;
  maxSeatsPerCustomer: number;
  checkinOpensMinutes: number;
  rateLimitPerMinute: number;
  paymentWebhookSecret: string | undefined;
  /** A payment still pending after this long is settled from the provider's record (crash recovery). */
  paymentReconcileAfterMs: number;
  /** Simulated network time of the built-in test card processor's answers (crash tests, demos). */
  testCardLatencyMs: number;
  /** Who takes payments: the built-in test card processor (default) or Stripe (issue 16). */
  paymentProvider: 'test_card' | 'stripe';
  /** Stripe: all three are required when PAYMENT_PROVIDER=stripe (start-up error otherwise). */
  stripe: {
    secretKey: string | undefined;
    publishableKey: string | undefined;
    webhookSecret: string | undefined;
    /** Another Stripe API address (the local fake server in tests and development); Stripe's own when unset. */
    apiBase: string | undefined;
    /** Where the browser loads Stripe.js (https://js.stripe.com/v3/ unless the fake server's). */
    jsUrl: string;
  };
  logLevel: string;
  dbPoolSize: number;
  dbPreparedStatements: boolean;
  /** Longest wait for a database connection, new or from the pool. */
  dbConnectTimeoutMs: number;
  /** PostgreSQL's statement_timeout for the app's sessions (0: none); migrations have none. */
  dbStatementTimeoutMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout for the app's sessions (0: none). */
  dbIdleInTransactionTimeoutMs: number;
  /** A request waits for the database at most this long from its arrival, then answers 503 (0: no limit). */
  requestDeadlineMs: number;
  trustProxy: boolean;
  otlpEndpoint: string | undefined;
  serviceName: string;
  argon2MemoryKiB: number;
  argon2TimeCost: number;
  /** Background workers (outbox, mail, sweeper) poll at this interval. */
  workerIntervalMs: number;
  /** Image files unused this long (a replaced poster) are deleted. */
  mediaGcGraceHours: number;
  /** Searches one process works on at once; more wait in line (SEARCH_MAX_QUEUED, up to SEARCH_MAX_WAIT_MS), then 503. */
  searchMaxConcurrent: number;
  searchMaxQueued: number;
  /** How long a search waits in that line for a slot before it is refused with 503. */
  searchMaxWaitMs: number;
  /** Searches of one client address running or waiting on one process; more are refused with 429. */
  searchMaxPerClient: number;
  /** Live seat-map streams (SSE) one process keeps open at most; more are refused with 503. */
  sseMaxConnections: number;
  /** Live streams one client address may keep open on one process; more are refused with 429. */
  sseMaxPerClient: number;
  /** /readyz answers 503 once the oldest unpublished outbox event is older than this (0: never). */
  outboxLagUnreadySeconds: number;
  /** The currencies gift cards are sold in online, each with its smallest and largest card (minor units). */
  giftCardCurrencies: Record<string, { min: number; max: number }>;
  /** Issue 19: webhooks out may call addresses inside the network (development, in-house receivers). */
  webhookAllowPrivateTargets: boolean;
  /** Issue 19: host names and CIDR ranges webhooks out may call although they are inside the network. */
  webhookAllowedTargets: { hosts: string[]; ranges: string[] };
  /** Issue 19: how long one webhook delivery attempt may take, connect to answer. */
  webhookTimeoutMs: number;
  /** Issue 19: days a finished webhook delivery and its attempts are kept. */
  webhookDeliveryRetentionDays: number;
  /**
   * The chain's own seller (SELLER_*): the legal entity on receipts of online gift card sales (series
   * `online`, dated in its time zone), and on receipts of a cinema without tax settings of its own,
   * taxed at these rates (basis points). Unset: such receipts wait (409 tax_settings_missing).
   */
  seller: ChainSeller | undefined;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** How long a waiting room's admission (its token) lasts unless the room says otherwise (issue 18). */
  waitingRoomAdmissionMinutes: number;
  /** Waiting room joins one client address may make per minute (429 past it). */
  waitingRoomJoinsPerMinute: number;
  /** Issue 20: Apple Wallet passes and Google Wallet save links, each offered only when configured. */
  wallet: WalletConfig;
}

export interface ChainSeller {
  legalName: string;
  legalAddress: string;
  taxId: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timezone: string;
  /** Basis points per product kind (7 % = 700). */
  taxRates: { tickets: number; food: number; merchandise: number; default: number };
}

export type { WalletConfig } from './config-wallet.ts';

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function email(env: Env, name: string): string | undefined {
  const raw = str(env, name);
  if (raw !== undefined && !/^[^\s@]+@[^\s@]+$/.test(raw)) throw new ConfigError(`${name} is not an email address`);
  return raw;
}

/** Parses `minutesBefore:percent` pairs, e.g. `14400:100,7200:50,4320:30`, most generous first. */
export function parseRefundPolicy(raw: string | undefined, name = 'REFUND_POLICY'): RefundTier[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const tiers = raw.split(',').map((pair) => {
    const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(pair);
    if (!m) throw new ConfigError(`${name} must be minutesBefore:percent pairs, got "${pair}"`);
    const tier = { minutesBefore: Number(m[1]), percent: Number(m[2]) };
    if (tier.percent > 100) throw new ConfigError(`${name} percent must be at most 100, got ${tier.percent}`);
    return tier;
  });
  return tiers.sort((a, b) => b.minutesBefore - a.minutesBefore);
}

/**
 * The variables that hold secrets (credentials in URLs, passwords, signing keys). Each may instead be
 * given as `NAME_FILE`, a path to a file holding it: Docker and Kubernetes secrets are mounted files,
 * and a value in a file stays out of `docker inspect`, `/proc/<pid>/environ` and crash reports.
 */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'NATS_URL',
  'SMTP_URL',
  'CINEMA_ADMIN_PASSWORD',
  'PAYMENT_WEBHOOK_SECRET',
  'STRIPE_SECRET_KEY',
  'STRIPE_PUBLISHABLE_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'APPLE_WALLET_SIGNER_KEY',
  'APPLE_WALLET_SIGNER_KEY_PASSPHRASE',
  'GOOGLE_WALLET_PRIVATE_KEY',
] as const;

/** The environment with every `NAME_FILE` of a secret variable read into `NAME` (one trailing newline dropped). */
export function withSecretFiles(env: Env, names: readonly string[] = SECRET_VARIABLES): Env {
  const out: Env = { ...env };
  for (const name of names) {
    const file = str(env, `${name}_FILE`);
    if (file === undefined) continue;
    if (str(env, name) !== undefined) throw new ConfigError(`${name} and ${name}_FILE are both set; set one of them`);
    let value: string;
    try {
      value = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${name}_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    // Editors and `echo` end a file with a newline that is no part of the secret.
    out[name] = value.replace(/\r?\n$/, '');
  }
  return out;
}

/** Reads the configuration from an environment; throws ConfigError naming the bad variable. */
export function loadConfig(rawEnv: Env = process.env): Config {
  const env = withSecretFiles(rawEnv);
  const port = int(env, 'PORT', 8080, 0, 65535);
  const host = str(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = path.resolve(str(env, 'DATA_DIR') ?? './data');
  const adminEmail = email(env, 'CINEMA_ADMIN_EMAIL');
  const adminPassword = str(env, 'CINEMA_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('CINEMA_ADMIN_EMAIL and CINEMA_ADMIN_PASSWORD must be set together');
  }
  const publicUrl =
    url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const paymentProvider = str(env, 'PAYMENT_PROVIDER') ?? 'test_card';
  if (paymentProvider !== 'test_card' && paymentProvider !== 'stripe')
    throw new ConfigError(`PAYMENT_PROVIDER must be test_card or stripe, got "${paymentProvider}"`);
  const stripeApiBase = url(env, 'STRIPE_API_BASE', ['http:', 'https:']);
  const stripe = {
    secretKey: str(env, 'STRIPE_SECRET_KEY'),
    publishableKey: str(env, 'STRIPE_PUBLISHABLE_KEY'),
    webhookSecret: str(env, 'STRIPE_WEBHOOK_SECRET'),
    apiBase: stripeApiBase?.replace(/\/+$/, ''),
    jsUrl:
      url(env, 'STRIPE_JS_URL', ['http:', 'https:']) ??
      (stripeApiBase ? `${stripeApiBase.replace(/\/+$/, '')}/v3/` : 'https://js.stripe.com/v3/'),
  };
  if (paymentProvider === 'stripe') {
    const unset = (
      [
        ['STRIPE_SECRET_KEY', stripe.secretKey],
        ['STRIPE_PUBLISHABLE_KEY', stripe.publishableKey],
        ['STRIPE_WEBHOOK_SECRET', stripe.webhookSecret],
      ] as const
    ).filter(([, v]) => v === undefined);
    if (unset.length > 0)
      throw new ConfigError(`PAYMENT_PROVIDER=stripe needs ${unset.map(([name]) => name).join(', ')}`);
  }
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    port,
    host,
    grpcPort: int(env, 'GRPC_PORT', 8081, 0, 65535),
    databaseUrl,
    dataDir,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: str(env, 'REDIS_PREFIX') ?? 'marquee:',
    natsUrl: url(env, 'NATS_URL', ['nats:', 'tls:']),
    natsStream: str(env, 'NATS_STREAM') ?? 'MARQUEE',
    natsAckWaitMs: int(env, 'NATS_ACK_WAIT_MS', 30_000, 1000, 3_600_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: email(env, 'MAIL_FROM') ?? 'tickets@localhost',
    publicUrl: publicUrl.replace(/\/+$/, ''),
    adminEmail,
    adminPassword,
    demo: bool(env, 'CINEMA_DEMO', databaseUrl === undefined),
    holdMinutes: int(env, 'HOLD_MINUTES', 10, 1, 24 * 60),
    holdExtensionMinutes: int(env, 'HOLD_EXTENSION_MINUTES', 5, 1, 60),
    waitlistOfferMinutes: int(env, 'WAITLIST_OFFER_MINUTES', 15, 1, 24 * 60),
    refundCutoffMinutes: int(env, 'REFUND_CUTOFF_MINUTES', 120, 0, 365 * 24 * 60),
    refundPolicy: parseRefundPolicy(str(env, 'REFUND_POLICY')),
    maxSeatsPerCustomer: int(env, 'MAX_SEATS_PER_CUSTOMER', 10, 1, 1000),
    checkinOpensMinutes: int(env, 'CHECKIN_OPENS_MINUTES', 60, 0, 24 * 60),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    paymentWebhookSecret: str(env, 'PAYMENT_WEBHOOK_SECRET'),
    paymentReconcileAfterMs: int(env, 'PAYMENT_RECONCILE_AFTER_SECONDS', 60, 1, 24 * 60 * 60) * 1000,
    testCardLatencyMs: int(env, 'TEST_CARD_LATENCY_MS', 0, 0, 60_000),
    paymentProvider,
    stripe,
    logLevel,
    dbPoolSize: int(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    dbPreparedStatements: bool(env, 'DATABASE_PREPARED_STATEMENTS', true),
    dbConnectTimeoutMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    dbStatementTimeoutMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 24 * 3600_000),
    dbIdleInTransactionTimeoutMs: int(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000, 0, 24 * 3600_000),
    requestDeadlineMs: int(env, 'REQUEST_DEADLINE_MS', 10_000, 0, 3600_000),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    otlpEndpoint: url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
    serviceName: str(env, 'OTEL_SERVICE_NAME') ?? 'marquee',
    // argon2id cost: about 50 ms for one hash on the reference machine (2 cores), measured; see README.
    argon2MemoryKiB: int(env, 'ARGON2_MEMORY_KIB', 32768, 1024, 4 * 1024 * 1024),
    argon2TimeCost: int(env, 'ARGON2_TIME_COST', 2, 1, 20),
    workerIntervalMs: int(env, 'WORKER_INTERVAL_MS', 1000, 10, 600_000),
    mediaGcGraceHours: int(env, 'MEDIA_GC_GRACE_HOURS', 24, 0, 24 * 365),
    searchMaxConcurrent: int(env, 'SEARCH_MAX_CONCURRENT', 4, 1, 10_000),
    searchMaxQueued: int(env, 'SEARCH_MAX_QUEUED', 64, 0, 100_000),
    searchMaxWaitMs: int(env, 'SEARCH_MAX_WAIT_MS', 2000, 0, 60_000),
    searchMaxPerClient: int(env, 'SEARCH_MAX_PER_CLIENT', 8, 1, 100_000),
    sseMaxConnections: int(env, 'SSE_MAX_CONNECTIONS', 5000, 1, 1_000_000),
    sseMaxPerClient: int(env, 'SSE_MAX_PER_CLIENT', 32, 1, 1_000_000),
    outboxLagUnreadySeconds: int(env, 'OUTBOX_LAG_UNREADY_SECONDS', 300, 0, 7 * 24 * 3600),
    webDist: path.resolve(str(env, 'WEB_DIST') ?? 'web/dist'),
    waitingRoomAdmissionMinutes: int(env, 'WAITING_ROOM_ADMISSION_MINUTES', 10, 1, 240),
    waitingRoomJoinsPerMinute: int(env, 'WAITING_ROOM_JOINS_PER_MINUTE', 20, 1, 10_000_000),
    seller: parseSeller(env, bool(env, 'CINEMA_DEMO', databaseUrl === undefined)),
    giftCardCurrencies: parseGiftCardCurrencies(str(env, 'GIFT_CARD_CURRENCIES') ?? 'EUR'),
    webhookAllowPrivateTargets: bool(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
    webhookAllowedTargets: parseWebhookTargets(str(env, 'WEBHOOK_ALLOWED_TARGETS') ?? ''),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookDeliveryRetentionDays: int(env, 'WEBHOOK_DELIVERY_RETENTION_DAYS', 30, 1, 3650),
    wallet: { apple: parseAppleWallet(env), google: parseGoogleWallet(env) },
  };
}

/** `EUR` or `EUR:500-50000,CHF:1000-30000`: a currency alone sells cards of 5.00 to 500.00 (minor units 500..50000). */
/** WEBHOOK_ALLOWED_TARGETS: comma-separated host names and CIDR ranges (`hooks.lan,10.1.0.0/16,fd00::/8`). */
function parseWebhookTargets(value: string): Config['webhookAllowedTargets'] {
  const hosts: string[] = [];
  const ranges: string[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    const [net, bits, extra] = entry.split('/');
    const family = isIP(net ?? '');
    const max = family === 6 ? 128 : 32;
    if (family !== 0 && extra === undefined && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max)))
      ranges.push(entry);
    else if (
      bits === undefined &&
      /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)
    )
      hosts.push(entry);
    else throw new ConfigError(`WEBHOOK_ALLOWED_TARGETS: "${entry}" is neither a host name nor an address range`);
  }
  return { hosts, ranges };
}

function parseGiftCardCurrencies(value: string): Record<string, { min: number; max: number }> {
  const name = 'GIFT_CARD_CURRENCIES';
  const out: Record<string, { min: number; max: number }> = {};
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^([A-Z]{3})(?::(\d{1,9})-(\d{1,9}))?$/.exec(part);
    if (!m || !isIso4217Currency(m[1] as string))
      throw new ConfigError(`${name} must list ISO 4217 codes, each optionally CODE:min-max, got "${part}"`);
    const [min, max] = m[2] ? [Number(m[2]), Number(m[3])] : [500, 50_000];
    if (min < 1 || max < min) throw new ConfigError(`${name} needs 1 <= min <= max, got "${part}"`);
    out[m[1] as string] = { min, max };
  }
  return out;
}

/** The demo chain's seller (CINEMA_DEMO without SELLER_*): German VAT, tickets 7 %. */
const DEMO_SELLER: ChainSeller = {
  legalName: 'Marquee Cinemas GmbH',
  legalAddress: 'Holzmarktstraße 25, 10243 Berlin',
  taxId: 'DE123456789',
  country: 'DE',
  timezone: 'Europe/Berlin',
  taxRates: { tickets: 700, food: 1900, merchandise: 1900, default: 1900 },
};

/** SELLER_LEGAL_NAME, _ADDRESS, _COUNTRY and _TAX_RATES together (or none); _TAX_ID and _TIMEZONE optional. */
function parseSeller(env: Env, demo: boolean): ChainSeller | undefined {
  const legalName = str(env, 'SELLER_LEGAL_NAME');
  const legalAddress = str(env, 'SELLER_LEGAL_ADDRESS');
  const country = str(env, 'SELLER_COUNTRY');
  const rates = str(env, 'SELLER_TAX_RATES');
  const given = [legalName, legalAddress, country, rates];
  if (given.every((v) => v === undefined)) return demo ? DEMO_SELLER : undefined;
  if (given.some((v) => v === undefined))
    throw new ConfigError('SELLER_LEGAL_NAME, SELLER_LEGAL_ADDRESS, SELLER_COUNTRY and SELLER_TAX_RATES go together');
  if (!/^[A-Z]{2}$/.test(country as string))
    throw new ConfigError(`SELLER_COUNTRY must be an ISO 3166-1 alpha-2 code, got "${country}"`);
  const timezone = str(env, 'SELLER_TIMEZONE') ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ConfigError(`SELLER_TIMEZONE must be an IANA time zone, got "${timezone}"`);
  }
  return {
    legalName: legalName as string,
    legalAddress: legalAddress as string,
    taxId: str(env, 'SELLER_TAX_ID') ?? null,
    country: country as string,
    timezone,
    taxRates: parseTaxRates(rates as string),
  };
}

/** `tickets:7,food:19,default:19`: percents with at most two decimals; `default` required, kinds not given take it. */
function parseTaxRates(value: string): ChainSeller['taxRates'] {
  const name = 'SELLER_TAX_RATES';
  const bp: Record<string, number> = {};
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^(tickets|food|merchandise|default):(\d{1,3}(?:\.\d{1,2})?)$/.exec(part);
    const v = m ? Math.round(Number(m[2]) * 100) : NaN;
    if (!m || !(v >= 0 && v <= 10_000))
      throw new ConfigError(`${name} must be kind:percent pairs (tickets, food, merchandise, default), got "${part}"`);
    bp[m[1] as string] = v;
  }
  const d = bp.default;
  if (d === undefined) throw new ConfigError(`${name} needs a default rate, e.g. "tickets:7,default:19"`);
  return { tickets: bp.tickets ?? d, food: bp.food ?? d, merchandise: bp.merchandise ?? d, default: d };
}

/** Service URLs the test suites also run against when they are given (CI sets them). */
export function testServiceUrls(env: Env = process.env): { databaseUrl?: string; redisUrl?: string; natsUrl?: string } {
  return {
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    natsUrl: url(env, 'NATS_URL', ['nats:', 'tls:']),
  };
}
