-- Laris database, schema version 6: product costs and marketplace settlements
-- (profit.md).

-- One row per product and cost. item_key is the sku folded to lower case
-- ("sku:..."), else the product name folded ("name:..."); valid_from is ''
-- for a cost that holds from the beginning, so that it is part of the key.
CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    item_key    TEXT NOT NULL,
    sku         TEXT,
    product     TEXT,
    category    TEXT,
    cost_minor  INTEGER NOT NULL,
    price_minor INTEGER,
    valid_from  TEXT NOT NULL DEFAULT '',
    batch_id    INTEGER NOT NULL
);
CREATE UNIQUE INDEX products_key ON products(item_key, valid_from);

-- What a marketplace kept (fees_minor, positive) and paid out for an order.
CREATE TABLE settlements (
    id           INTEGER PRIMARY KEY,
    order_id     TEXT NOT NULL,
    settled_at   TEXT,
    fees_minor   INTEGER NOT NULL,
    payout_minor INTEGER,
    batch_id     INTEGER NOT NULL
);
CREATE UNIQUE INDEX settlements_key ON settlements(order_id);
