-- Retention and destruction (issue #16): the destruction log also records each retention rule applied — the rule,
-- the columns erased, how many records and earlier change-log copies, what ran it (the daily run or by hand) and
-- who. Entries of rows that left the scope (migration 0010) leave these empty.
ALTER TABLE `destruction_log` ADD `rule_id` text;--> statement-breakpoint
ALTER TABLE `destruction_log` ADD `columns` text;--> statement-breakpoint
ALTER TABLE `destruction_log` ADD `records` integer;--> statement-breakpoint
ALTER TABLE `destruction_log` ADD `copies` integer;--> statement-breakpoint
ALTER TABLE `destruction_log` ADD `trigger` text;--> statement-breakpoint
ALTER TABLE `destruction_log` ADD `actor` text;