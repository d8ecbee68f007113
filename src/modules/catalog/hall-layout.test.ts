import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { checkLayout } from './hall-layout.ts';

const seat = (number: number, type: 'standard' | 'vip' | 'blocked' = 'standard', x = number) => ({ number, type, x });

function problems(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'validation_failed');
    return err.extra.errors as { path: string; message: string }[];
  }
  assert.fail('expected a validation failure');
}

test('a layout yields seats with positions and a capacity without blocked seats', () => {
  const checked = checkLayout({
    rows: [
      { label: 'A', seats: [seat(1), seat(2, 'blocked')] },
      { label: 'B', y: 3, seats: [{ ...seat(1, 'vip'), y: 3.4 }] },
    ],
  });
  assert.equal(checked.capacity, 2);
  assert.deepEqual(checked.seatTypes, ['standard', 'vip']);
  assert.deepEqual(checked.seats[2], { rowLabel: 'B', number: 1, type: 'vip', x: 1, y: 3.4, rowIndex: 1 });
  assert.equal(checked.seats[0]?.y, 0);
});

test('row labels are unique', () => {
  const errs = problems(() =>
    checkLayout({
      rows: [
        { label: 'A', seats: [seat(1)] },
        { label: 'A ', seats: [seat(1)] },
      ],
    }),
  );
  assert.equal(errs[0]?.path, '/layout/rows/1/label');
});

test('seat numbers are unique within a row but may repeat across rows', () => {
  const errs = problems(() => checkLayout({ rows: [{ label: 'A', seats: [seat(1), seat(1)] }] }));
  assert.equal(errs[0]?.path, '/layout/rows/0/seats/1/number');
  assert.equal(
    checkLayout({
      rows: [
        { label: 'A', seats: [seat(1)] },
        { label: 'B', seats: [seat(1)] },
      ],
    }).seats.length,
    2,
  );
});

test('a hall has 1 to 1000 seats and something sellable', () => {
  problems(() => checkLayout({ rows: [{ label: 'A', seats: [] }] }));
  problems(() => checkLayout({ rows: [{ label: 'A', seats: [seat(1, 'blocked')] }] }));
  const big = Array.from({ length: 11 }, (_, r) => ({
    label: `R${r}`,
    seats: Array.from({ length: 91 }, (_, i) => seat(i + 1)),
  }));
  problems(() => checkLayout({ rows: big }));
  assert.equal(checkLayout({ rows: big.slice(0, 10).concat([{ label: 'X', seats: [seat(1)] }]) }).capacity, 911);
});
