// Checkout's food step, for a customer or a guest: the basket of the held booking (what the server
// priced, each line one more, one less or removed) and the menu of the showtime's cinema by
// category (a cinema without a menu shows no panel). Every change sends the whole basket (PUT …/food); the booking's answer carries the new
// price breakdown, so the payment below always charges what the server says.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type FoodBooking, type FoodLineInput, food } from '../api/food-api.ts';
import { ApiError } from '../api/http.ts';
import type { CustomerKey } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { addLine, byCategory, lineKey, linesOf, setQuantity } from './basket.ts';
import { MenuCard } from './MenuCard.tsx';
import './food.css';

export interface FoodPanelProps {
  booking: FoodBooking;
  cinemaId: string | undefined;
  /** PUT …/food for this booking's owner (customer or guest). */
  setFood(items: FoodLineInput[]): Promise<FoodBooking>;
  onChange(booking: FoodBooking): void;
  onExpired(): void;
  disabled: boolean;
}

const EXPIRED = new Set(['booking_expired', 'booking_not_payable']);
const CATEGORIES = new Set(['popcorn', 'drinks', 'snacks', 'sweets', 'combos', 'merchandise']);

/** The menu of a cinema in the reader's language (cached a minute, as the server allows). */
export function menuQuery(cinemaId: string, lang: string) {
  return {
    queryKey: ['menu', cinemaId, lang],
    queryFn: () => food.menu(cinemaId, lang),
    staleTime: 60_000,
  };
}

export function FoodPanel({ booking, cinemaId, setFood, onChange, onExpired, disabled }: FoodPanelProps) {
  const { t, lang, money } = useI18n();
  const id = useId();
  const items = booking.food?.items ?? [];
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // Read before the menu opens: a cinema that sells nothing online shows no food step at all.
  const menu = useQuery({ ...menuQuery(cinemaId ?? '', lang), enabled: !!cinemaId });

  /** Sends the whole basket; true when the server took it. */
  async function put(next: FoodLineInput[], done: string): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    setStatus('');
    try {
      onChange(await setFood(next));
      setStatus(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && EXPIRED.has(err.code)) onExpired();
      else setFailure(errorText(err, t, lang));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function add(line: FoodLineInput, name: string): Promise<boolean> {
    const next = addLine(linesOf(booking.food), line);
    if (!next) {
      setFailure(t('food.tooManyLines'));
      return Promise.resolve(false);
    }
    return put(next, t('food.added', { name }));
  }

  function change(index: number, quantity: number) {
    const lines = linesOf(booking.food);
    const name = items[index]!.name;
    void put(
      setQuantity(lines, lineKey(lines[index]!), quantity),
      quantity > 0 ? t('food.lineQuantity', { quantity, name }) : t('food.removed', { name }),
    );
  }

  const categoryName = (c: string) =>
    CATEGORIES.has(c) ? t(`food.category.${c}` as CustomerKey) : c.charAt(0).toUpperCase() + c.slice(1);
  const groups = menu.data ? byCategory(menu.data.items) : [];
  const jumpTo = (category: string) => {
    const heading = document.getElementById(`food-category-${category}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  if (items.length === 0 && (menu.error || menu.data?.items.length === 0)) return null;
  return (
    <section className="panel food-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('food.title')}</h2>
      {items.length > 0 ? (
        <ul className="food-basket" aria-label={t('food.basket')} aria-busy={busy || undefined}>
          {items.map((item, i) => (
            <li key={item.lineId} className="food-line">
              <div className="food-line-name">
                <span>{item.name}</span>
                {item.choices.length > 0 && (
                  <span className="muted small">{item.choices.map((c) => c.name).join(', ')}</span>
                )}
              </div>
              <div className="food-stepper">
                <Button
                  variant="ghost"
                  className="btn-sm"
                  aria-label={t('food.less', { name: item.name })}
                  disabled={disabled || busy}
                  onClick={() => change(i, item.quantity - 1)}
                >
                  −
                </Button>
                <span className="food-count">{item.quantity}</span>
                <Button
                  variant="ghost"
                  className="btn-sm"
                  aria-label={t('food.more', { name: item.name })}
                  disabled={disabled || busy || item.quantity >= 20}
                  onClick={() => change(i, item.quantity + 1)}
                >
                  +
                </Button>
              </div>
              <span className="food-line-total">{money(item.total)}</span>
              <Button
                variant="ghost"
                className="btn-sm"
                aria-label={t('food.remove', { name: item.name })}
                disabled={disabled || busy}
                onClick={() => change(i, 0)}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('food.intro')}</p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {failure && (
        <Notice tone="error">
          <span role="alert">{failure}</span>
        </Notice>
      )}
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        disabled={!cinemaId}
        onClick={() => setOpen((o) => !o)}
      >
        {t(open ? 'food.hide' : 'food.show')}
      </Button>
      <div id={`${id}-menu`} className="food-menu" hidden={!open}>
        {open && menu.isPending && <p className="muted">{t('common.loading')}</p>}
        {menu.error && <Notice tone="error">{errorText(menu.error, t, lang)}</Notice>}
        {menu.data && groups.length === 0 && <p className="muted">{t('food.menuEmpty')}</p>}
        {groups.length > 1 && (
          <nav className="food-categories" aria-label={t('food.categories')}>
            {/* Buttons, not fragment links: the router owns the address. */}
            {groups.map((g) => (
              <button key={g.category} type="button" className="food-chip" onClick={() => jumpTo(g.category)}>
                {categoryName(g.category)}
              </button>
            ))}
          </nav>
        )}
        {groups.map((g) => (
          <section key={g.category} aria-labelledby={`food-category-${g.category}`}>
            <h3 id={`food-category-${g.category}`} className="food-category" tabIndex={-1}>
              {categoryName(g.category)}
            </h3>
            <ul className="menu-grid">
              {g.items.map((item) => (
                <li key={item.productId}>
                  <MenuCard item={item} disabled={disabled || busy} onAdd={add} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
