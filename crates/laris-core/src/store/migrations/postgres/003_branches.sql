-- Laris on PostgreSQL, schema version 3: branches (outlets), as the SQLite
-- schema version 8 (../008_branches.sql): a branch column on the batches and
-- every record table ('' = no branch, every record stored before), and the
-- branch as the first column of every natural key.

ALTER TABLE import_batches ADD COLUMN branch TEXT NOT NULL DEFAULT '';

ALTER TABLE orders ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX orders_key;
CREATE UNIQUE INDEX orders_key ON orders(branch, order_id);

ALTER TABLE order_lines ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX order_lines_key;
CREATE UNIQUE INDEX order_lines_key ON order_lines(branch, order_id, line_no);

ALTER TABLE leads ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX leads_key;
CREATE UNIQUE INDEX leads_key ON leads(branch, lead_id);

ALTER TABLE deals ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX deals_key;
CREATE UNIQUE INDEX deals_key ON deals(branch, deal_id);

ALTER TABLE deal_stages ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX deal_stages_key;
CREATE UNIQUE INDEX deal_stages_key ON deal_stages(branch, deal_id, stage);

ALTER TABLE activities ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX activities_key;
DROP INDEX activities_hash;
CREATE UNIQUE INDEX activities_key ON activities(branch, activity_id);
CREATE UNIQUE INDEX activities_hash ON activities(branch, row_hash);

ALTER TABLE targets ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX targets_key;
CREATE UNIQUE INDEX targets_key ON targets(branch, period, rep, metric);

ALTER TABLE expenses ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX expenses_key;
CREATE UNIQUE INDEX expenses_key ON expenses(branch, row_hash);

ALTER TABLE csat ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX csat_key;
CREATE UNIQUE INDEX csat_key ON csat(branch, row_hash);

ALTER TABLE inquiries ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX inquiries_key;
CREATE UNIQUE INDEX inquiries_key ON inquiries(branch, inquiry_id);

ALTER TABLE subscriptions ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX subscriptions_key;
CREATE UNIQUE INDEX subscriptions_key ON subscriptions(branch, subscription_id);

-- An outlet may price its stock differently: its own cost rows. A line
-- whose branch has none takes the shop's ('').
ALTER TABLE products ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX products_key;
CREATE UNIQUE INDEX products_key ON products(branch, item_key, valid_from);

ALTER TABLE settlements ADD COLUMN branch TEXT NOT NULL DEFAULT '';
DROP INDEX settlements_key;
CREATE UNIQUE INDEX settlements_key ON settlements(branch, order_id);

-- A returns list names the orders of its own branch.
ALTER TABLE returns ADD COLUMN branch TEXT NOT NULL DEFAULT '';
ALTER TABLE returns DROP CONSTRAINT returns_pkey;
ALTER TABLE returns ADD PRIMARY KEY (branch, order_id);
