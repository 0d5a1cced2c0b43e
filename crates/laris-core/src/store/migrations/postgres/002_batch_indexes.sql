-- Laris on PostgreSQL, schema version 2: the SQLite schema version 7's
-- indexes by import batch on every record table (../007_batch_indexes.sql),
-- for the same reason: an undo finds a batch's rows without reading whole tables.
CREATE INDEX orders_batch ON orders(batch_id);
CREATE INDEX order_lines_batch ON order_lines(batch_id);
CREATE INDEX leads_batch ON leads(batch_id);
CREATE INDEX deals_batch ON deals(batch_id);
CREATE INDEX deal_stages_batch ON deal_stages(batch_id);
CREATE INDEX activities_batch ON activities(batch_id);
CREATE INDEX targets_batch ON targets(batch_id);
CREATE INDEX expenses_batch ON expenses(batch_id);
CREATE INDEX csat_batch ON csat(batch_id);
CREATE INDEX inquiries_batch ON inquiries(batch_id);
CREATE INDEX subscriptions_batch ON subscriptions(batch_id);
CREATE INDEX products_batch ON products(batch_id);
CREATE INDEX settlements_batch ON settlements(batch_id);
CREATE INDEX returns_batch ON returns(batch_id);
CREATE INDEX rep_names_batch ON rep_names(batch_id);
