-- Exchange trust (issue #14): signed segments of each origin's changes, passed on by every relay; changes
-- held back for a clock far ahead; revocation of a node's key by the unit that vouched for it.
-- sync_segments is WITHOUT ROWID (which drizzle's schema cannot say): the primary key is the table.
CREATE TABLE `sync_quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`origin_node` text NOT NULL,
	`first_seq` integer NOT NULL,
	`max_hlc` text NOT NULL,
	`ahead_minutes` integer NOT NULL,
	`peer_node` text NOT NULL,
	`file_name` text NOT NULL,
	`detected_at` text NOT NULL,
	`accepted_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_quarantine_origin` ON `sync_quarantine` (`origin_node`);--> statement-breakpoint
CREATE TABLE `sync_segments` (
	`origin_node` text NOT NULL,
	`first_seq` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`digest` text NOT NULL,
	`signature` text NOT NULL,
	PRIMARY KEY(`origin_node`, `first_seq`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `sync_nodes` ADD `revoked_after_seq` integer;