import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';

export type BookingService = Record<string, never>;

export function createBookingModule(_platform: Platform, _deps: { catalog: CatalogService }): { service: BookingService; parts: ModuleParts } {
  return { service: {}, parts: {} };
}
