CREATE TABLE `association_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`document_id` text,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `association_attachments_assoc` ON `association_attachments` (`association_id`);--> statement-breakpoint
CREATE INDEX `association_attachments_sha` ON `association_attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `association_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`step` text NOT NULL,
	`visa_year` integer,
	`item_key` text NOT NULL,
	`received` integer NOT NULL,
	`received_on` text,
	`letter_date` text,
	`letter_no` text,
	`note` text,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `association_documents_item` ON `association_documents` (`association_id`,`step`,`visa_year`,`item_key`);--> statement-breakpoint
CREATE TABLE `association_history` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`at` text NOT NULL,
	`actor_unit` text NOT NULL,
	`actor_name` text,
	`letter_date` text,
	`letter_no` text,
	`reason` text,
	`data` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `association_history_assoc` ON `association_history` (`association_id`,`at`);--> statement-breakpoint
CREATE TABLE `association_people` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`kind` text NOT NULL,
	`membership` text,
	`role` text,
	`full_name` text NOT NULL,
	`tc_kimlik_no` text,
	`phone` text,
	`email` text,
	`profession` text,
	`certificate_no` text,
	`term_start` text,
	`term_end` text,
	`tc_hash` text,
	`sort_key` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `association_people_assoc` ON `association_people` (`association_id`,`kind`,`sort_key`);--> statement-breakpoint
CREATE INDEX `association_people_tc_hash` ON `association_people` (`tc_hash`);--> statement-breakpoint
CREATE TABLE `associations` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`province_plate` text NOT NULL,
	`district_id` text NOT NULL,
	`neighbourhood` text,
	`street` text,
	`name` text NOT NULL,
	`short_name` text,
	`club_type` text NOT NULL,
	`kutuk_no` text,
	`vkn` text,
	`tax_office` text,
	`founded_on` text,
	`phone` text,
	`email` text,
	`website` text,
	`activity_areas` text NOT NULL,
	`member_count` integer,
	`activity_place` text,
	`activity_place_document` text,
	`transferred_from` text,
	`status` text NOT NULL,
	`registration_no` text,
	`registered_on` text,
	`transferred_to` text,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`province_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `associations_sort` ON `associations` (`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `associations_province_sort` ON `associations` (`province_plate`,`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `associations_status_sort` ON `associations` (`status`,`sort_key`);--> statement-breakpoint
CREATE INDEX `associations_kutuk` ON `associations` (`kutuk_no`);--> statement-breakpoint
CREATE INDEX `associations_vkn` ON `associations` (`vkn`);--> statement-breakpoint
CREATE INDEX `associations_registration_no` ON `associations` (`registration_no`);--> statement-breakpoint
CREATE TABLE `derbis_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`as_of` text NOT NULL,
	`source` text NOT NULL,
	`legal_status` text NOT NULL,
	`last_general_assembly_on` text,
	`organs_elected_on` text,
	`organs_notified_on` text,
	`declaration_year` integer,
	`note` text,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `derbis_snapshots_assoc` ON `derbis_snapshots` (`association_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`name` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `number_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reference_data` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reveal_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_name` text,
	`purpose` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`from_plate` text NOT NULL,
	`to_plate` text NOT NULL,
	`to_district_id` text,
	`new_kutuk_no` text,
	`reason` text NOT NULL,
	`letter_date` text,
	`letter_no` text,
	`state` text NOT NULL,
	`new_association_id` text,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfers_assoc` ON `transfers` (`association_id`);--> statement-breakpoint
CREATE INDEX `transfers_to` ON `transfers` (`to_plate`,`state`);--> statement-breakpoint
CREATE TABLE `visa_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`association_id` text NOT NULL,
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`applied_on` text NOT NULL,
	`letter_date` text,
	`letter_no` text,
	`decided_on` text,
	`reason` text,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visa_applications_assoc_year` ON `visa_applications` (`association_id`,`year`);