// Stock at a cinema (staff): what is on hand of each counted product size, receiving a delivery,
// counting the shelf (the differences against what the system expected are shown at once and
// kept in the movements), and the movements with who and when.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/http.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice, SkeletonRows } from '../common.tsx';
import { useCinemas } from '../use-cinemas.ts';
import { type CountAnswer, foodApi, foodKeys, foodQueries, type StockLevel } from './food-api.ts';
import { StockMovements } from './StockMovements.tsx';
import './food.css';

type Mode = 'delivery' | 'count';

export function StockPage() {
  const { t, dateTime } = useI18n();
  useTitle(t('staff.nav.stock'));
  const client = useQueryClient();
  const { cinemas, current, setCinemaId } = useCinemas();
  const cinemaId = current?.id ?? '';
  const stock = useQuery({ ...foodQueries.stock(cinemaId), enabled: !!current });
  const products = useQuery(foodQueries.products());
  const [mode, setMode] = useState<Mode>('delivery');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [result, setResult] = useState<CountAnswer | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One idempotency key per submission: a retry of the same form keeps it, a changed form or a
  // success starts a new one (the server refuses a reused key with another body).
  const submission = useRef<{ body: string; key: string } | null>(null);

  // Every size of a counted product, on hand 0 when the cinema has none yet.
  const levels: StockLevel[] = [...(stock.data?.items ?? [])];
  for (const p of products.data?.items ?? [])
    if (p.trackStock && p.active)
      for (const v of p.variants)
        if (v.active && !levels.some((l) => l.variantId === v.id))
          levels.push({
            productId: p.id,
            variantId: v.id,
            name: p.name,
            variantName: v.name,
            onHand: 0,
            updatedAt: '',
          });
  const nameOf = (variantId: string) => {
    const l = levels.find((x) => x.variantId === variantId);
    return l ? `${l.name} · ${l.variantName}` : variantId;
  };
  const numbers = Object.entries(typed)
    .filter(([, v]) => v.trim() !== '')
    .map(([variantId, v]) => ({ variantId, n: Number(v) }));
  const bad = numbers.some(({ n }) => !Number.isInteger(n) || n < 0 || (mode === 'delivery' && n === 0));

  function switchTo(next: Mode) {
    setMode(next);
    setTyped({});
    setResult(null);
    setDone(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (bad || numbers.length === 0) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setResult(null);
    const body = JSON.stringify([cinemaId, mode, numbers, note.trim()]);
    if (submission.current?.body !== body) submission.current = { body, key: newIdempotencyKey() };
    const key = submission.current.key;
    try {
      if (mode === 'delivery') {
        await foodApi.receive(
          cinemaId,
          numbers.map(({ variantId, n }) => ({ variantId, quantity: n })),
          note.trim(),
          key,
        );
        setDone(t('staff.food.stock.received', { count: numbers.length }));
      } else {
        setResult(
          await foodApi.count(
            cinemaId,
            numbers.map(({ variantId, n }) => ({ variantId, counted: n })),
            note.trim(),
            key,
          ),
        );
      }
      submission.current = null;
      setTyped({});
      setNote('');
      await client.invalidateQueries({ queryKey: foodKeys.stock(cinemaId) });
      await client.invalidateQueries({ queryKey: [...foodKeys.all(), 'movements', cinemaId] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container page">
      <h1>{t('staff.nav.stock')}</h1>
      <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
      <div className="staff-actions food-tabs" role="group" aria-label={t('staff.food.stock.mode')}>
        <Button
          variant={mode === 'delivery' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'delivery'}
          onClick={() => switchTo('delivery')}
        >
          {t('staff.food.stock.receive')}
        </Button>{' '}
        <Button
          variant={mode === 'count' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'count'}
          onClick={() => switchTo('count')}
        >
          {t('staff.food.stock.count')}
        </Button>
      </div>
      <ErrorNotice error={stock.error} />
      <form onSubmit={(e) => void submit(e)}>
        <table className="staff-table">
          <caption>{t('staff.food.stock.levels')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.food.stock.product')}</th>
              <th scope="col">{t('staff.food.stock.onHand')}</th>
              <th scope="col">{t('staff.food.stock.updated')}</th>
              <th scope="col">
                {t(mode === 'delivery' ? 'staff.food.stock.receivedCol' : 'staff.food.stock.countedCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stock.isLoading && <SkeletonRows rows={3} columns={4} width="50%" />}
            {levels.map((l) => (
              <tr key={l.variantId}>
                <td>
                  {l.name} · {l.variantName}
                </td>
                <td data-testid="stock-on-hand">{l.onHand}</td>
                <td>{l.updatedAt ? dateTime(l.updatedAt) : '—'}</td>
                <td>
                  <input
                    className="food-qty-input"
                    type="number"
                    min={mode === 'delivery' ? 1 : 0}
                    step={1}
                    aria-label={t(mode === 'delivery' ? 'staff.food.stock.receivedOf' : 'staff.food.stock.countedOf', {
                      name: `${l.name} ${l.variantName}`,
                    })}
                    value={typed[l.variantId] ?? ''}
                    onChange={(e) => setTyped((x) => ({ ...x, [l.variantId]: e.target.value }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {stock.data && levels.length === 0 && <p className="empty">{t('staff.food.stock.none')}</p>}
        <Field
          label={t('staff.food.stock.note')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
        {bad && <p className="field-error">{t('staff.food.stock.badNumber')}</p>}
        <ErrorNotice error={error} />
        <Button type="submit" busy={busy} disabled={bad || numbers.length === 0}>
          {t(mode === 'delivery' ? 'staff.food.stock.saveDelivery' : 'staff.food.stock.saveCount')}
        </Button>
      </form>
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      {result && (
        <table className="staff-table" role="table">
          <caption>{t('staff.food.stock.differences')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.food.stock.product')}</th>
              <th scope="col">{t('staff.food.stock.expected')}</th>
              <th scope="col">{t('staff.food.stock.countedCol')}</th>
              <th scope="col">{t('staff.food.stock.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((l) => (
              <tr key={l.variantId}>
                <td>{nameOf(l.variantId)}</td>
                <td>{l.expected}</td>
                <td>{l.counted}</td>
                <td className={l.difference < 0 ? 'food-diff-minus' : l.difference > 0 ? 'food-diff-plus' : ''}>
                  {l.difference > 0 ? `+${l.difference}` : l.difference}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && <StockMovements cinemaId={cinemaId} nameOf={nameOf} />}
    </div>
  );
}
