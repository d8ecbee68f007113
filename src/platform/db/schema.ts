// The database as Kysely sees it: generated from the migrated database (generated-schema.ts, by
// `npm run db-types`). Each module picks the tables it owns in its *.tables.ts; every table has
// exactly one owner, which the check below holds to when a migration adds one.
import type { AccountsTables } from '../../modules/accounts/accounts.tables.ts';
import type { AuditTables } from '../../modules/audit/audit.tables.ts';
import type { BookingTables } from '../../modules/booking/booking.tables.ts';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.ts';
import type { ConcessionsTables } from '../../modules/concessions/concessions.tables.ts';
import type { FinanceTables } from '../../modules/finance/finance.tables.ts';
import type { GiftcardsTables } from '../../modules/giftcards/giftcards.tables.ts';
import type { NotificationsTables } from '../../modules/notifications/notifications.tables.ts';
import type { PaymentsTables } from '../../modules/payments/payments.tables.ts';
import type { PromotionsTables } from '../../modules/promotions/promotions.tables.ts';
import type { SalesTables } from '../../modules/sales/sales.tables.ts';
import type { TicketsTables } from '../../modules/tickets/tickets.tables.ts';
import type { TillTables } from '../../modules/till/till.tables.ts';
import type { WaitingroomTables } from '../../modules/waitingroom/waitingroom.tables.ts';
import type { WaitlistTables } from '../../modules/waitlist/waitlist.tables.ts';
import type { WebhooksTables } from '../../modules/webhooks/webhooks.tables.ts';
import type { WalletTables } from '../../modules/wallet/wallet.tables.ts';
import type { DB } from './generated-schema.ts';
import type { PlatformTables } from './platform.tables.ts';

export type { DB };

type Owned = keyof (PlatformTables &
  AccountsTables &
  AuditTables &
  NotificationsTables &
  CatalogTables &
  ConcessionsTables &
  BookingTables &
  FinanceTables &
  GiftcardsTables &
  PaymentsTables &
  PromotionsTables &
  SalesTables &
  TicketsTables &
  WaitingroomTables &
  TillTables &
  WaitlistTables &
  WebhooksTables &
  WalletTables);
type NoneLeft<T extends never> = T;
/** A compile error names the generated tables that no module's *.tables.ts picks. */
export type UnownedTables = NoneLeft<Exclude<keyof DB, Owned>>;
