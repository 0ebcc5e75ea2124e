-- Row lookups in the change log go through runs instead of an index of every change: change_log_runs holds
-- one entry per run of consecutive ids of one row (see db/changeLog/schema.ts). The index was a quarter of
-- what an import of a million changes wrote. Existing logs get their runs first: a row's ids that are
-- consecutive integers make one run (id minus the row's running count is constant along a run).
-- WITHOUT ROWID (which drizzle's schema cannot say): the primary key is the table, one B-tree instead of two.
CREATE TABLE `change_log_runs` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`first_id` integer NOT NULL,
	`last_id` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `first_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `change_log_runs` (`table_name`, `row_id`, `first_id`, `last_id`)
SELECT `table_name`, `row_id`, min(`id`), max(`id`) FROM (
	SELECT `id`, `table_name`, `row_id`, `id` - row_number() OVER (PARTITION BY `table_name`, `row_id` ORDER BY `id`) AS `run`
	FROM `change_log`
) GROUP BY `table_name`, `row_id`, `run`;
--> statement-breakpoint
DROP INDEX `change_log_row`;
