-- A meeting participant's person key travels with the row (issue #16): anonymising the name after its retention
-- period must keep every unique-people figure. Keys that held the folded name (`n:<name>|<organisation>`) become
-- its one-way hash, the same on every installation (kopru_person_key, registered by db/migrate.ts), so the
-- installations that hold a row keep agreeing on who it is; contact keys (`c:<contact id>`) stay as they are.
UPDATE `meeting_participants` SET `person_key` = kopru_person_key(`person_key`) WHERE `person_key` LIKE 'n:%';
--> statement-breakpoint
-- Destroying a scanned document asks whether any other record names its stored file (db/privacy/destruction.ts).
CREATE INDEX `meeting_files_sha` ON `meeting_files` (`sha256`);
