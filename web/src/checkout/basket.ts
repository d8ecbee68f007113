// The food basket's arithmetic, without React: the lines PUT …/food takes, merged per variant and
// combo choices, within the server's limits (20 lines, 1–20 each); a menu item's price with its
// combo surcharges; what is left to collect of an order line. The server prices the basket; these
// figures are what the menu shows before adding.
import type { FoodBooking, FoodLineInput, FoodOrder, FoodOrderItem, MenuItem } from '../api/food-api.ts';
import type { Money } from '../api/types.ts';

export const MAX_LINES = 20;
export const MAX_QUANTITY = 20;

/** A combo's choice per slot id (slot → chosen variant). */
export type Choices = Record<string, string>;

/** One identity per variant and set of choices: the same combo with another drink is another line. */
export function lineKey(line: FoodLineInput): string {
  const choices = [...(line.choices ?? [])]
    .sort((a, b) => a.slotId.localeCompare(b.slotId))
    .map((c) => `${c.slotId}=${c.variantId}`);
  return [line.variantId, ...choices].join('|');
}

/** The basket of an order as PUT …/food takes it back (to change one line and send them all). */
export function linesOf(order: FoodOrder | null | undefined): FoodLineInput[] {
  return (order?.items ?? []).map((i) => ({
    variantId: i.variantId,
    quantity: i.quantity,
    ...(i.choices.length > 0 ? { choices: i.choices.map((c) => ({ slotId: c.slotId, variantId: c.variantId })) } : {}),
  }));
}

/**
 * The basket with `line` added: a line of the same key grows (up to MAX_QUANTITY), else a new line
 * (null when the basket already has MAX_LINES lines).
 */
export function addLine(lines: FoodLineInput[], line: FoodLineInput): FoodLineInput[] | null {
  const key = lineKey(line);
  const at = lines.findIndex((l) => lineKey(l) === key);
  if (at >= 0)
    return lines.map((l, i) => (i === at ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + line.quantity) } : l));
  if (lines.length >= MAX_LINES) return null;
  return [...lines, { ...line, quantity: clampQuantity(line.quantity) }];
}

/** The basket with line `key` set to `quantity` (0 or less removes it; more than the limit is the limit). */
export function setQuantity(lines: FoodLineInput[], key: string, quantity: number): FoodLineInput[] {
  if (quantity <= 0) return lines.filter((l) => lineKey(l) !== key);
  return lines.map((l) => (lineKey(l) === key ? { ...l, quantity: clampQuantity(quantity) } : l));
}

export function clampQuantity(quantity: number): number {
  return Math.max(1, Math.min(MAX_QUANTITY, Math.floor(quantity) || 1));
}

/** The first available choice of each slot: what a combo offers before the customer picks. */
export function defaultChoices(item: MenuItem): Choices {
  const out: Choices = {};
  for (const slot of item.slots) {
    const first = slot.choices.find((c) => c.available);
    if (first) out[slot.slotId] = first.variantId;
  }
  return out;
}

/** The first available size, else the first (shown, but not addable). */
export function defaultVariant(item: MenuItem): string | undefined {
  return (item.variants.find((v) => v.available) ?? item.variants[0])?.variantId;
}

/**
 * One unit of `variantId` of the item with the chosen combo choices and their surcharges (each per
 * unit of its slot, as the server prices them); null if unknown.
 */
export function unitPrice(item: MenuItem, variantId: string, choices: Choices = {}): Money | null {
  const variant = item.variants.find((v) => v.variantId === variantId);
  if (!variant) return null;
  let amount = variant.price.amount;
  for (const slot of item.slots) {
    const choice = slot.choices.find((c) => c.variantId === choices[slot.slotId]);
    if (choice) amount += choice.surcharge.amount * slot.quantity;
  }
  return { amount, currency: variant.price.currency };
}

/** Why the item cannot be added as chosen, or null when it can. */
export function whyNotAddable(
  item: MenuItem,
  variantId: string,
  choices: Choices = {},
): 'unavailable' | 'choose' | null {
  const variant = item.variants.find((v) => v.variantId === variantId);
  if (!variant?.available) return 'unavailable';
  for (const slot of item.slots) {
    const choice = slot.choices.find((c) => c.variantId === choices[slot.slotId]);
    if (!choice) return 'choose';
    if (!choice.available) return 'unavailable';
  }
  return null;
}

/** The line PUT …/food takes for the item as chosen. */
export function lineFor(item: MenuItem, variantId: string, quantity: number, choices: Choices = {}): FoodLineInput {
  const picked = item.slots
    .filter((s) => choices[s.slotId])
    .map((s) => ({ slotId: s.slotId, variantId: choices[s.slotId]! }));
  return { variantId, quantity: clampQuantity(quantity), ...(picked.length > 0 ? { choices: picked } : {}) };
}

/** An item with nothing to sell: no size available, or a slot without an available choice. */
export function soldOut(item: MenuItem): boolean {
  return !item.variants.some((v) => v.available) || item.slots.some((s) => !s.choices.some((c) => c.available));
}

/** The menu's items by category, in the menu's own order (it sorts them). */
export function byCategory(items: MenuItem[]): { category: string; items: MenuItem[] }[] {
  const groups = new Map<string, MenuItem[]>();
  for (const item of items) {
    const group = groups.get(item.category);
    if (group) group.push(item);
    else groups.set(item.category, [item]);
  }
  return [...groups].map(([category, list]) => ({ category, items: list }));
}

/** How much of a line was handed over, refunded, and is still to collect. */
export function lineState(item: FoodOrderItem): { collected: number; refunded: number; left: number } {
  const { collected, refunded } = item;
  return { collected, refunded, left: Math.max(0, item.quantity - collected - refunded) };
}

/** Paid, with a food order the server has not marked paid yet (no pickup code to show yet). */
export function paidButFoodHeld(b: FoodBooking | undefined): boolean {
  return b?.status === 'confirmed' && b.food?.status === 'held';
}
