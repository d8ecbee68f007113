// Each language's words arrive when the reader needs them (issue 20 and the first page's budget):
// English, the reference and the fallback, travels with the code that uses it; German and French
// are chunks of their own, fetched before a page shows them. The catalog comes in parts (the
// customer's words, the staff console's when it loads); a language is ready once every part has it.
import { addMessages, type Message } from './catalog.ts';
import type { Lang } from './format.ts';

type Table = Record<string, Message>;
/** A part of the catalog: its English table, and how to fetch each other language's. */
export type CatalogPart = { readonly en: Table } & { readonly [L in Exclude<Lang, 'en'>]: () => Promise<Table> };

interface Part {
  loaders: CatalogPart;
  loaded: Set<Lang>;
  pending: Map<Lang, Promise<void>>;
}
const parts: Part[] = [];
let wanted: Lang = 'en';

/** Adds a part: its English words at once, the other languages' when `loadLanguage` asks. */
export function addCatalog(loaders: CatalogPart): void {
  addMessages({ en: loaders.en });
  parts.push({ loaders, loaded: new Set(['en']), pending: new Map() });
}

/** True when every part of the catalog holds `lang`'s words. */
export function isLoaded(lang: Lang): boolean {
  return parts.every((p) => p.loaded.has(lang));
}

function loadPart(part: Part, lang: Exclude<Lang, 'en'>): Promise<void> {
  let pending = part.pending.get(lang);
  if (!pending) {
    pending = part.loaders[lang]()
      .then((table) => {
        addMessages({ [lang]: table });
        part.loaded.add(lang);
      })
      // A failed fetch is tried again by the next call (a flaky network, a new release).
      .finally(() => part.pending.delete(lang));
    part.pending.set(lang, pending);
  }
  return pending;
}

/**
 * Fetches what `lang` lacks in any part, once however many ask; resolves when all of it is in,
 * parts added meanwhile included (the console loading while the reader switches language).
 */
export async function loadLanguage(lang: Lang): Promise<void> {
  while (lang !== 'en' && !isLoaded(lang))
    await Promise.all(parts.filter((p) => !p.loaded.has(lang)).map((p) => loadPart(p, lang)));
}

/** The language the reader asked for last (shown, or on its way): what a part loading later fetches. */
export function wantedLanguage(): Lang {
  return wanted;
}

/** Set by the I18nProvider whenever the reader's language changes. */
export function setWantedLanguage(lang: Lang): void {
  wanted = lang;
}
