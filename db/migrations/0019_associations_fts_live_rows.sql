-- The association index holds live rows only (issue #17: a search at the ministry counted every match by reading
-- each matched row to skip the deleted ones, 100,000 reads for "genclik"). A deleted association leaves the
-- index (it is not findable anyway, and its names should not stay in an index segment); the number of matches
-- is then the index's own count. A row comes back into the index if its deletion is ever undone.
DROP TRIGGER `associations_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `associations_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `associations_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `associations_fts_ai` AFTER INSERT ON `associations` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO associations_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `associations_fts_ad` AFTER DELETE ON `associations` WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO associations_fts(associations_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `associations_fts_au` AFTER UPDATE OF search_text, deleted_at ON `associations` BEGIN
  INSERT INTO associations_fts(associations_fts, rowid, search_text) SELECT 'delete', old.rowid, old.search_text WHERE old.deleted_at IS NULL;
  INSERT INTO associations_fts(rowid, search_text) SELECT new.rowid, new.search_text WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
INSERT INTO `associations_fts`(`associations_fts`, rowid, search_text) SELECT 'delete', rowid, search_text FROM `associations` WHERE deleted_at IS NOT NULL;
