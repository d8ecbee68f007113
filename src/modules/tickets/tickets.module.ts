import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';

export type TicketsService = Record<string, never>;

export function createTicketsModule(_platform: Platform, _deps: { catalog: CatalogService }): { service: TicketsService; parts: ModuleParts } {
  return { service: {}, parts: {} };
}
