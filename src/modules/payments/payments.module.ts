import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { BookingService } from '../booking/booking.module.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import type { Mail } from '../notifications/notifications.module.ts';
import type { TicketsService } from '../tickets/tickets.module.ts';

export type PaymentsService = Record<string, never>;

export function createPaymentsModule(
  _platform: Platform,
  _deps: { booking: BookingService; tickets: TicketsService; catalog: CatalogService; mail: Mail },
): { service: PaymentsService; parts: ModuleParts } {
  return { service: {}, parts: {} };
}
