CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`column_name` text NOT NULL,
	`local_value` text NOT NULL,
	`local_hlc` text NOT NULL,
	`local_origin` text NOT NULL,
	`remote_value` text NOT NULL,
	`remote_hlc` text NOT NULL,
	`remote_origin` text NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`resolved_at`,`detected_at`);--> statement-breakpoint
CREATE TABLE `sync_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`peer_node` text,
	`file_name` text NOT NULL,
	`file_sha256` text,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`unit_id` text NOT NULL,
	`role` text NOT NULL,
	`unit_name` text NOT NULL,
	`province_plate` text,
	`sign_public_key` text NOT NULL,
	`box_public_key` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_nodes_node` ON `sync_nodes` (`node_id`);--> statement-breakpoint
CREATE TABLE `sync_peers` (
	`node_id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`role` text NOT NULL,
	`unit_name` text NOT NULL,
	`sign_public_key` text NOT NULL,
	`box_public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`acked_vector` text NOT NULL,
	`last_sent_at` text,
	`last_received_at` text,
	`last_file_created_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_pending` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_pending_row` ON `sync_pending` (`table_name`,`row_id`);--> statement-breakpoint
DROP INDEX `change_log_row`;--> statement-breakpoint
ALTER TABLE `change_log` ADD `base_hlc` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `rejected` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `change_log_field` ON `change_log` (`table_name`,`row_id`,`column_name`,`hlc`);--> statement-breakpoint
ALTER TABLE `installation` ADD `box_public_key` text;