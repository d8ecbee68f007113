// The finance module's tables, picked from the types generated from the migrated database, and the
// shapes of their json columns (scripts/db-types.ts names them): a document as it was issued.
import type { DB } from '../../platform/db/generated-schema.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';

export type ReceiptContent = ReceiptView;
export type CreditNoteContent = CreditNoteView;

export type FinanceTables = Pick<
  DB,
  'cinema_tax_settings' | 'document_series' | 'document_codes' | 'receipts' | 'credit_notes'
>;

/** Finance's handle: its own tables only; what it reads of bookings, payments and gift cards comes through ports. */
export type FinanceDb = FinanceTables;
