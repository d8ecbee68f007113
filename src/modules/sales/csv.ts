// CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break quoted,
// quotes doubled), made safe for spreadsheets: a text cell that starts like a formula is prefixed
// with a single quote so Excel or LibreOffice shows it instead of running it.

type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as written, text defused and quoted when it must be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole document: a header row and the rows, each line ended by CRLF. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
