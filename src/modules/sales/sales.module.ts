// Sales: the staff console's back office. Reports over the reporting read model (booking,
// payments, tickets, accounts and catalog columns, sales.tables.ts) plus the one table it owns,
// default prices per hall.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { registerSalesRoutes } from './sales.routes.ts';
import { createSalesService, type SalesService } from './sales.service.ts';

export type { SalesService } from './sales.service.ts';

export function createSalesModule(
  platform: Platform,
  deps: { catalog: CatalogService },
): { service: SalesService; parts: ModuleParts } {
  const service = createSalesService({ database: platform.database, clock: platform.clock, catalog: deps.catalog });
  return {
    service,
    parts: {
      routes(app, auth) {
        registerSalesRoutes(app, auth, service);
      },
    },
  };
}
