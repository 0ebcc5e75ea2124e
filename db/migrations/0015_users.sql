-- Users and roles (issue #16): accounts of this installation and their access log (local, never synced), and
-- the user on every local change and every reveal. Received changes keep a null actor: another installation
-- names the unit, and its own log the person.
CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`event` text NOT NULL,
	`subject_id` integer
);
--> statement-breakpoint
CREATE INDEX `access_log_at` ON `access_log` (`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`username_key` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`disabled_at` text,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_sign_in_at` text,
	`password_changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_key` ON `users` (`username_key`);--> statement-breakpoint
ALTER TABLE `change_log` ADD `actor` integer;--> statement-breakpoint
ALTER TABLE `reveal_log` ADD `actor_id` integer;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `resolved_by` integer;