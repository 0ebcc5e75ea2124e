-- Each unit's official letterhead, DETSİS number and signatory, synced to every installation (issue #18).
CREATE TABLE `letterheads` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`institution` text NOT NULL,
	`unit_title` text NOT NULL,
	`detsis_no` text,
	`address` text,
	`phone` text,
	`email` text,
	`kep` text,
	`contact` text,
	`signatory_name` text,
	`signatory_title` text,
	`signatory_on_behalf_of` text,
	`file_codes` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `letterheads_owner` ON `letterheads` (`owner_unit`);