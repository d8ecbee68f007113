-- booking_hold (041) decided one hold per call; booking_hold_batch (071, 078) replaced it and nothing
-- has called it since. Dropped so the seat rule has one SQL home to read and keep right. The
-- seat_change_seq sequence created with it stays: booking_hold_batch numbers seat changes from it.
drop function booking_hold(
  uuid, uuid, uuid, timestamptz, timestamptz,
  uuid[], text[], int[], text[], int[],
  int, uuid[], uuid[], jsonb
);
