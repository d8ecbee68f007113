// A film's age rating as the youngest age admitted, for refusing ticket types meant for younger
// guests (a child type whose maxAge is below the film's minimum). Ratings come as typed by staff:
// "12", "FSK 16", "PG-13", "R", "NC-17", "18+", "U", "PG".

/** Letter ratings without a number in them (MPA): R admits 17 and up; NC-17 and X only adults. */
const LETTERS: Record<string, number> = { R: 17, X: 18, 'NC-17': 18, NC17: 18 };

/** The minimum age a rating admits; null when it names none (G, PG, U, unrated). */
export function minimumAge(rating: string | null | undefined): number | null {
  if (!rating) return null;
  const text = rating.trim().toUpperCase();
  const letter = LETTERS[text.replace(/\s+/g, '')];
  if (letter !== undefined) return letter;
  const digits = /(\d{1,2})/.exec(text);
  return digits ? Number(digits[1]) : null;
}

/** Whether a ticket type with this maxAge may be sold for a film with this rating. */
export function typeAllowedForRating(maxAge: number | null, rating: string | null | undefined): boolean {
  const min = minimumAge(rating);
  return maxAge === null || min === null || maxAge >= min;
}
