-- Issue 17: what a food order line took from stock, per unit ([{variantId, quantity}]: the item and
-- a combo's choices that counted stock when it was sold). Releases and refunds give back exactly
-- this, so switching a product's stock counting on or off while orders are open neither loses nor
-- invents stock. Lines from before are filled from the products' flags as they are now.
alter table concession_order_lines add column stock_taken jsonb not null default '[]'::jsonb;
alter table concession_order_lines add constraint concession_order_lines_stock_taken_check
  check (jsonb_typeof(stock_taken) = 'array');
update concession_order_lines l set stock_taken = coalesce((
  select jsonb_agg(jsonb_build_object('variantId', x.variant_id, 'quantity', x.quantity))
  from (
    select l.variant_id, 1 as quantity
    union all
    select (c ->> 'variantId')::uuid, coalesce((c ->> 'quantity')::int, 1)
    from jsonb_array_elements(case when jsonb_typeof(l.choices) = 'array' then l.choices else '[]'::jsonb end) c
    where c ? 'variantId'
  ) x
  join concession_variants v on v.id = x.variant_id
  join concession_products p on p.id = v.product_id
  where p.track_stock
), '[]'::jsonb);
