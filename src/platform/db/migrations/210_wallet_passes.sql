-- Issue 20: wallet passes (wallet module). An Apple Wallet pass is one per ticket, its serial number
-- the ticket's id; its row is made when the pass is first handed out, and updated_at is what the
-- PassKit web service reports as the pass's last change (a showtime moved or the ticket cancelled
-- bumps it). The pass itself is drawn afresh from the ticket and showtime on every download.
create table wallet_passes (
  serial_number uuid primary key references tickets (id) on delete cascade,
  showtime_id uuid not null references showtimes (id) on delete cascade,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- A move bumps every pass of the showtime.
create index wallet_passes_showtime on wallet_passes (showtime_id);

-- A device (its library id, chosen by the phone) that asked to hear about a pass, and the APNs push
-- token it gave. Several devices may hold one pass, and one device many passes.
create table wallet_registrations (
  device_library_id text not null check (length(device_library_id) between 1 and 200),
  pass_type_id text not null,
  serial_number uuid not null references wallet_passes (serial_number) on delete cascade,
  push_token text not null check (length(push_token) between 1 and 200),
  created_at timestamptz not null,
  primary key (device_library_id, pass_type_id, serial_number)
);
-- Whom to push when a pass changes.
create index wallet_registrations_serial on wallet_registrations (serial_number);
