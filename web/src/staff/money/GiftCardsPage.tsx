// Gift cards (staff): find a card by the last four characters of its code or by its id, see its
// balance and its ledger (issued, redeemed, given back, refunded, voided); admins can void one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SkeletonRows, useDebounced } from '../common.tsx';
import { RecordPending } from '../edit-record.tsx';
import { type GiftCardDetail, moneyApi, moneyKeys, moneyQueries } from './money-api.ts';
import './money.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function GiftCardsPage() {
  const { t, money, date } = useI18n();
  useTitle(t('staff.nav.giftCards'));
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim().toUpperCase());
  const isId = UUID.test(query);
  // A whole code typed or scanned is searched by its last four characters (the server keeps no more).
  const last4 = query.replace(/[\s-]/g, '').slice(-4);
  const list = useQuery({ ...moneyQueries.giftCards(last4), enabled: last4.length === 4 && !isId });

  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.giftCards')}</h1>
      </div>
      <form
        className="schedule-controls"
        onSubmit={(e) => {
          e.preventDefault();
          if (isId) void navigate({ to: '/staff/gift-cards/$id', params: { id: query.toLowerCase() } });
        }}
      >
        <Field
          label={t('staff.gift.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          hint={t('staff.gift.searchHint')}
        />
        {isId && <Button type="submit">{t('staff.gift.open')}</Button>}
      </form>
      <ErrorNotice error={list.error} />
      {last4.length === 4 && !isId && (
        <div className="table-scroll">
          <table className="staff-table">
            <caption className="visually-hidden">{t('staff.nav.giftCards')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.gift.card')}</th>
                <th scope="col">{t('staff.gift.balance')}</th>
                <th scope="col">{t('staff.gift.status')}</th>
                <th scope="col">{t('staff.gift.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {list.isLoading && <SkeletonRows rows={2} columns={4} width="60%" />}
              {(list.data?.items ?? []).map((g) => (
                <tr key={g.id}>
                  <td>
                    <Link to="/staff/gift-cards/$id" params={{ id: g.id }}>
                      {t('staff.gift.endingIn', { last4: g.last4 })}
                    </Link>
                  </td>
                  <td>{money(g.balance)}</td>
                  <td>{t(`staff.gift.status.${g.status}`)}</td>
                  <td>{g.expiresAt ? date(g.expiresAt) : '—'}</td>
                </tr>
              ))}
              {list.data?.items.length === 0 && (
                <tr>
                  <td colSpan={4} className="empty">
                    {t('staff.gift.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function GiftCardPage() {
  const { id } = useParams({ from: '/staff/gift-cards/$id' });
  const card = useQuery(moneyQueries.giftCard(id));
  if (!card.data) return <RecordPending query={card} />;
  return <GiftCardDetails card={card.data} />;
}

function GiftCardDetails({ card }: { card: GiftCardDetail }) {
  const { t, money, date, dateTime } = useI18n();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const title = t('staff.gift.endingIn', { last4: card.last4 });
  const currency = card.balance.currency;
  useTitle(title);
  const [confirming, setConfirming] = useState(false);
  const voiding = useMutation({
    mutationFn: () => moneyApi.voidGiftCard(card.id),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: moneyKeys.giftCards() });
    },
  });
  return (
    <div className="container page">
      <p>
        <Link to="/staff/gift-cards">{t('staff.gift.back')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="money-facts">
        <dt>{t('staff.gift.balance')}</dt>
        <dd data-testid="gift-balance">{money(card.balance)}</dd>
        <dt>{t('staff.gift.initial')}</dt>
        <dd>{money(card.initial)}</dd>
        <dt>{t('staff.gift.channel')}</dt>
        <dd>{t(card.channel === 'till' ? 'staff.gift.atTill' : 'staff.gift.online')}</dd>
        <dt>{t('staff.gift.status')}</dt>
        <dd>{t(`staff.gift.status.${card.status}`)}</dd>
        <dt>{t('staff.gift.expires')}</dt>
        <dd>{card.expiresAt ? date(card.expiresAt) : '—'}</dd>
      </dl>
      <ErrorNotice error={voiding.error} />
      {user?.role === 'admin' && card.status === 'active' && (
        <div className="staff-actions">
          {confirming ? (
            <>
              <span>{t('staff.gift.voidConfirm', { amount: money(card.balance) })}</span>
              <Button variant="danger" busy={voiding.isPending} onClick={() => voiding.mutate()}>
                {t('staff.gift.voidYes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('staff.common.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('staff.gift.voidButton')}
            </Button>
          )}
        </div>
      )}
      <div className="table-scroll">
        <table className="staff-table">
          <caption>{t('staff.gift.ledger')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.gift.when')}</th>
              <th scope="col">{t('staff.gift.entry')}</th>
              <th scope="col">{t('staff.gift.amount')}</th>
              <th scope="col">{t('staff.gift.balanceAfter')}</th>
              <th scope="col">{t('staff.gift.booking')}</th>
            </tr>
          </thead>
          <tbody>
            {card.ledger.map((e, i) => (
              <tr key={i}>
                <td>{dateTime(e.createdAt)}</td>
                <td>{t(`staff.gift.kind.${e.kind}`)}</td>
                <td>{money({ amount: e.amount, currency })}</td>
                <td>{money({ amount: e.balanceAfter, currency })}</td>
                <td className="mono">{e.bookingId ? e.bookingId.slice(0, 8) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
