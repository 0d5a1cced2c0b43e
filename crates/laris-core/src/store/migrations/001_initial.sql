-- Laris database, schema version 1.
-- One table per record kind (see the data model), named after the kind, with the
-- canonical field names as columns. Money is stored in integer hundredths of the
-- currency unit in columns ending in `_minor`; dates and date-times as ISO 8601 text
-- (wall clock, no time zone). Every row remembers the import batch that added it
-- (`batch_id`); what later imports changed in it is kept in batch_changes.

PRAGMA application_id = 1279349331; -- 'LARS': marks the file as a Laris database

CREATE TABLE import_batches (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    kind           TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    rows_added     INTEGER NOT NULL DEFAULT 0,
    rows_updated   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_skipped   INTEGER NOT NULL DEFAULT 0,
    undone_at      TEXT
);

-- What each batch changed in rows it did not add, so it can be undone: an
-- `update` gets `old_values` (a JSON array of the kind's columns) back, a `delete`
-- (an order line dropped by a newer export) is put back from `old_values` (the
-- columns, then the batch_id). Rows a batch added are found by their batch_id.
CREATE TABLE batch_changes (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES import_batches(id),
    kind       TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('update', 'delete')),
    old_values TEXT
);
CREATE INDEX batch_changes_batch ON batch_changes(batch_id);
CREATE INDEX batch_changes_row ON batch_changes(kind, row_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The spelling shown for a free-text key (rep, channel, source, product, stage,
-- activity type): the first one seen, kept even when the rows are undone.
CREATE TABLE display_names (
    field   TEXT NOT NULL,
    folded  TEXT NOT NULL,
    display TEXT NOT NULL,
    PRIMARY KEY (field, folded)
) WITHOUT ROWID;

CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    order_id      TEXT NOT NULL,
    date          TEXT NOT NULL,
    customer_id   TEXT,
    customer_name TEXT,
    rep           TEXT,
    channel       TEXT,
    status        TEXT NOT NULL CHECK (status IN ('paid', 'unpaid', 'refunded', 'cancelled')),
    total_minor   INTEGER,
    batch_id      INTEGER NOT NULL
);
CREATE UNIQUE INDEX orders_key ON orders(order_id);

CREATE TABLE order_lines (
    id                INTEGER PRIMARY KEY,
    order_id          TEXT NOT NULL,
    line_no           INTEGER NOT NULL,
    product           TEXT NOT NULL,
    sku               TEXT,
    quantity          REAL,
    unit_price_minor  INTEGER,
    line_total_minor  INTEGER,
    batch_id          INTEGER NOT NULL
);
CREATE UNIQUE INDEX order_lines_key ON order_lines(order_id, line_no);

CREATE TABLE leads (
    id                INTEGER PRIMARY KEY,
    lead_id           TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    source            TEXT,
    rep               TEXT,
    first_response_at TEXT,
    status            TEXT,
    converted_at      TEXT,
    customer_id       TEXT,
    batch_id          INTEGER NOT NULL
);
CREATE UNIQUE INDEX leads_key ON leads(lead_id);

CREATE TABLE deals (
    id                INTEGER PRIMARY KEY,
    deal_id           TEXT NOT NULL,
    name              TEXT,
    rep               TEXT,
    created_at        TEXT,
    stage             TEXT,
    status            TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    value_minor       INTEGER,
    closed_at         TEXT,
    close_value_minor INTEGER,
    lead_id           TEXT,
    batch_id          INTEGER NOT NULL
);
CREATE UNIQUE INDEX deals_key ON deals(deal_id);

CREATE TABLE deal_stages (
    id         INTEGER PRIMARY KEY,
    deal_id    TEXT NOT NULL,
    stage      TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    batch_id   INTEGER NOT NULL
);
CREATE UNIQUE INDEX deal_stages_key ON deal_stages(deal_id, stage);

-- An activity without activity_id is keyed by row_hash: the hash of its values
-- and its occurrence number among identical rows of its file.
CREATE TABLE activities (
    id               INTEGER PRIMARY KEY,
    activity_id      TEXT,
    date             TEXT NOT NULL,
    rep              TEXT,
    type             TEXT NOT NULL,
    duration_minutes REAL,
    count            INTEGER,
    deal_id          TEXT,
    lead_id          TEXT,
    row_hash         TEXT,
    batch_id         INTEGER NOT NULL
);
CREATE UNIQUE INDEX activities_key ON activities(activity_id);
CREATE UNIQUE INDEX activities_hash ON activities(row_hash);

-- rep is '' for a target of the whole team. target_minor is in hundredths, for
-- counts as for money, so that a prorated or fractional target stays exact.
CREATE TABLE targets (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL,
    rep          TEXT NOT NULL DEFAULT '',
    metric       TEXT NOT NULL CHECK (metric IN ('revenue', 'deals_won', 'new_customers', 'activities')),
    target_minor INTEGER NOT NULL,
    batch_id     INTEGER NOT NULL
);
CREATE UNIQUE INDEX targets_key ON targets(period, rep, metric);

CREATE TABLE expenses (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category IN ('marketing', 'sales', 'other')),
    amount_minor INTEGER NOT NULL,
    description  TEXT,
    row_hash     TEXT NOT NULL,
    batch_id     INTEGER NOT NULL
);
CREATE UNIQUE INDEX expenses_key ON expenses(row_hash);

CREATE TABLE csat (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    customer_id TEXT,
    score       REAL NOT NULL CHECK (score BETWEEN 1 AND 5),
    row_hash    TEXT NOT NULL,
    batch_id    INTEGER NOT NULL
);
CREATE UNIQUE INDEX csat_key ON csat(row_hash);

CREATE TABLE inquiries (
    id           INTEGER PRIMARY KEY,
    inquiry_id   TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    responded_at TEXT,
    channel      TEXT,
    customer_id  TEXT,
    batch_id     INTEGER NOT NULL
);
CREATE UNIQUE INDEX inquiries_key ON inquiries(inquiry_id);

CREATE TABLE subscriptions (
    id                   INTEGER PRIMARY KEY,
    subscription_id      TEXT NOT NULL,
    customer_id          TEXT,
    plan                 TEXT,
    monthly_amount_minor INTEGER NOT NULL,
    start_date           TEXT NOT NULL,
    end_date             TEXT,
    batch_id             INTEGER NOT NULL
);
CREATE UNIQUE INDEX subscriptions_key ON subscriptions(subscription_id);
