-- A participant who came for a directory organisation is keyed by their name alone (`q:<hash>`), and reports
-- pair the key with the organisation resolved through merges (issue #17: after two CSOs were merged, a
-- representative who came once for each still counted as two people). Rekeyed here the same way on every
-- installation (kopru_name_key, registered by db/migrate.ts). Rows whose name was already anonymised keep their
-- key: their name is gone, and with it any way to pair them across a merge.
UPDATE `meeting_participants` SET `person_key` = kopru_name_key(`full_name`)
  WHERE `person_key` LIKE 'p:%' AND `contact_id` IS NULL AND `organisation_id` IS NOT NULL AND `full_name` <> 'Anonim';
