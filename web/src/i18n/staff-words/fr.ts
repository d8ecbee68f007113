// The staff console's words in French, all families in one chunk that staff.ts fetches when the
// console is shown in that language (English's travel with the console's code).
import { staffAuditFr } from '../staff-audit-fr.ts';
import { staffFr } from '../staff-fr.ts';
import { staffFoodFr } from '../staff-food-fr.ts';
import { staffMoneyFr } from '../staff-money-fr.ts';
import { staffSecurityFr } from '../staff-security-fr.ts';
import { staffWaitingFr } from '../staff-waiting-fr.ts';
import { staffWebhooksFr } from '../staff-webhooks-fr.ts';

export const staffWordsFr = {
  ...staffFr,
  ...staffMoneyFr,
  ...staffFoodFr,
  ...staffWaitingFr,
  ...staffAuditFr,
  ...staffSecurityFr,
  ...staffWebhooksFr,
};
