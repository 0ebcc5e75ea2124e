-- Held rows record what they wait for (issue #15): a row is tried again only when that row is written, not on
-- every import. Rows held by an older version have none recorded and are tried once by the next import.
ALTER TABLE `sync_pending` ADD `waits_table` text;--> statement-breakpoint
ALTER TABLE `sync_pending` ADD `waits_id` text;--> statement-breakpoint
CREATE INDEX `sync_pending_waits` ON `sync_pending` (`waits_table`,`waits_id`);