// Small pieces every staff page uses: an error as a sentence, a labelled select, a debounced value,
// placeholder table rows, list paging by cursor, a remembered cinema, and a flash message that outlives a redirect.
import { type ReactNode, type SelectHTMLAttributes, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type StaffKey, useI18n } from '../i18n/staff.ts';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';

const CODE_KEYS: Record<string, StaffKey> = {
  showtime_overlap: 'error.overlap',
  showtime_has_sales: 'error.showtimeHasSales',
  showtime_has_blocks: 'error.showtimeHasBlocks',
  showtime_not_movable: 'error.notMovable',
  movie_in_use: 'error.movieInUse',
  hall_name_taken: 'error.hallNameTaken',
  already_checked_in: 'door.already',
  ticket_void: 'door.void',
  ticket_not_found: 'door.unknown',
  forbidden: 'error.forbidden',
  ticket_type_exists: 'error.ticketTypeExists',
  ticket_type_is_default: 'error.ticketTypeIsDefault',
  ticket_type_unknown: 'error.ticketTypeUnknown',
  promo_code_taken: 'error.promoCodeTaken',
  gift_card_not_found: 'error.giftCardNotFound',
  gift_card_empty: 'error.giftCardEmpty',
  gift_card_currency_mismatch: 'error.giftCardCurrency',
  already_collected: 'food.error.alreadyCollected',
  order_refunded: 'food.error.orderRefunded',
  order_not_paid: 'food.error.orderNotPaid',
  pickup_wrong_cinema: 'food.error.wrongCinema',
  pickup_not_found: 'food.error.pickupNotFound',
  pickup_line_invalid: 'food.error.lineInvalid',
  stock_not_tracked: 'food.error.stockNotTracked',
  stock_insufficient: 'food.error.stockInsufficient',
  count_below_reserved: 'food.error.countBelowReserved',
  concession_currency_mismatch: 'food.error.currencyMismatch',
  unknown_food_lines: 'food.error.unknownLines',
};

/**
 * Validation issues the staff console can meet, by the field and the server's sentence (an issue
 * has no code of its own), said in the reader's language; any other issue keeps the server's words.
 */
const KNOWN_ISSUES: readonly { path: string; message: string; key: StaffKey }[] = [
  { path: '/startsAt', message: 'must be in the future', key: 'error.startsInPast' },
  { path: '/currency', message: 'is not an ISO 4217 currency code', key: 'error.currency' },
  { path: '/timezone', message: 'is not a known IANA time zone (e.g. Europe/Berlin)', key: 'error.timezone' },
];

/** Codes whose server detail adds the reason (which showtime, which seat types) to our sentence. */
const WITH_REASON = new Set(['prices_missing', 'showtime_has_paid_bookings', 'checkin_not_open', 'checkin_closed']);

/** One sentence for a staff action's error: ours for the codes we know, the server's reason otherwise. */
export function useStaffError(): (err: unknown) => string {
  const { t, lang } = useI18n();
  return (err) => {
    if (err instanceof ApiError) {
      const key = CODE_KEYS[err.code];
      const detail = err.problem.detail;
      if (key) return WITH_REASON.has(err.code) && detail ? `${t(`staff.${key}`)} (${detail})` : t(`staff.${key}`);
      if (err.code === 'validation_failed' && err.problem.errors?.[0]) {
        const first = err.problem.errors[0];
        const known = KNOWN_ISSUES.find((i) => i.path === first.path && i.message === first.message);
        if (known) return t(`staff.${known.key}`);
        return t('staff.error.validation', { field: first.path.replace(/^\//, '') || '—', message: first.message });
      }
      // The server's own sentence says more than a general one, in any language.
      if (WITH_REASON.has(err.code) && detail) return detail;
      if (err.status === 409 && detail) return detail;
    }
    return errorText(err, t, lang);
  };
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const say = useStaffError();
  if (!error) return null;
  return (
    <Notice tone="error" title={title}>
      {say(error)}
    </Notice>
  );
}

export function SelectField({
  label,
  children,
  className,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className={`select-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...rest}>
        {children}
      </select>
    </div>
  );
}

/** Placeholder rows of a table whose data is still on its way, one skeleton line across each. */
export function SkeletonRows({ rows, columns, width }: { rows: number; columns: number; width: string }) {
  return Array.from({ length: rows }, (_, i) => (
    <tr key={i}>
      <td colSpan={columns}>
        <Skeleton width={width} />
      </td>
    </tr>
  ));
}

export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** Cursor paging: the cursors of the pages seen so far, so "Previous" works too. */
export function usePager(resetOn: string) {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  useEffect(() => setStack([undefined]), [resetOn]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length,
    next: (cursor: string) => setStack((st) => [...st, cursor]),
    prev: () => setStack((st) => (st.length > 1 ? st.slice(0, -1) : st)),
  };
}

export function Pager({
  page,
  hasNext,
  onPrev,
  onNext,
}: {
  page: number;
  hasNext: boolean;
  onPrev(): void;
  onNext(): void;
}) {
  const { t } = useI18n();
  return (
    <nav className="staff-pager" aria-label={t('staff.common.paging')}>
      <button type="button" className="btn btn-secondary btn-sm" disabled={page <= 1} onClick={onPrev}>
        {t('staff.common.prev')}
      </button>
      <span className="muted">{t('staff.common.page', { page })}</span>
      <button type="button" className="btn btn-secondary btn-sm" disabled={!hasNext} onClick={onNext}>
        {t('staff.common.next')}
      </button>
    </nav>
  );
}

const CINEMA_KEY = 'marquee.staff.cinema';
/** The cinema the staff member works with, remembered across pages and visits. */
export function useStaffCinema(): [string | null, (id: string) => void] {
  const [id, setId] = useState<string | null>(() => {
    try {
      return localStorage.getItem(CINEMA_KEY);
    } catch {
      return null;
    }
  });
  return [
    id,
    (next) => {
      setId(next);
      try {
        localStorage.setItem(CINEMA_KEY, next);
      } catch {}
    },
  ];
}

/**
 * A message that stays on screen across a redirect (the page that asked for it is gone by then):
 * a plain DOM status box, outside React, removed after a few seconds or on click.
 */
export function flash(message: string): void {
  const box = document.createElement('div');
  box.className = 'staff-flash';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  box.addEventListener('click', () => box.remove());
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 6000);
}
