-- Full-text search over associations: names, kütük no, registration no, VKN, district and people's names,
-- Turkish-folded into `search_text` by the data layer; triggers keep the external-content index in step.
CREATE VIRTUAL TABLE `associations_fts` USING fts5(search_text, content='associations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `associations_fts_ai` AFTER INSERT ON `associations` BEGIN
  INSERT INTO associations_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `associations_fts_ad` AFTER DELETE ON `associations` BEGIN
  INSERT INTO associations_fts(associations_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `associations_fts_au` AFTER UPDATE OF search_text ON `associations` BEGIN
  INSERT INTO associations_fts(associations_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO associations_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
-- Index the rows that existed before this migration.
INSERT INTO `associations_fts`(`associations_fts`) VALUES ('rebuild');
