// Wallet passes of tickets: the Apple .pkpass and the Google save link, each offered only when its
// credentials are configured, and the PassKit web service's state (which devices hold which pass,
// when each pass last changed). A pass's authentication token is an HMAC of its serial number under a
// key the server keeps in app_settings: nothing per pass to store, and a leaked token opens one pass.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../config.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { settingOrCreate } from '../../platform/settings.ts';
import { ticketNotFound } from '../tickets/tickets.errors.ts';
import { pkpass } from './apple-pass.ts';
import { googleSaveUrl } from './google-save.ts';
import { passTokenRefused, walletNotConfigured } from './wallet.errors.ts';
import type { WalletTicket } from './wallet.ports.ts';
import * as store from './wallet.store.ts';
import type { WalletDb } from './wallet.tables.ts';

const TOKEN_KEY_SETTING = 'wallet.pass_token_key';

/** Where Apple's devices find the web service (PassKit appends /v1/…). */
export const APPLE_WEB_SERVICE_PATH = '/api/wallet/apple';

export type WalletService = ReturnType<typeof createWalletService>;

export function createWalletService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'wallet'>;
  ticket(ticketId: string): Promise<WalletTicket | null>;
}) {
  const { clock, config } = deps;
  const db = moduleDb<WalletDb>(deps.database);
  let key: Promise<Buffer> | undefined;
  const tokenKey = () => {
    key ??= settingOrCreate(db, TOKEN_KEY_SETTING, () => randomBytes(32).toString('base64url')).then((k) =>
      Buffer.from(k, 'base64url'),
    );
    key.catch(() => (key = undefined));
    return key;
  };
  const tokenOf = async (serial: string) =>
    createHmac('sha256', await tokenKey())
      .update(`apple-pass:${serial}`)
      .digest('base64url');

  function apple() {
    if (!config.wallet.apple) throw walletNotConfigured('apple');
    return config.wallet.apple;
  }

  async function ticketOrThrow(ticketId: string): Promise<WalletTicket> {
    const ticket = await deps.ticket(ticketId);
    if (!ticket) throw ticketNotFound();
    return ticket;
  }

  /** A ticket's pass, signed, and when it last changed (recorded as handed out the first time). */
  async function drawPass(ticket: WalletTicket): Promise<{ pkpass: Buffer; updatedAt: Date }> {
    const cfg = apple();
    const updatedAt = await store.ensurePass(db, ticket.id, ticket.showtime.id, clock.now());
    const body = await pkpass(cfg, ticket, {
      webServiceURL: config.publicUrl + APPLE_WEB_SERVICE_PATH,
      authenticationToken: await tokenOf(ticket.id),
    });
    return { pkpass: body, updatedAt };
  }

  return {
    /** Which wallets are offered. */
    offers: () => ({ apple: config.wallet.apple !== undefined, google: config.wallet.google !== undefined }),

    /** A ticket (to check whose it is before anything is drawn). */
    ticket: ticketOrThrow,

    drawPass,

    /** A ticket's Google Wallet save link. */
    async googleUrl(ticket: WalletTicket): Promise<string> {
      if (!config.wallet.google) throw walletNotConfigured('google');
      return googleSaveUrl(config.wallet.google, ticket, new URL(config.publicUrl).origin, clock.now());
    },

    /** A pass's authentication token (the link in emails carries it as well). */
    passToken: async (serial: string) => {
      apple();
      return tokenOf(serial);
    },

    /** Throws 401 unless `token` is the pass's own (404 while Apple passes are not offered). */
    async checkPassToken(serial: string, token: string | undefined): Promise<void> {
      apple();
      const expected = Buffer.from(await tokenOf(serial));
      const given = Buffer.from(token ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw passTokenRefused();
    },

    /** The configured pass type (the web service answers 404 for any other). */
    passTypeIdentifier: () => config.wallet.apple?.passTypeIdentifier,

    /** A device asks for a pass's updates; true when the registration is new. */
    async register(r: { device: string; passTypeId: string; serial: string; pushToken: string }): Promise<boolean> {
      const ticket = await ticketOrThrow(r.serial);
      await store.ensurePass(db, ticket.id, ticket.showtime.id, clock.now());
      return store.register(db, r, clock.now());
    },

    /** A device no longer wants a pass's updates; false when it had not asked. */
    unregister: (r: { device: string; passTypeId: string; serial: string }) => store.unregister(db, r),

    /** The serials of a device's passes changed after the tag, and the tag to send next time. */
    async changedSerials(device: string, passTypeId: string, since: Date | undefined) {
      const changed = await store.changedPassesOfDevice(db, device, passTypeId, since);
      const last = Math.max(...changed.map((c) => c.updatedAt.getTime()));
      return { serialNumbers: changed.map((c) => c.serial), lastUpdated: String(last) };
    },

    /** When a pass last changed; undefined when it was never handed out. */
    updatedAt: (serial: string) => store.passUpdatedAt(db, serial),
  };
}
