-- Row lookups in the change log need only (table, row): judging a received row, rebuilding it, a local
-- edit's base HLC. The old index also held column and HLC, nearly the size of the log itself (124 MB per
-- million changes), and every stored change paid for it twice (insert and checkpoint).
DROP INDEX `change_log_field`;--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`table_name`,`row_id`);