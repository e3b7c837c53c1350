CREATE TABLE customers (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    segment TEXT                                        -- 'enterprise', 'smb', 'consumer'; NULL: not assigned yet
);
CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER REFERENCES customers (id),   -- NULL: a guest checkout
    ordered_at     TEXT NOT NULL,                       -- 'YYYY-MM-DD HH:MM:SS', UTC
    status         TEXT NOT NULL,                       -- 'paid', 'refunded' or 'cancelled'
    discount_cents INTEGER                              -- off the whole order; NULL: no discount
);
CREATE TABLE order_items (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    sku              TEXT NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_cents INTEGER NOT NULL
);
CREATE INDEX order_items_by_order ON order_items (order_id);
