// Sales: the staff console's back office. Reports over the reporting read model (booking,
// payments, tickets, accounts and catalog columns, sales.tables.ts) plus the one table it owns,
// default prices per hall.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { registerSalesRoutes } from './sales.routes.ts';
import { createSalesService, type SalesService } from './sales.service.ts';
import { registerTicketTypeRoutes } from './ticket-types.routes.ts';
import { seedDemoTicketTypes } from './demo-ticket-types.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { SalesDb } from './sales.tables.ts';
import { createTicketTypesService, type TicketTypesService } from './ticket-types.service.ts';

export type { SalesService } from './sales.service.ts';
export type { TicketTypesService } from './ticket-types.service.ts';
export type { LocalizedText, TicketTypesReadModel } from './sales.tables.ts';
/** The formula-safe RFC 4180 CSV writer (finance's exports use it too). */
export { toCsv } from './csv.ts';

export function createSalesModule(
  platform: Platform,
  deps: { catalog: CatalogService },
): { service: SalesService; ticketTypes: TicketTypesService; parts: ModuleParts } {
  const service = createSalesService({ database: platform.database, clock: platform.clock, catalog: deps.catalog });
  const ticketTypes = createTicketTypesService({ database: platform.database, clock: platform.clock });
  return {
    service,
    ticketTypes,
    parts: {
      routes(app, auth) {
        registerSalesRoutes(app, auth, service);
        registerTicketTypeRoutes(app, auth, ticketTypes);
      },
      // After the catalog's demo seed (modules start in order): its cinemas get the demo's ticket types.
      async onStart() {
        if (!platform.config.demo) return;
        await seedDemoTicketTypes(moduleDb<SalesDb>(platform.database), platform.clock.now());
      },
    },
  };
}
