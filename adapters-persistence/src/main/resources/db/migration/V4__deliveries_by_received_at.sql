-- Housekeeping deletes handled notification deliveries older than the retention period in batches; this index
-- lets each batch find them without reading the whole table.
CREATE INDEX notification_deliveries_by_received_at ON notification_deliveries (received_at);
