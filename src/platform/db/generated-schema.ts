// Generated from the migrated database (src/platform/db/migrations) by `npm run db-types` (kysely-codegen): do not edit.

import type { StoredAvatar } from "../../modules/accounts/accounts.tables.ts";
import type { HallLayout, MovieTranslations, ShowtimePrices, StoredImage, TicketPriceMap } from "../../modules/catalog/catalog.tables.ts";
import type { CreditNoteContent, ReceiptContent } from "../../modules/finance/finance.tables.ts";
import type { StoredAttachment } from "../../modules/notifications/notifications.tables.ts";
import type { PaidSeat } from "../../modules/payments/payments.tables.ts";
import type { LocalizedText, PriceMap } from "../../modules/sales/sales.tables.ts";
import type { ColumnType, JSONColumnType } from "kysely";

export type AccountTokensPurpose = "password_reset" | "verify_email";

export type BookingsChannel = "guest" | "till" | "web";

export type BookingsLanguage = "de" | "en" | "fr";

export type BookingsStatus = "cancelled" | "confirmed" | "expired" | "held" | "refunded";

export type ConcessionOffersTaxKind = "default" | "food" | "merchandise";

export type ConcessionOrderLinesTaxKind = "default" | "food" | "merchandise";

export type ConcessionOrdersChannel = "guest" | "till" | "web";

export type ConcessionOrdersStatus = "cancelled" | "held" | "paid" | "refunded";

export type ConcessionProductsKind = "combo" | "item";

export type ConcessionStockMovementsKind = "count" | "delivery" | "write_off";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type GiftCardLedgerKind = "issue" | "redeem" | "refund" | "release" | "void";

export type GiftCardOrdersStatus = "issued" | "paid" | "pending";

export type GiftCardsChannel = "online" | "till";

export type GiftCardsStatus = "active" | "void";

export type HallLayoutSeatsType = "accessible" | "blocked" | "companion" | "standard" | "vip";

export type JobsState = "dead" | "ready" | "running";

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type MoviePeopleRole = "actor" | "composer" | "director" | "producer" | "writer";

export type Numeric = ColumnType<string, number | string, number | string>;

export type PaymentNotificationsKind = "booking_confirmed" | "payment_reversed" | "refund_issued" | "showtime_cancelled";

export type PaymentsOutcome = "confirmed" | "reversed";

export type PaymentsPurpose = "booking" | "concession_order" | "gift_card_order";

export type PaymentsStatus = "failed" | "pending" | "refunded" | "succeeded";

export type PromoCodesKind = "fixed" | "percent";

export type PromoRedemptionsReleaseReason = "expired" | "refunded" | "released" | "removed" | "replaced";

export type ReceiptsSource = "booking" | "concession_order" | "gift_card";

export type RefundsReason = "booking_unavailable" | "customer_cancel" | "food_refund" | "late_success" | "showtime_cancelled";

export type RefundsStatus = "pending" | "succeeded";

export type SeatClaimsState = "blocked" | "held" | "sold";

export type SeatsType = "accessible" | "blocked" | "companion" | "standard" | "vip";

export type SecondFactorChallengesPurpose = "login" | "passkey_register";

export type ShowtimesStatus = "cancelled" | "scheduled";

export type TestProcessorChargesStatus = "failed" | "succeeded";

export type TicketsStatus = "used" | "valid" | "void";

export type TillMovementsKind = "food_refund" | "food_sale" | "gift_card_sale" | "refund" | "sale";

export type TillMovementsMethod = "card_terminal" | "cash";

export type TillSessionsStatus = "closed" | "open";

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type UsersLanguage = "de" | "en" | "fr";

export type UsersRole = "admin" | "customer" | "staff";

export type WaitingRoomsScope = "movie" | "showtime";

export type WaitingRoomsStatus = "ended" | "open" | "paused" | "scheduled";

export type WaitlistEntriesLanguage = "de" | "en" | "fr";

export type WaitlistEntriesStatus = "cancelled" | "claimed" | "expired" | "offered" | "offering" | "waiting";

export type WebhookDeliveriesStatus = "failed" | "pending" | "succeeded";

export type WebhookEndpointsDisabledReason = "failing" | "manual";

export interface AccountTokens {
  created_at: Timestamp;
  expires_at: Timestamp;
  purpose: AccountTokensPurpose;
  token_hash: string;
  used_at: Timestamp | null;
  user_id: string;
}

export interface AppSettings {
  created_at: Generated<Timestamp>;
  key: string;
  value: string;
}

export interface AuditLog {
  action: string;
  actor_email: string | null;
  actor_id: string | null;
  actor_role: string | null;
  after: Json | null;
  at: Generated<Timestamp>;
  before: Json | null;
  cinema_id: string | null;
  client_address: string | null;
  id: Generated<number>;
  object_id: string | null;
  object_type: string;
  request_id: string | null;
  request_key: string | null;
  route: string | null;
}

export interface Bookings {
  channel: Generated<BookingsChannel>;
  closed_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  currency: string;
  discount_amount: Generated<number>;
  expires_at: Timestamp;
  food_amount: Generated<number>;
  gift_card_amount: Generated<number>;
  guest_email: string | null;
  guest_name: string | null;
  hold_extended_at: Timestamp | null;
  id: Generated<string>;
  language: Generated<BookingsLanguage>;
  promo_code: string | null;
  seat_count: number;
  showtime_id: string;
  status: BookingsStatus;
  total_amount: number;
  updated_at: Generated<Timestamp>;
  user_id: string | null;
}

export interface BookingSeats {
  booking_id: string;
  number: number;
  price_amount: number;
  row_label: string;
  seat_id: string;
  seat_type: string;
  showtime_id: string;
  ticket_type: Generated<string>;
}

export interface CinemaPriceLists {
  cinema_id: string;
  currency: string;
  prices: JSONColumnType<TicketPriceMap>;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
}

export interface Cinemas {
  address: Generated<string>;
  city: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  latitude: number | null;
  longitude: number | null;
  name: string;
  timezone: string;
  updated_at: Generated<Timestamp>;
}

export interface CinemaTaxSettings {
  cinema_id: string;
  country: string;
  legal_address: string;
  legal_name: string;
  rate_default: number;
  rate_food: number;
  rate_merchandise: number;
  rate_tickets: number;
  tax_id: string | null;
  updated_at: Timestamp;
}

export interface ConcessionCollections {
  created_at: Timestamp;
  id: string;
  lines: Json;
  order_id: string;
  staff_user_id: string;
}

export interface ConcessionComboChoices {
  slot_id: string;
  surcharge: Generated<number>;
  variant_id: string;
}

export interface ConcessionComboSlots {
  combo_id: string;
  id: string;
  names: Json;
  position: number;
  quantity: Generated<number>;
}

export interface ConcessionOffers {
  cinema_id: string;
  currency: string;
  on_sale: Generated<boolean>;
  price: number;
  tax_kind: ConcessionOffersTaxKind;
  updated_at: Timestamp;
  variant_id: string;
}

export interface ConcessionOrderLines {
  choices: Generated<Json>;
  collected_quantity: Generated<number>;
  id: string;
  name: string;
  order_id: string;
  position: number;
  product_id: string;
  quantity: number;
  refunded_quantity: Generated<number>;
  stock_taken: Generated<Json>;
  tax_kind: ConcessionOrderLinesTaxKind;
  unit_price: number;
  variant_id: string;
}

export interface ConcessionOrders {
  booking_id: string | null;
  channel: ConcessionOrdersChannel;
  cinema_id: string;
  collected_at: Timestamp | null;
  created_at: Timestamp;
  currency: string;
  id: string;
  paid_at: Timestamp | null;
  pickup_code: string;
  staff_user_id: string | null;
  status: ConcessionOrdersStatus;
  till_session_id: string | null;
  total_amount: number;
  updated_at: Timestamp;
  user_id: string | null;
}

export interface ConcessionProducts {
  active: Generated<boolean>;
  allergens: Generated<string[]>;
  category: string;
  created_at: Timestamp;
  descriptions: Generated<Json>;
  dietary: Generated<string[]>;
  id: string;
  image: Json | null;
  kind: ConcessionProductsKind;
  names: Json;
  sort_order: Generated<number>;
  track_stock: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ConcessionStock {
  cinema_id: string;
  on_hand: number;
  updated_at: Timestamp;
  variant_id: string;
}

export interface ConcessionStockMovements {
  cinema_id: string;
  created_at: Timestamp;
  expected: number | null;
  id: string;
  kind: ConcessionStockMovementsKind;
  note: string | null;
  on_hand_after: number;
  quantity: number;
  seq: Generated<number>;
  user_id: string | null;
  variant_id: string;
}

export interface ConcessionVariants {
  active: Generated<boolean>;
  code: string;
  id: string;
  names: Json;
  product_id: string;
  sort_order: Generated<number>;
}

export interface CreditNotes {
  booking_id: string | null;
  cinema_id: string | null;
  concession_order_id: string | null;
  content: JSONColumnType<CreditNoteContent>;
  currency: string;
  gross: number;
  id: string;
  issued_at: Timestamp;
  issued_on: Timestamp;
  net: number;
  number: string;
  receipt_id: string;
  seq: number;
  series: string;
  source_key: string;
  tax: number;
  year: number;
}

export interface DocumentCodes {
  cinema_id: string;
  code: string;
}

export interface DocumentSeries {
  last: number;
  series: string;
  year: number;
}

export interface GiftCardLedger {
  amount: number;
  balance_after: number;
  booking_id: string | null;
  created_at: Timestamp;
  created_by: string | null;
  event_id: string | null;
  gift_card_id: string;
  id: string;
  kind: GiftCardLedgerKind;
  seq: Generated<number>;
  till_session_id: string | null;
}

export interface GiftCardOrders {
  amount: number;
  buyer_email: string | null;
  buyer_user_id: string | null;
  created_at: Timestamp;
  currency: string;
  id: string;
  message: string | null;
  paid_at: Timestamp | null;
  payment_id: string | null;
  recipient_email: string;
  recipient_name: string | null;
  status: GiftCardOrdersStatus;
}

export interface GiftCardPayouts {
  amount: number;
  booking_id: string;
  created_at: Timestamp;
  currency: string;
  gift_card_id: string;
  id: string;
  paid_at: Timestamp | null;
  paid_by: string | null;
}

export interface GiftCards {
  balance: number;
  channel: GiftCardsChannel;
  cinema_id: string | null;
  code_hash: string;
  code_sealed: string | null;
  created_at: Timestamp;
  currency: string;
  expires_at: Timestamp | null;
  id: string;
  initial_amount: number;
  last4: string;
  lookup: string;
  message: string | null;
  order_id: string | null;
  recipient_email: string | null;
  recipient_name: string | null;
  status: GiftCardsStatus;
  till_session_id: string | null;
  voided_at: Timestamp | null;
}

export interface GuestBookingTokens {
  booking_id: string;
  created_at: Timestamp;
  token_hash: Buffer;
}

export interface HallLayouts {
  capacity: number;
  hall_id: string;
  id: Generated<string>;
  layout: JSONColumnType<HallLayout>;
  superseded_at: Generated<Timestamp>;
}

export interface HallLayoutSeats {
  layout_id: string;
  row_index: number;
  seat_id: string;
  type: HallLayoutSeatsType;
  x: Numeric;
  y: Numeric;
}

export interface HallPriceDefaults {
  currency: string;
  hall_id: string;
  prices: JSONColumnType<PriceMap>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface Halls {
  capacity: number;
  cinema_id: string;
  cleaning_minutes: Generated<number>;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  layout: JSONColumnType<HallLayout>;
  name: string;
  no_single_gaps: Generated<boolean>;
  seats_version: Generated<number>;
  updated_at: Generated<Timestamp>;
}

export interface IdempotencyKeys {
  created_at: Generated<Timestamp>;
  idempotency_key: string;
  lease_id: string | null;
  lease_until: Timestamp | null;
  request_hash: string;
  response_body: string | null;
  response_headers: JSONColumnType<Record<string, string>> | null;
  status_code: number | null;
  user_key: string;
}

export interface Jobs {
  attempts: Generated<number>;
  claims: Generated<number>;
  created_at: Timestamp;
  dead_at: Timestamp | null;
  id: Generated<string>;
  key: string | null;
  last_error: string | null;
  locked_until: Timestamp | null;
  max_attempts: number;
  payload: JSONColumnType<Record<string, unknown>>;
  queue: string;
  run_at: Timestamp;
  seq: Generated<number>;
  state: Generated<JobsState>;
  updated_at: Timestamp;
}

export interface LoginDevices {
  created_at: Timestamp;
  device_hash: string;
  last_used_at: Timestamp;
  user_id: string;
}

export interface MailOutbox {
  attachments: Generated<JSONColumnType<StoredAttachment[]>>;
  attempts: Generated<number>;
  created_at: Timestamp;
  failed_at: Timestamp | null;
  html_body: string;
  id: Generated<string>;
  key: string | null;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  recipient: string;
  sent_at: Timestamp | null;
  subject: string;
  text_body: string;
  transport: string | null;
  user_id: string | null;
}

export interface MoviePeople {
  movie_id: string;
  person_id: string;
  position: Generated<number>;
  role: MoviePeopleRole;
}

export interface Movies {
  age_rating: string | null;
  backdrop: JSONColumnType<StoredImage> | null;
  cast_names: Generated<string[]>;
  countries: Generated<string[]>;
  created_at: Generated<Timestamp>;
  director: string | null;
  duration_minutes: number;
  genres: Generated<string[]>;
  id: Generated<string>;
  language: string | null;
  original_title: string | null;
  poster: JSONColumnType<StoredImage> | null;
  release_date: Timestamp | null;
  search_text: ColumnType<string | null, never, never>;
  search_tsv: ColumnType<string | null, never, never>;
  synopsis: Generated<string>;
  title: string;
  title_search: ColumnType<string | null, never, never>;
  translations: Generated<JSONColumnType<MovieTranslations>>;
  updated_at: Generated<Timestamp>;
}

export interface OutboxEvents {
  aggregate_id: string;
  attempts: Generated<number>;
  claimed_until: Timestamp | null;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  payload: JSONColumnType<Record<string, unknown>>;
  published_at: Timestamp | null;
  seq: Generated<number>;
  type: string;
}

export interface Passkeys {
  counter: Generated<number>;
  created_at: Timestamp;
  credential_id: string;
  id: Generated<string>;
  last_used_at: Timestamp | null;
  name: string;
  public_key: Buffer;
  transports: Generated<string[]>;
  user_id: string;
}

export interface PasswordResetRequests {
  requested_at: Timestamp;
  user_id: string;
}

export interface PaymentNotifications {
  attempts: Generated<number>;
  booking_id: string;
  created_at: Timestamp;
  id: string;
  kind: PaymentNotificationsKind;
  last_error: string | null;
  next_attempt_at: Timestamp;
  refund_id: string | null;
  sent_at: Timestamp | null;
}

export interface Payments {
  amount: number;
  booking_id: string | null;
  card_last4: string | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  currency: string;
  failure_code: string | null;
  failure_message: string | null;
  id: string;
  idempotency_key: string | null;
  order_id: string | null;
  outcome: PaymentsOutcome | null;
  provider: string;
  provider_payment_id: string | null;
  purpose: Generated<PaymentsPurpose>;
  refunded_amount: Generated<number>;
  request_hash: string;
  seats: Generated<JSONColumnType<PaidSeat[]>>;
  showtime_id: string | null;
  status: PaymentsStatus;
  updated_at: Timestamp;
  user_id: string | null;
}

export interface People {
  bio: Generated<string>;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  name: string;
  photo: JSONColumnType<StoredImage> | null;
  updated_at: Generated<Timestamp>;
}

export interface ProcessedEvents {
  consumer: string;
  event_id: string;
  processed_at: Timestamp;
}

export interface PromoCodes {
  active: Generated<boolean>;
  amount: number | null;
  created_at: Generated<Timestamp>;
  currency: string | null;
  generated_count: Generated<number>;
  id: Generated<string>;
  kind: PromoCodesKind;
  max_uses: number | null;
  max_uses_per_customer: number | null;
  name: string;
  percent: number | null;
  scope: Generated<Json>;
  updated_at: Generated<Timestamp>;
  uses: Generated<number>;
  valid_from: Timestamp | null;
  valid_until: Timestamp | null;
}

export interface PromoCodeValues {
  code: string;
  promo_id: string;
  single_use: boolean;
  uses: Generated<number>;
}

export interface PromoRedemptions {
  amount: number;
  booking_id: string;
  code: string;
  created_at: Timestamp;
  currency: string;
  customer: string;
  id: Generated<string>;
  promo_id: string;
  release_reason: PromoRedemptionsReleaseReason | null;
  released_at: Timestamp | null;
}

export interface Receipts {
  booking_id: string | null;
  cinema_id: string | null;
  concession_order_id: string | null;
  content: JSONColumnType<ReceiptContent>;
  currency: string;
  gift_card_id: string | null;
  gross: number;
  id: string;
  issued_at: Timestamp;
  issued_on: Timestamp;
  net: number;
  number: string;
  seq: number;
  series: string;
  source: ReceiptsSource;
  tax: number;
  year: number;
}

export interface RecoveryCodes {
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
  user_id: string;
}

export interface Refunds {
  amount: number;
  attempts: Generated<number>;
  booking_id: string | null;
  completed_at: Timestamp | null;
  concession_order_id: string | null;
  created_at: Timestamp;
  currency: string;
  food_amount: Generated<number>;
  food_lines: Generated<Json>;
  gift_card_amount: Generated<number>;
  id: string;
  last_error: string | null;
  next_attempt_at: Timestamp;
  payment_id: string;
  provider_refund_id: string | null;
  reason: RefundsReason;
  status: RefundsStatus;
  ticket_ids: Generated<string[]>;
}

export interface SchemaMigrations {
  applied_at: Generated<Timestamp>;
  name: string;
}

export interface SearchWords {
  word: string;
}

export interface SeatClaims {
  block_reason: string | null;
  blocked_at: Timestamp | null;
  blocked_by: string | null;
  booking_id: string | null;
  expires_at: Timestamp | null;
  seat_id: string;
  showtime_id: string;
  state: SeatClaimsState;
}

export interface Seats {
  active: Generated<boolean>;
  hall_id: string;
  id: Generated<string>;
  number: number;
  row_index: number;
  row_label: string;
  type: SeatsType;
  x: Numeric;
  y: Numeric;
}

export interface SecondFactorChallenges {
  created_at: Timestamp;
  expires_at: Timestamp;
  purpose: SecondFactorChallengesPurpose;
  token_hash: string;
  user_id: string | null;
  webauthn_challenge: string | null;
}

export interface Sessions {
  created_at: Generated<Timestamp>;
  enrolment_only: Generated<boolean>;
  expires_at: Timestamp;
  id: Generated<string>;
  ip: string | null;
  last_seen_at: Generated<Timestamp>;
  max_expires_at: Timestamp;
  revoked_at: Timestamp | null;
  token_hash: string;
  user_agent: string | null;
  user_id: string;
}

export interface ShowtimeRefundRuns {
  completed_at: Timestamp | null;
  last_error: string | null;
  next_attempt_at: Timestamp;
  refunded_bookings: Generated<number>;
  requested_at: Timestamp;
  showtime_id: string;
}

export interface Showtimes {
  cinema_id: string;
  created_at: Generated<Timestamp>;
  currency: string;
  ends_at: Timestamp;
  format: Generated<string>;
  hall_id: string;
  id: Generated<string>;
  language: string | null;
  layout_id: string | null;
  moved_at: Timestamp | null;
  movie_id: string;
  prices: JSONColumnType<ShowtimePrices>;
  starts_at: Timestamp;
  status: Generated<ShowtimesStatus>;
  subtitles: string | null;
  ticket_prices: Generated<JSONColumnType<TicketPriceMap>>;
  updated_at: Generated<Timestamp>;
}

export interface TestProcessorCharges {
  amount: number;
  card_last4: string;
  created_at: Timestamp;
  currency: string;
  failure_code: string | null;
  id: string;
  reference: string;
  refunded_amount: Generated<number>;
  status: TestProcessorChargesStatus;
}

export interface TestProcessorRefunds {
  amount: number;
  charge_id: string;
  created_at: Timestamp;
  id: string;
  reference: string;
}

export interface TestProcessorWebhooks {
  attempts: Generated<number>;
  body: string;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  id: string;
  last_status: number | null;
  next_attempt_at: Timestamp;
}

export interface Tickets {
  booking_id: string;
  checked_in_at: Timestamp | null;
  checked_in_by: string | null;
  code: string;
  currency: string;
  id: string;
  issued_at: Timestamp;
  payment_id: string;
  price_amount: number;
  row_label: string;
  seat_id: string;
  seat_number: number;
  seat_type: string;
  showtime_id: string;
  status: TicketsStatus;
  ticket_type: Generated<string>;
  user_id: string | null;
  voided_at: Timestamp | null;
}

export interface TicketTypes {
  active: Generated<boolean>;
  cinema_id: string;
  code: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  is_default: Generated<boolean>;
  max_age: number | null;
  min_age: number | null;
  names: JSONColumnType<LocalizedText>;
  rule: JSONColumnType<LocalizedText> | null;
  sort_order: Generated<number>;
  updated_at: Generated<Timestamp>;
}

export interface TillMovements {
  amount: number;
  booking_id: string | null;
  concession_order_id: string | null;
  created_at: Timestamp;
  created_by: string;
  currency: string;
  email: string | null;
  gift_card_amount: Generated<number>;
  gift_card_id: string | null;
  id: string;
  kind: TillMovementsKind;
  lines: Generated<Json>;
  method: TillMovementsMethod;
  payment_id: string | null;
  refund_id: string | null;
  seq: Generated<number>;
  session_id: string;
  showtime_id: string | null;
  tendered: number | null;
}

export interface Tills {
  cinema_id: string;
  created_at: Timestamp;
  currency: string;
  id: string;
  name: string;
}

export interface TillSessions {
  closed_at: Timestamp | null;
  counted_cash: number | null;
  expected_cash: number | null;
  float_amount: number;
  id: string;
  opened_at: Timestamp;
  staff_id: string;
  status: TillSessionsStatus;
  till_id: string;
}

export interface TotpFactors {
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
  last_step: Generated<number>;
  secret_enc: string;
  user_id: string;
}

export interface Users {
  avatar: JSONColumnType<StoredAvatar> | null;
  created_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
  email: string | null;
  email_verified: Generated<boolean>;
  id: Generated<string>;
  language: Generated<UsersLanguage>;
  name: Generated<string>;
  password_hash: string | null;
  phone: string | null;
  role: Generated<UsersRole>;
  updated_at: Generated<Timestamp>;
}

export interface WaitingRoomHolds {
  booking_id: string;
  created_at: Timestamp;
  room_id: string;
  visit_id: string;
}

export interface WaitingRooms {
  admission_minutes: number;
  admissions_per_minute: number;
  admitted_through: Generated<number>;
  admitted_until: Timestamp | null;
  created_at: Timestamp;
  ended_at: Timestamp | null;
  id: string;
  last_place: Generated<number>;
  movie_id: string | null;
  on_sale_at: Timestamp;
  opened_at: Timestamp | null;
  scope: WaitingRoomsScope;
  showtime_id: string | null;
  status: WaitingRoomsStatus;
  updated_at: Timestamp;
}

export interface WaitingRoomVisits {
  admitted_at: Timestamp | null;
  device_id: string | null;
  draw_key: Buffer | null;
  holds_freed: Generated<number>;
  id: string;
  identity: string;
  joined_at: Timestamp;
  place: number | null;
  room_id: string;
  showtime_id: string;
}

export interface WaitlistEntries {
  booking_id: string | null;
  created_at: Timestamp;
  guest_email: string | null;
  guest_name: string | null;
  guest_token_hash: Buffer | null;
  id: string;
  language: Generated<WaitlistEntriesLanguage>;
  offer_expires_at: Timestamp | null;
  offering_until: Timestamp | null;
  seats: number;
  seq: Generated<number>;
  showtime_id: string;
  status: WaitlistEntriesStatus;
  updated_at: Timestamp;
  user_id: string | null;
}

export interface WalletPasses {
  created_at: Timestamp;
  serial_number: string;
  showtime_id: string;
  updated_at: Timestamp;
}

export interface WalletRegistrations {
  created_at: Timestamp;
  device_library_id: string;
  pass_type_id: string;
  push_token: string;
  serial_number: string;
}

export interface WebhookAttempts {
  attempt: number;
  delivery_id: string;
  duration_ms: number;
  error: string | null;
  id: string;
  manual: Generated<boolean>;
  response_excerpt: string | null;
  started_at: Timestamp;
  status_code: number | null;
  succeeded: boolean;
}

export interface WebhookDeliveries {
  attempts: Generated<number>;
  body: string;
  created_at: Timestamp;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  id: string;
  last_error: string | null;
  last_status_code: number | null;
  next_attempt_at: Timestamp | null;
  status: WebhookDeliveriesStatus;
  updated_at: Timestamp;
}

export interface WebhookEndpoints {
  consecutive_failures: Generated<number>;
  created_at: Timestamp;
  description: Generated<string>;
  disabled_at: Timestamp | null;
  disabled_reason: WebhookEndpointsDisabledReason | null;
  enabled: Generated<boolean>;
  event_types: string[];
  failing_since: Timestamp | null;
  id: string;
  secret: string;
  updated_at: Timestamp;
  url: string;
}

export interface WebhookEvents {
  event_id: string;
  payload: JSONColumnType<Record<string, unknown>>;
  provider: string;
  received_at: Timestamp;
  type: string;
}

export interface DB {
  account_tokens: AccountTokens;
  app_settings: AppSettings;
  audit_log: AuditLog;
  booking_seats: BookingSeats;
  bookings: Bookings;
  cinema_price_lists: CinemaPriceLists;
  cinema_tax_settings: CinemaTaxSettings;
  cinemas: Cinemas;
  concession_collections: ConcessionCollections;
  concession_combo_choices: ConcessionComboChoices;
  concession_combo_slots: ConcessionComboSlots;
  concession_offers: ConcessionOffers;
  concession_order_lines: ConcessionOrderLines;
  concession_orders: ConcessionOrders;
  concession_products: ConcessionProducts;
  concession_stock: ConcessionStock;
  concession_stock_movements: ConcessionStockMovements;
  concession_variants: ConcessionVariants;
  credit_notes: CreditNotes;
  document_codes: DocumentCodes;
  document_series: DocumentSeries;
  gift_card_ledger: GiftCardLedger;
  gift_card_orders: GiftCardOrders;
  gift_card_payouts: GiftCardPayouts;
  gift_cards: GiftCards;
  guest_booking_tokens: GuestBookingTokens;
  hall_layout_seats: HallLayoutSeats;
  hall_layouts: HallLayouts;
  hall_price_defaults: HallPriceDefaults;
  halls: Halls;
  idempotency_keys: IdempotencyKeys;
  jobs: Jobs;
  login_devices: LoginDevices;
  mail_outbox: MailOutbox;
  movie_people: MoviePeople;
  movies: Movies;
  outbox_events: OutboxEvents;
  passkeys: Passkeys;
  password_reset_requests: PasswordResetRequests;
  payment_notifications: PaymentNotifications;
  payments: Payments;
  people: People;
  processed_events: ProcessedEvents;
  promo_code_values: PromoCodeValues;
  promo_codes: PromoCodes;
  promo_redemptions: PromoRedemptions;
  receipts: Receipts;
  recovery_codes: RecoveryCodes;
  refunds: Refunds;
  schema_migrations: SchemaMigrations;
  search_words: SearchWords;
  seat_claims: SeatClaims;
  seats: Seats;
  second_factor_challenges: SecondFactorChallenges;
  sessions: Sessions;
  showtime_refund_runs: ShowtimeRefundRuns;
  showtimes: Showtimes;
  test_processor_charges: TestProcessorCharges;
  test_processor_refunds: TestProcessorRefunds;
  test_processor_webhooks: TestProcessorWebhooks;
  ticket_types: TicketTypes;
  tickets: Tickets;
  till_movements: TillMovements;
  till_sessions: TillSessions;
  tills: Tills;
  totp_factors: TotpFactors;
  users: Users;
  waiting_room_holds: WaitingRoomHolds;
  waiting_room_visits: WaitingRoomVisits;
  waiting_rooms: WaitingRooms;
  waitlist_entries: WaitlistEntries;
  wallet_passes: WalletPasses;
  wallet_registrations: WalletRegistrations;
  webhook_attempts: WebhookAttempts;
  webhook_deliveries: WebhookDeliveries;
  webhook_endpoints: WebhookEndpoints;
  webhook_events: WebhookEvents;
}
