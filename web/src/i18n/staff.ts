// The staff console's words join the catalog when the console's code loads: staff pages take the
// app's one hook from here, so their texts travel in the staff chunks and never on the customer's
// first page.
import { addMessages, type MessageKey } from './catalog.ts';
import { staffDe } from './staff-de.ts';
import { staffEn } from './staff-en.ts';

addMessages({ en: staffEn, de: staffDe });

export { useI18n } from './I18nProvider.tsx';

/** A staff key without its `staff.` namespace, for tables of keys inside the console. */
export type StaffKey = { [K in MessageKey]: K extends `staff.${infer Rest}` ? Rest : never }[MessageKey];
