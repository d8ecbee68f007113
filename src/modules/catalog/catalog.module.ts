import type { ModuleParts, Platform } from '../../platform/context.ts';

export type CatalogService = Record<string, never>;

export function createCatalogModule(_platform: Platform): { service: CatalogService; parts: ModuleParts } {
  return { service: {}, parts: {} };
}
