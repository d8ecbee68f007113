// The box office counter at /staff/till: open a till with a float, sell (TillSell.tsx), sell gift
// cards (TillGiftCardSale.tsx), pay a till sale back in cash, close with the counted cash and see
// the close report. Admins also see every till's history.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { toMinor } from '../schedule/prices.ts';
import { useCinemas } from '../use-cinemas.ts';
import { tillApi, tillKeys, tillQueries, type TillSession } from './till-api.ts';
import { TillReport } from './TillReport.tsx';
import { TillGiftCardSale } from './TillGiftCardSale.tsx';
import { TillSell } from './TillSell.tsx';
import { FoodRefundButton, TillFoodSale } from '../food/TillFood.tsx';

const KIND_KEYS = {
  sale: 'staff.till.kindSale',
  refund: 'staff.till.kindRefund',
  gift_card_sale: 'staff.till.kindGiftCardSale',
  food_sale: 'staff.food.till.kindFoodSale',
  food_refund: 'staff.food.till.kindFoodRefund',
} as const satisfies Record<TillSession['movements'][number]['kind'] | 'food_sale' | 'food_refund', MessageKey>;

export function TillPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.till'));
  const { user } = useSession();
  const open = useQuery(tillQueries.openSessions());
  const mine = open.data?.items.find((s) => s.staffId === user?.id);
  const [closed, setClosed] = useState<TillSession | null>(null);
  return (
    <div className="container page till-page">
      <h1>{t('staff.nav.till')}</h1>
      {open.error != null && <ErrorNotice error={open.error} />}
      {closed && <TillReport report={closed.report} caption={t('staff.till.closeReport', { till: closed.tillName })} />}
      {open.isSuccess && !mine && <OpenTill />}
      {mine && <OpenSession id={mine.id} onClosed={setClosed} />}
      {user?.role === 'admin' && <History />}
    </div>
  );
}

function OpenTill() {
  const { t } = useI18n();
  const client = useQueryClient();
  const { user } = useSession();
  const { cinemas, current, setCinemaId } = useCinemas();
  const tills = useQuery({ ...tillQueries.tills(current?.id ?? ''), enabled: !!current });
  const [tillId, setTillId] = useState('');
  const [float, setFloat] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const chosen = tillId || tills.data?.items[0]?.id || '';
  const currency = tills.data?.items.find((x) => x.id === chosen)?.currency ?? 'EUR';
  const floatMinor = toMinor(float, currency);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || floatMinor === null) return;
    setError(null);
    try {
      await tillApi.open(chosen, floatMinor);
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    }
  }
  async function create() {
    if (!current || !name.trim()) return;
    setError(null);
    try {
      const till = await tillApi.createTill(current.id, name.trim());
      setName('');
      setTillId(till.id);
      await client.invalidateQueries({ queryKey: tillKeys.tills(current.id) });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="till-open-title">
      <h2 id="till-open-title">{t('staff.till.open')}</h2>
      <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
      {error != null && <ErrorNotice error={error} />}
      <form onSubmit={(e) => void submit(e)}>
        <SelectField label={t('staff.till.till')} value={chosen} onChange={(e) => setTillId(e.target.value)}>
          {(tills.data?.items ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('staff.till.float')}
          inputMode="decimal"
          value={float}
          onChange={(e) => setFloat(e.target.value)}
          error={float && floatMinor === null ? t('staff.till.badAmount') : null}
        />
        <Button type="submit" disabled={!chosen || floatMinor === null}>
          {t('staff.till.openButton')}
        </Button>
      </form>
      {user?.role === 'admin' && (
        <div className="till-new">
          <Field label={t('staff.till.newTill')} value={name} onChange={(e) => setName(e.target.value)} />
          <Button variant="secondary" onClick={() => void create()} disabled={!name.trim()}>
            {t('staff.till.createTill')}
          </Button>
        </div>
      )}
    </section>
  );
}

function OpenSession({ id, onClosed }: { id: string; onClosed(s: TillSession): void }) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const session = useQuery(tillQueries.session(id));
  const [counted, setCounted] = useState('');
  const [error, setError] = useState<unknown>(null);
  const s = session.data;
  if (!s) return session.error != null ? <ErrorNotice error={session.error} /> : null;
  const countedMinor = toMinor(counted, s.report.float.currency);
  const refunded = new Set(s.movements.filter((m) => m.kind === 'refund').map((m) => m.bookingId));
  const foodRefunded = new Set(s.movements.filter((m) => m.kind === 'food_refund').map((m) => m.concessionOrderId));

  async function refund(bookingId: string) {
    setError(null);
    try {
      await tillApi.refund(id, bookingId);
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    }
  }
  async function close(e: FormEvent) {
    e.preventDefault();
    if (countedMinor === null) return;
    setError(null);
    try {
      const done = await tillApi.close(id, countedMinor);
      onClosed({ ...done, movements: [] });
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <p>{t('staff.till.openOn', { till: s.tillName })}</p>
      <TillReport report={s.report} caption={t('staff.till.liveReport')} />
      <TillSell session={s} />
      <TillFoodSale session={s} />
      <TillGiftCardSale session={s} />
      {error != null && <ErrorNotice error={error} />}
      {s.movements.length > 0 && (
        <table className="table">
          <caption>{t('staff.till.ledger')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.till.kind')}</th>
              <th scope="col">{t('staff.till.method')}</th>
              <th scope="col">{t('staff.till.amount')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('staff.till.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.movements.map((m) => (
              <tr key={m.id}>
                <td>{t(KIND_KEYS[m.kind])}</td>
                <td>{t(m.method === 'cash' ? 'staff.till.cash' : 'staff.till.cardTerminal')}</td>
                <td>{money(m.amount)}</td>
                <td>
                  {m.kind !== 'refund' && m.kind !== 'food_refund' && (
                    <>
                      <a href={tillApi.receiptUrl(m.id)} target="_blank" rel="noreferrer">
                        {t('staff.till.printReceipt')}
                      </a>{' '}
                      {m.bookingId && !refunded.has(m.bookingId) && (
                        <Button variant="ghost" onClick={() => m.bookingId && void refund(m.bookingId)}>
                          {t('staff.till.refund')}
                        </Button>
                      )}
                      {m.kind === 'food_sale' && m.concessionOrderId && !foodRefunded.has(m.concessionOrderId) && (
                        // Food sold alone at this till, paid back from the drawer (what is not yet collected).
                        <FoodRefundButton
                          sessionId={id}
                          orderId={m.concessionOrderId}
                          amount={m.amount}
                          onError={setError}
                        />
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="panel" onSubmit={(e) => void close(e)} aria-labelledby="till-close-title">
        <h2 id="till-close-title">{t('staff.till.close')}</h2>
        <Field
          label={t('staff.till.countedCash')}
          inputMode="decimal"
          value={counted}
          onChange={(e) => setCounted(e.target.value)}
          error={counted && countedMinor === null ? t('staff.till.badAmount') : null}
        />
        <Button type="submit" variant="danger" disabled={countedMinor === null}>
          {t('staff.till.closeButton')}
        </Button>
      </form>
    </>
  );
}

function History() {
  const { t, money, dateTime } = useI18n();
  const history = useQuery(tillQueries.history());
  const items = history.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <table className="table">
      <caption>{t('staff.till.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.till.till')}</th>
          <th scope="col">{t('staff.till.opened')}</th>
          <th scope="col">{t('staff.till.expectedCash')}</th>
          <th scope="col">{t('staff.till.countedCash')}</th>
          <th scope="col">{t('staff.till.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td>{s.tillName}</td>
            <td>{dateTime(s.openedAt)}</td>
            <td>{money(s.report.expectedCash)}</td>
            <td>{s.report.countedCash ? money(s.report.countedCash) : t('staff.till.stillOpen')}</td>
            <td>{s.report.difference ? money(s.report.difference) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
