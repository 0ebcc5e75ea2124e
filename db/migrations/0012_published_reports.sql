-- Figures the ministry publishes for every installation: counts with their definitions, no rows (issue #15).
CREATE TABLE `published_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`scope_label` text NOT NULL,
	`report` text NOT NULL,
	`published_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `published_reports_published_at` ON `published_reports` (`published_at`);