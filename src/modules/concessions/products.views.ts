// Product answers: names resolved in the asked language, image URLs from the catalog's media store.
import type { ImageRecord } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { inLanguage } from './language.ts';
import type { ProductView } from './products.schemas.ts';
import type { ChoiceRow, FullProduct, Localized } from './products.store.ts';

/** An image with its variants' URLs (as the catalog shows posters), or null. */
export function imageView(media: MediaStorage, image: ImageRecord | null) {
  if (!image) return null;
  return {
    width: image.width,
    height: image.height,
    variants: image.variants.map((v) => ({ width: v.width, format: v.format, url: media.urlOf(v.path) })),
  };
}

/** The URL of the variant closest above `width` (JPEG for old clients), or null. */
export function imageUrlOf(media: MediaStorage, image: ImageRecord | null, width = 400): string | null {
  if (!image) return null;
  const jpegs = image.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const pick = jpegs.find((v) => v.width >= width) ?? jpegs.at(-1);
  return pick ? media.urlOf(pick.path) : null;
}

/** A combo choice's name: its product, and its size when the product has more than one. */
export function choiceName(c: Pick<ChoiceRow, 'product_names' | 'variant_names' | 'variant_count'>, lang: string) {
  const product = inLanguage(c.product_names, lang);
  return c.variant_count > 1 ? `${product} (${inLanguage(c.variant_names, lang)})` : product;
}

export function productView(media: MediaStorage, p: FullProduct, lang: string): ProductView {
  const { row } = p;
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    names: row.names,
    descriptions: row.descriptions,
    name: inLanguage(row.names, lang),
    description: inLanguage(row.descriptions, lang),
    image: imageView(media, row.image),
    allergens: row.allergens,
    dietary: row.dietary,
    trackStock: row.track_stock,
    sortOrder: row.sort_order,
    active: row.active,
    variants: p.variants.map((v) => ({
      id: v.id,
      code: v.code,
      names: v.names,
      name: inLanguage(v.names as Localized, lang),
      sortOrder: v.sort_order,
      active: v.active,
    })),
    slots: p.slots.map((s) => ({
      id: s.id,
      names: s.names,
      name: inLanguage(s.names, lang),
      quantity: s.quantity,
      choices: s.choices.map((c) => ({
        variantId: c.variant_id,
        productId: c.product_id,
        name: choiceName(c, lang),
        surcharge: c.surcharge,
      })),
    })),
  };
}
