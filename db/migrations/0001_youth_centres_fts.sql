-- Full-text search over youth centres. `search_text` is Turkish-folded by the data layer (shared/turkish.ts),
-- so FTS5 only tokenises it; external content keeps one copy of the text, triggers keep the index in step.
CREATE VIRTUAL TABLE `youth_centres_fts` USING fts5(search_text, content='youth_centres', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `youth_centres_fts_ai` AFTER INSERT ON `youth_centres` BEGIN
  INSERT INTO youth_centres_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `youth_centres_fts_ad` AFTER DELETE ON `youth_centres` BEGIN
  INSERT INTO youth_centres_fts(youth_centres_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `youth_centres_fts_au` AFTER UPDATE OF search_text ON `youth_centres` BEGIN
  INSERT INTO youth_centres_fts(youth_centres_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO youth_centres_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
-- Index the rows that existed before this migration.
INSERT INTO `youth_centres_fts`(`youth_centres_fts`) VALUES ('rebuild');
