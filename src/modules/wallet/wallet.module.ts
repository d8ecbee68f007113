// Wallet passes (issue 20): a ticket in Apple Wallet (.pkpass, kept up to date through the PassKit
// web service) and in Google Wallet (a signed save link). Owns wallet_passes and
// wallet_registrations; tickets and showtimes are read through the functions app.ts passes in; a
// moved showtime or a cancelled ticket reaches it as events.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { apnsClient } from './apns-client.ts';
import { registerAppleWebService } from './apple-web-service.routes.ts';
import { googleWalletApi } from './google-wallet-api.ts';
import { subscribeWallet } from './wallet.consumers.ts';
import {
  type ApplePushPort,
  type GoogleWalletPort,
  loggingApplePush,
  loggingGoogleWallet,
  type WalletDeps,
} from './wallet.ports.ts';
import { registerWalletRoutes } from './wallet.routes.ts';
import { createWalletService, type WalletService } from './wallet.service.ts';

export { NOTIFY_QUEUE, WALLET_CONSUMERS } from './wallet.consumers.ts';
export type { ApplePushPort, GoogleWalletPort, WalletTicket } from './wallet.ports.ts';

export interface WalletModule {
  service: WalletService;
  /** Per ticket of a booking, the wallet links its confirmation email offers (none when not configured). */
  mailLinks(ticketIds: string[]): Promise<Map<string, { apple?: string; google?: string }>>;
  parts: ModuleParts;
}

export function createWalletModule(
  platform: Platform,
  deps: WalletDeps & {
    guests: GuestService;
    /** Other APNs and Google Wallet API clients than the built-in ones (used when configured). */
    applePush?: ApplePushPort;
    googleWallet?: GoogleWalletPort;
  },
): WalletModule {
  const { clock, config, logger } = platform;
  const service = createWalletService({ database: platform.database, clock, config, ticket: deps.ticket });
  let subscriptions: Unsubscribe[] = [];
  return {
    service,
    async mailLinks(ticketIds) {
      const links = new Map<string, { apple?: string; google?: string }>();
      const { apple, google } = service.offers();
      if (!apple && !google) return links;
      for (const id of ticketIds) {
        const ticket = await deps.ticket(id);
        if (!ticket || ticket.status === 'void') continue;
        links.set(id, {
          ...(apple
            ? {
                apple: `${config.publicUrl}/api/wallet/apple/download/${id}?token=${await service.passToken(id)}`,
              }
            : {}),
          ...(google ? { google: await service.googleUrl(ticket) } : {}),
        });
      }
      return links;
    },
    parts: {
      routes(app, auth) {
        registerWalletRoutes(app, auth, {
          wallet: service,
          guests: deps.guests,
          assertBookingVisible: deps.assertBookingVisible,
        });
        registerAppleWebService(app, {
          wallet: service,
          limiter: createRateLimiter({ kv: platform.kv, clock }),
          logger,
        });
      },
      onStart: async () => {
        subscriptions = await subscribeWallet({
          events: platform.events,
          queue: platform.queue,
          clock,
          database: platform.database,
          config,
          applePush:
            deps.applePush ?? (config.wallet.apple ? apnsClient(config.wallet.apple) : loggingApplePush(logger)),
          googleWallet:
            deps.googleWallet ??
            (config.wallet.google ? googleWalletApi(config.wallet.google, clock) : loggingGoogleWallet(logger)),
        });
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
