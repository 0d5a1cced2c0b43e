-- Laris database, schema version 2: the value-set checks of orders, deals,
-- targets and expenses written as comparisons. SQLite evaluates
-- `x IN ('a', 'b', 'c')` (more than two values) by building a temporary
-- index for every row inserted, which made a million-row import spend about
-- a fifth of its SQLite time on it; `x = 'a' OR x = 'b' OR ...` accepts
-- exactly the same values. A CHECK cannot be altered in place, so each table
-- is rebuilt as SQLite documents (create, copy, drop, rename, re-index).

CREATE TABLE orders_new (
    id            INTEGER PRIMARY KEY,
    order_id      TEXT NOT NULL,
    date          TEXT NOT NULL,
    customer_id   TEXT,
    customer_name TEXT,
    rep           TEXT,
    channel       TEXT,
    status        TEXT NOT NULL CHECK (status = 'paid' OR status = 'unpaid' OR status = 'refunded' OR status = 'cancelled'),
    total_minor   INTEGER,
    batch_id      INTEGER NOT NULL
);
INSERT INTO orders_new SELECT * FROM orders;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE UNIQUE INDEX orders_key ON orders(order_id);

CREATE TABLE deals_new (
    id                INTEGER PRIMARY KEY,
    deal_id           TEXT NOT NULL,
    name              TEXT,
    rep               TEXT,
    created_at        TEXT,
    stage             TEXT,
    status            TEXT NOT NULL CHECK (status = 'open' OR status = 'won' OR status = 'lost'),
    value_minor       INTEGER,
    closed_at         TEXT,
    close_value_minor INTEGER,
    lead_id           TEXT,
    batch_id          INTEGER NOT NULL
);
INSERT INTO deals_new SELECT * FROM deals;
DROP TABLE deals;
ALTER TABLE deals_new RENAME TO deals;
CREATE UNIQUE INDEX deals_key ON deals(deal_id);

CREATE TABLE targets_new (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL,
    rep          TEXT NOT NULL DEFAULT '',
    metric       TEXT NOT NULL CHECK (metric = 'revenue' OR metric = 'deals_won' OR metric = 'new_customers' OR metric = 'activities'),
    target_minor INTEGER NOT NULL,
    batch_id     INTEGER NOT NULL
);
INSERT INTO targets_new SELECT * FROM targets;
DROP TABLE targets;
ALTER TABLE targets_new RENAME TO targets;
CREATE UNIQUE INDEX targets_key ON targets(period, rep, metric);

CREATE TABLE expenses_new (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category = 'marketing' OR category = 'sales' OR category = 'other'),
    amount_minor INTEGER NOT NULL,
    description  TEXT,
    row_hash     TEXT NOT NULL,
    batch_id     INTEGER NOT NULL
);
INSERT INTO expenses_new SELECT * FROM expenses;
DROP TABLE expenses;
ALTER TABLE expenses_new RENAME TO expenses;
CREATE UNIQUE INDEX expenses_key ON expenses(row_hash);
