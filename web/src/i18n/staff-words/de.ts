// The staff console's words in German, all families in one chunk that staff.ts fetches when the
// console is shown in that language (English's travel with the console's code).
import { staffAuditDe } from '../staff-audit-de.ts';
import { staffDe } from '../staff-de.ts';
import { staffFoodDe } from '../staff-food-de.ts';
import { staffMoneyDe } from '../staff-money-de.ts';
import { staffSecurityDe } from '../staff-security-de.ts';
import { staffWaitingDe } from '../staff-waiting-de.ts';
import { staffWebhooksDe } from '../staff-webhooks-de.ts';

export const staffWordsDe = {
  ...staffDe,
  ...staffMoneyDe,
  ...staffFoodDe,
  ...staffWaitingDe,
  ...staffAuditDe,
  ...staffSecurityDe,
  ...staffWebhooksDe,
};
