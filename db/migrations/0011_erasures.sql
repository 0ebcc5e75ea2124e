-- A board member removed from an association's board keeps no TC number or contact details, in the row or in
-- the change log, anywhere (issue #15). These triggers note each such row; db/sync/erasure.ts erases.
CREATE TABLE `sync_erasures` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TRIGGER `association_people_erase_on_delete` AFTER UPDATE OF `deleted_at` ON `association_people`
WHEN NEW.`deleted_at` IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO `sync_erasures` (`table_name`, `row_id`) VALUES ('association_people', NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `association_people_erase_late_value` AFTER UPDATE OF `tc_kimlik_no`, `phone`, `email` ON `association_people`
WHEN NEW.`deleted_at` IS NOT NULL AND (NEW.`tc_kimlik_no` IS NOT NULL OR NEW.`phone` IS NOT NULL OR NEW.`email` IS NOT NULL)
BEGIN
  INSERT OR IGNORE INTO `sync_erasures` (`table_name`, `row_id`) VALUES ('association_people', NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `association_people_erase_on_insert` AFTER INSERT ON `association_people`
WHEN NEW.`deleted_at` IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO `sync_erasures` (`table_name`, `row_id`) VALUES ('association_people', NEW.`id`);
END;
--> statement-breakpoint
-- People removed before this version: erased by the next pass too.
INSERT OR IGNORE INTO `sync_erasures` (`table_name`, `row_id`) SELECT 'association_people', `id` FROM `association_people` WHERE `deleted_at` IS NOT NULL;
