import type { ReactNode } from 'react';
import type { Money, Seat, TicketType } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { TYPE_KEYS } from './Legend.tsx';
import { ticketTypeName, ticketTypeRule } from './ticket-choice.ts';

/** A chosen seat with the ticket types it can be sold as, the one it has, and what that costs. */
export interface ChosenSeat {
  seat: Seat;
  price: Money | null;
  ticket: TicketType | undefined;
  offered: { type: TicketType; price: Money | null }[];
}

export interface SeatSummaryProps {
  chosen: ChosenSeat[];
  total: Money;
  holding: boolean;
  signedIn: boolean;
  notice: ReactNode;
  onRemove(seat: Seat): void;
  onTicketType(seat: Seat, code: string): void;
  onContinue(): void;
}

/** The chosen seats with a ticket type each, their total and the way on; sticks to the bottom of a phone screen. */
export function SeatSummary({
  chosen,
  total,
  holding,
  signedIn,
  notice,
  onRemove,
  onTicketType,
  onContinue,
}: SeatSummaryProps) {
  const { t, money, lang } = useI18n();
  // Each rule once, for the types chosen ("Child: proof of age at the door").
  const rules = new Map<string, string>();
  for (const c of chosen) {
    const rule = c.ticket && ticketTypeRule(c.ticket, lang);
    if (c.ticket && rule)
      rules.set(c.ticket.code, t('seats.ticketRule', { type: ticketTypeName(c.ticket, lang), rule }));
  }
  return (
    <aside className="seat-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('seats.yourSeats')}</h2>
      {notice}
      {chosen.length === 0 ? (
        <p className="muted">{t('seats.pickPrompt')}</p>
      ) : (
        <ul className="chosen-list">
          {chosen.map(({ seat: s, price, ticket, offered }) => {
            const name = t('seat.short', { row: s.row, number: s.number });
            return (
              <li key={s.id} data-seat-id={s.id}>
                <span>
                  {name}
                  <span className="muted"> · {t(TYPE_KEYS[s.type])}</span>
                </span>
                <span className="chosen-price">{price ? money(price) : ''}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onRemove(s)}
                  aria-label={t('seats.remove', { seat: name })}
                >
                  ×
                </button>
                {offered.length > 1 ? (
                  <select
                    className="ticket-select inline-field"
                    aria-label={t('seats.ticketType', { seat: name })}
                    value={ticket?.code}
                    onChange={(e) => onTicketType(s, e.target.value)}
                  >
                    {offered.map((o) => (
                      <option key={o.type.code} value={o.type.code}>
                        {o.price
                          ? t('seats.ticketOption', { type: ticketTypeName(o.type, lang), price: money(o.price) })
                          : ticketTypeName(o.type, lang)}
                      </option>
                    ))}
                  </select>
                ) : (
                  ticket && <span className="ticket-select muted small">{ticketTypeName(ticket, lang)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {rules.size > 0 && (
        <div className="ticket-rules small">
          <p className="ticket-rules-title">{t('seats.ticketRules')}</p>
          <ul>
            {[...rules].map(([code, text]) => (
              <li key={code}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="summary-bar">
        <p className="summary-total">
          <span>{t('seats.total', { count: chosen.length })}</span>
          <strong>{money(total)}</strong>
        </p>
        <Button size="lg" className="block" busy={holding} disabled={chosen.length === 0} onClick={onContinue}>
          {holding ? t('seats.holding') : signedIn ? t('seats.continue') : t('seats.signInToContinue')}
        </Button>
      </div>
    </aside>
  );
}
