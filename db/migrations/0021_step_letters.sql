-- The signed EBYS letter of a workflow step, attached to that step (issue #18): the file hangs on the
-- association_history row it belongs to, written by the unit that owns the step.
ALTER TABLE `association_attachments` ADD `history_id` text;--> statement-breakpoint
CREATE INDEX `association_attachments_history` ON `association_attachments` (`history_id`);