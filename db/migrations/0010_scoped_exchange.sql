-- Scoped exchange (issue #15): each installation holds what its unit needs. What a file from the parent covered
-- beyond the changes it brought (sync_coverage), the rows sent to each child (sync_peer_rows), numbered files and
-- their receipts (sync_peers, sync_ledger), a youth-centre installation's own centre (sync_nodes.centre_id), and
-- the record of rows removed for good (destruction_log). sync_peer_rows is WITHOUT ROWID (drizzle's schema cannot say it).
CREATE TABLE `destruction_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`reason` text NOT NULL,
	`source` text,
	`destroyed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `destruction_log_at` ON `destruction_log` (`destroyed_at`);--> statement-breakpoint
CREATE TABLE `sync_coverage` (
	`origin_node` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_peer_rows` (
	`peer_node` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`export_no` integer NOT NULL,
	PRIMARY KEY(`peer_node`, `table_name`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `sync_peer_rows_export` ON `sync_peer_rows` (`peer_node`,`export_no`);--> statement-breakpoint
ALTER TABLE `sync_ledger` ADD `export_no` integer;--> statement-breakpoint
ALTER TABLE `sync_ledger` ADD `received_at` text;--> statement-breakpoint
ALTER TABLE `sync_nodes` ADD `centre_id` text;--> statement-breakpoint
ALTER TABLE `sync_peers` ADD `exports_written` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_peers` ADD `exports_confirmed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_peers` ADD `imports_applied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_peers` ADD `imports_applied_at` text;