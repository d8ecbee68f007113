// The database as Kysely sees it: each module declares its own tables; this joins them.
import type { AccountsTables } from '../../modules/accounts/accounts.tables.ts';
import type { BookingTables } from '../../modules/booking/booking.tables.ts';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.ts';
import type { NotificationsTables } from '../../modules/notifications/notifications.tables.ts';
import type { PaymentsTables } from '../../modules/payments/payments.tables.ts';
import type { TicketsTables } from '../../modules/tickets/tickets.tables.ts';
import type { PlatformTables } from './platform.tables.ts';

export interface DB
  extends PlatformTables,
    AccountsTables,
    NotificationsTables,
    CatalogTables,
    BookingTables,
    PaymentsTables,
    TicketsTables {}
