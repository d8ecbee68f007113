// The staff console's words join the catalog when the console's code loads: staff pages take the
// app's one hook from here, so their texts travel in the staff chunks and never on the customer's
// first page. English comes with this module; German and French are fetched (load.ts) by the
// console's route before its frame shows (app/staff-routes.tsx), so a console in German never
// shows English first, and by the I18nProvider when the reader switches language.
import type { MessageKey } from './catalog.ts';
import { type I18n, useI18n as useCustomerI18n } from './I18nProvider.tsx';
import { addCatalog } from './load.ts';
import { staffAuditEn } from './staff-audit-en.ts';
import { staffSecurityEn } from './staff-security-en.ts';
import { staffEn } from './staff-en.ts';
import { staffFoodEn } from './staff-food-en.ts';
import { staffMoneyEn } from './staff-money-en.ts';
import { staffWaitingEn } from './staff-waiting-en.ts';
import { staffWebhooksEn } from './staff-webhooks-en.ts';

addCatalog({
  en: {
    ...staffEn,
    ...staffMoneyEn,
    ...staffFoodEn,
    ...staffWaitingEn,
    ...staffAuditEn,
    ...staffSecurityEn,
    ...staffWebhooksEn,
  },
  de: () => import('./staff-words/de.ts').then((m) => m.staffWordsDe),
  fr: () => import('./staff-words/fr.ts').then((m) => m.staffWordsFr),
});

/** The app's hook with every key, the staff words' too (in English once this module loads; see above). */
export const useI18n: () => I18n<MessageKey> = useCustomerI18n;

/** A staff key without its `staff.` namespace, for tables of keys inside the console. */
export type StaffKey = { [K in MessageKey]: K extends `staff.${infer Rest}` ? Rest : never }[MessageKey];
