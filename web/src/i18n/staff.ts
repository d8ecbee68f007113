// The staff console's words join the catalog when the console's code loads: staff pages take the
// app's one hook from here, so their texts travel in the staff chunks and never on the customer's
// first page.
import { addMessages, type MessageKey } from './catalog.ts';
import { type I18n, useI18n as useCustomerI18n } from './I18nProvider.tsx';
import { staffAuditDe } from './staff-audit-de.ts';
import { staffAuditEn } from './staff-audit-en.ts';
import { staffAuditFr } from './staff-audit-fr.ts';
import { staffSecurityDe } from './staff-security-de.ts';
import { staffSecurityEn } from './staff-security-en.ts';
import { staffSecurityFr } from './staff-security-fr.ts';
import { staffDe } from './staff-de.ts';
import { staffEn } from './staff-en.ts';
import { staffFr } from './staff-fr.ts';
import { staffFoodDe } from './staff-food-de.ts';
import { staffFoodEn } from './staff-food-en.ts';
import { staffFoodFr } from './staff-food-fr.ts';
import { staffMoneyDe } from './staff-money-de.ts';
import { staffMoneyEn } from './staff-money-en.ts';
import { staffMoneyFr } from './staff-money-fr.ts';
import { staffWaitingDe } from './staff-waiting-de.ts';
import { staffWaitingEn } from './staff-waiting-en.ts';
import { staffWebhooksDe } from './staff-webhooks-de.ts';
import { staffWebhooksEn } from './staff-webhooks-en.ts';
import { staffWebhooksFr } from './staff-webhooks-fr.ts';
import { staffWaitingFr } from './staff-waiting-fr.ts';

addMessages({
  en: {
    ...staffEn,
    ...staffMoneyEn,
    ...staffFoodEn,
    ...staffWaitingEn,
    ...staffAuditEn,
    ...staffSecurityEn,
    ...staffWebhooksEn,
  },
  de: {
    ...staffDe,
    ...staffMoneyDe,
    ...staffFoodDe,
    ...staffWaitingDe,
    ...staffAuditDe,
    ...staffSecurityDe,
    ...staffWebhooksDe,
  },
  fr: {
    ...staffFr,
    ...staffMoneyFr,
    ...staffFoodFr,
    ...staffWaitingFr,
    ...staffAuditFr,
    ...staffSecurityFr,
    ...staffWebhooksFr,
  },
});

/** The app's hook with every key, the staff words' too: importing this module has loaded them. */
export const useI18n: () => I18n<MessageKey> = useCustomerI18n;

/** A staff key without its `staff.` namespace, for tables of keys inside the console. */
export type StaffKey = { [K in MessageKey]: K extends `staff.${infer Rest}` ? Rest : never }[MessageKey];
