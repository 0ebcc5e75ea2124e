CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`column_name` text NOT NULL,
	`value` text NOT NULL,
	`hlc` text NOT NULL,
	`origin_node` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_origin_seq` ON `change_log` (`origin_node`,`seq`);--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`table_name`,`row_id`,`column_name`);--> statement-breakpoint
CREATE TABLE `sync_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_hlc` text NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `installation` (
	`id` integer PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`province_plate` text,
	`district_name` text,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`plate` text NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	FOREIGN KEY (`plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `districts_plate_sort` ON `districts` (`plate`,`sort_key`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`plate` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`district_count` integer NOT NULL,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `provinces_sort` ON `provinces` (`sort_key`);--> statement-breakpoint
CREATE TABLE `youth_centres` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`province_plate` text NOT NULL,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`phone` text,
	`email` text,
	`hall_capacity` integer,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`province_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `youth_centres_sort` ON `youth_centres` (`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `youth_centres_province_sort` ON `youth_centres` (`province_plate`,`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE TABLE `local_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
