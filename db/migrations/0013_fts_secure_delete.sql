-- Full-text indexes forget what is deleted (issue #15): a board member removed from an association's board,
-- or a row that left this installation's scope, must not stay findable, or readable, in an index segment
-- until it is merged. FTS5's secure-delete removes the entries at once (SQLite 3.44+).
INSERT INTO `associations_fts`(`associations_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `youth_centres_fts`(`youth_centres_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
-- What earlier deletions left in the segments goes with one merge of everything.
INSERT INTO `associations_fts`(`associations_fts`) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO `youth_centres_fts`(`youth_centres_fts`) VALUES ('optimize');
