CREATE TABLE `contact_affiliations` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`contact_id` text NOT NULL,
	`organisation_id` text,
	`title` text,
	`until_on` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_affiliations_contact` ON `contact_affiliations` (`contact_id`);--> statement-breakpoint
CREATE INDEX `contact_affiliations_org` ON `contact_affiliations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`organisation_id` text,
	`full_name` text NOT NULL,
	`title` text,
	`phone` text,
	`email` text,
	`notes` text,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_org` ON `contacts` (`organisation_id`,`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `contacts_sort` ON `contacts` (`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`subject` text NOT NULL,
	`note` text,
	`letter_date` text,
	`letter_no` text,
	`follow_up` text,
	`follow_up_due` text,
	`follow_up_done_on` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interactions_org` ON `interactions` (`organisation_id`,`on_date`);--> statement-breakpoint
CREATE INDEX `interactions_due` ON `interactions` (`follow_up_done_on`,`follow_up_due`);--> statement-breakpoint
CREATE TABLE `org_relations` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`organisation_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`relation_type` text NOT NULL,
	`start_on` text,
	`end_on` text,
	`note` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_relations_org` ON `org_relations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`subtype` text,
	`name` text NOT NULL,
	`short_name` text,
	`province_plate` text NOT NULL,
	`district_id` text,
	`activity_areas` text NOT NULL,
	`youth_focus` integer NOT NULL,
	`vkn` text,
	`kutuk_no` text,
	`association_id` text,
	`phone` text,
	`email` text,
	`website` text,
	`address` text,
	`notes` text,
	`merged_into` text,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`province_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisations_sort` ON `organisations` (`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `organisations_province_sort` ON `organisations` (`province_plate`,`deleted_at`,`sort_key`);--> statement-breakpoint
CREATE INDEX `organisations_vkn` ON `organisations` (`vkn`);--> statement-breakpoint
CREATE INDEX `organisations_kutuk` ON `organisations` (`kutuk_no`);--> statement-breakpoint
CREATE INDEX `organisations_merged` ON `organisations` (`merged_into`);--> statement-breakpoint
CREATE TABLE `meeting_agenda` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`minutes` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_agenda_meeting` ON `meeting_agenda` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`meeting_id` text NOT NULL,
	`youth_centre_id` text NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`responsible` text,
	`due_on` text,
	`state` text NOT NULL,
	`state_note` text,
	`reviewed_in_meeting_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_centre_id`) REFERENCES `youth_centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_in_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_decisions_meeting` ON `meeting_decisions` (`meeting_id`,`number`);--> statement-breakpoint
CREATE INDEX `meeting_decisions_centre` ON `meeting_decisions` (`youth_centre_id`,`state`);--> statement-breakpoint
CREATE TABLE `meeting_files` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`meeting_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_files_meeting` ON `meeting_files` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`meeting_id` text NOT NULL,
	`kind` text NOT NULL,
	`full_name` text NOT NULL,
	`title` text,
	`organisation_id` text,
	`organisation_name` text,
	`contact_id` text,
	`invited` integer NOT NULL,
	`attended` integer NOT NULL,
	`walk_in` integer NOT NULL,
	`phone` text,
	`email` text,
	`person_key` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_participants_meeting` ON `meeting_participants` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_participants_org` ON `meeting_participants` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `meeting_participants_kind` ON `meeting_participants` (`kind`,`attended`);--> statement-breakpoint
CREATE TABLE `meeting_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`meeting_id` text NOT NULL,
	`category` text NOT NULL,
	`organisation_id` text,
	`text` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_requests_meeting` ON `meeting_requests` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`youth_centre_id` text NOT NULL,
	`province_plate` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`hall` text NOT NULL,
	`chair` text,
	`rapporteur` text,
	`state` text NOT NULL,
	`letter_date` text,
	`letter_no` text,
	`state_reason` text,
	`minutes` text,
	`term_year` integer NOT NULL,
	`term_no` integer NOT NULL,
	FOREIGN KEY (`youth_centre_id`) REFERENCES `youth_centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_centre_date` ON `meetings` (`youth_centre_id`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_province_term` ON `meetings` (`province_plate`,`term_year`,`term_no`,`state`);--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date`);--> statement-breakpoint
CREATE INDEX `meetings_term_state` ON `meetings` (`term_year`,`term_no`,`state`);--> statement-breakpoint
CREATE TABLE `workshop_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`workshop_id` text NOT NULL,
	`organisation_id` text,
	`organisation_name` text,
	`province_plate` text NOT NULL,
	`full_name` text NOT NULL,
	`title` text,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workshop_participants_workshop` ON `workshop_participants` (`workshop_id`);--> statement-breakpoint
CREATE INDEX `workshop_participants_org` ON `workshop_participants` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `workshops` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_unit` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`region` text,
	`host_plate` text,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`venue` text,
	`programme` text NOT NULL,
	`findings` text,
	FOREIGN KEY (`host_plate`) REFERENCES `provinces`(`plate`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workshops_start` ON `workshops` (`start_on`);--> statement-breakpoint
CREATE INDEX `workshops_region` ON `workshops` (`region`,`start_on`);